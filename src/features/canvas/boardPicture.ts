/**
 * A picture of the whole board, drawn with plain DOM before React has loaded (`app/firstPaint.ts`),
 * from the canvas as storage holds it: the same elements, class names and words as CanvasHeader,
 * BoardView, StepPanel, CardList and CardItem render when the canvas has just opened, so it looks
 * the same; React's first render replaces it. Text goes in as text (`textContent`, `append` of
 * strings), never as HTML: a card's text is the user's, never markup.
 *
 * A picture only: the caller puts it inside an `inert`, `aria-hidden` wrapper. Its words come from
 * `boardText.ts` and the domain, shared with the live board; a browser test
 * (test/e2e/first-paint.spec.ts) compares the two, text and position.
 */
import { exampleCards, cardsInStep } from '../../domain/cardQueries';
import { openConcernEntries, stepCheckCounts } from '../../domain/canvas';
import { governanceIdsForStep } from '../../domain/governanceKeys';
import { STEP_GUIDANCE, type StepPrompt } from '../../domain/stepGuidance';
import { type Canvas, type Card, STEP_IDS, type StepId, displayTitle } from '../../domain/model';
import { SOURCES } from '../../domain/sources';
import { type CardLinks, shortText, threadLinks } from '../../domain/thread';
import {
  CANVAS_VIEW_LINKS,
  THREAD_NAMES_SHOWN,
  cardDescription,
  ethicsChecksSummary,
  examplesSentence,
  governanceChecksSummary,
  votesMark,
} from './boardText';
import { stepDropId } from './dragData';
// The styles the board needs, loaded with this picture (the canvas screen's chunk brings them again).
import '../sharing/sharing.css';
import './CanvasHeader.css';
import './BoardView.css';
import './StepPanel.css';
import './CardList.css';
import './CardItem.css';
import './EthicsChecks.css';

type Child = Node | string | null | false;

/** An element with attributes (null leaves one out) and children; strings become text nodes. */
function h(tag: string, attributes: Record<string, string | null> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const name in attributes) {
    const value = attributes[name]!;
    if (value !== null) element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

const hidden = (text: string) => h('span', { class: 'visually-hidden' }, text);

/** The canvas's title, description and toolbar, as CanvasHeader shows them (no other tab known yet, nothing shared). */
function header(canvas: Canvas, view: string): HTMLElement {
  const title = h('textarea', {
    id: 'canvas-title',
    class: 'canvas-title-input',
    rows: '1',
    placeholder: 'Untitled canvas',
    dir: 'auto',
  }) as HTMLTextAreaElement;
  title.value = canvas.title;
  const description = h('textarea', { id: 'canvas-description', class: 'textarea', dir: 'auto' }) as HTMLTextAreaElement;
  description.value = canvas.description;
  const concerns = openConcernEntries(canvas).length;
  const small = (attributes: Record<string, string | null>, ...label: Child[]) =>
    h('button', { type: 'button', class: 'button button--secondary button--small', ...attributes }, ...label);
  return h(
    'div',
    { class: 'canvas-head no-print' },
    h('p', {}, h('a', { href: '#/' }, '← All canvases')),
    h('h1', { class: 'visually-hidden' }, displayTitle(canvas)),
    h('div', { class: 'field' }, h('label', { for: 'canvas-title', class: 'visually-hidden' }, 'Canvas title'), title),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'canvas-description' }, 'Description'),
      h(
        'span',
        { class: 'visually-hidden', id: 'canvas-description-hint' },
        'The high-level outcome or theme, for example “Tackling racial inequality”.',
      ),
      description,
    ),
    h('div', { role: 'status' }),
    h(
      'div',
      { class: 'canvas-toolbar' },
      h(
        'nav',
        { class: 'segmented', 'aria-label': 'Canvas views' },
        ...CANVAS_VIEW_LINKS.map((link) =>
          h(
            'a',
            { href: `#/canvas/${canvas.id}/${link.path}`, 'aria-current': link.view === view ? 'page' : null },
            link.label({ concerns, participant: false }),
          ),
        ),
      ),
      h(
        'div',
        { class: 'button-row' },
        h('div', { class: 'sharing-controls' }, h('button', { type: 'button', class: 'button button--small' }, 'Invite people')),
        h('button', { type: 'button', class: 'button button--small' }, 'Present'),
        // No titles (tooltips) or key hints: nothing in a picture can be pointed at (it is inert).
        small({ 'aria-disabled': 'true' }, '↶ Undo'),
        small({ 'aria-disabled': 'true' }, '↷ Redo'),
        small({}, h('span', { 'aria-hidden': 'true' }, '⌨'), ' Shortcuts'),
      ),
    ),
  );
}

function prompt({ text, quotedFrom }: StepPrompt): string {
  return quotedFrom ? `“${text}” (${SOURCES[quotedFrom].shortCite})` : text;
}

/** The bar is the same on every card: built once, then cloned (cheaper than building it for each of hundreds of cards). */
let cardBar: HTMLElement | undefined;

/** One card, as CardItem shows it before it is edited (its privacy warnings come later there too). */
function cardItem(card: Card, index: number, step: StepId, links: CardLinks | undefined, canvas: Canvas): HTMLElement {
  const guide = STEP_GUIDANCE[step];
  const text = card.text
    ? h('div', { class: 'card__text', dir: 'auto' }, card.text)
    : h(
        'div',
        { class: 'card__text', 'data-empty': '' },
        hidden('Empty card'),
        h('span', { class: 'card__placeholder', 'aria-hidden': 'true' }, guide.cardPlaceholder),
      );
  const marks =
    (card.votes > 0 || card.agreed || card.example) &&
    h(
      'div',
      { class: 'card__marks', 'aria-hidden': 'true' },
      card.example && h('span', { class: 'card__mark card__mark--example' }, 'Example'),
      card.votes > 0 && h('span', { class: 'card__mark card__mark--votes' }, votesMark(card.votes)),
      card.agreed && h('span', { class: 'card__mark card__mark--agreed' }, '✓ Agreed'),
    );
  const thread = links
    ? h('div', { class: 'card__thread' }, threadLine('Serves', links.serves, canvas), threadLine('Served by', links.servedBy, canvas))
    : null;
  const li = h(
    'li',
    {
      class: 'card',
      'data-card-id': card.id,
      'data-step': step,
      'data-colour': card.colour,
      'data-agreed': card.agreed ? 'true' : null,
      'data-example': card.example ? 'true' : null,
    },
    (cardBar ??= h(
      'div',
      { class: 'card__bar' },
      h('span', { class: 'drag-handle', 'aria-hidden': 'true' }, '⠿'),
      h('button', { type: 'button', class: 'icon-button card__menu-button', tabindex: '-1' }, '⋯'),
    )).cloneNode(true),
    text,
    marks,
    thread,
    h('span', { class: 'visually-hidden' }, cardDescription(card, index, step)),
  );
  return li;
}

/** "Serves: “…”; “…” and 2 more", as CardThread names linked cards. */
function threadLine(label: string, ids: readonly string[], canvas: Canvas): HTMLElement | null {
  if (ids.length === 0) return null;
  const more = ids.length - THREAD_NAMES_SHOWN;
  return h(
    'p',
    {},
    h('span', { class: 'card__thread-label' }, `${label}:`),
    ' ',
    ...ids
      .slice(0, THREAD_NAMES_SHOWN)
      .map((id, index) => h('span', {}, index > 0 && '; ', h('span', { dir: 'auto' }, `“${shortText(canvas.cards[id]?.text ?? '', 40)}”`))),
    more > 0 && ` and ${more} more`,
  );
}

/** A folded group of checks, as EthicsChecks shows it on the board: only its summary shows until opened. */
const foldedChecks = (className: string, label: string, summary: string) =>
  h('section', { class: className, 'aria-label': label }, h('details', {}, h('summary', {}, summary)));

/** One step's column, as StepPanel shows it on the board. */
function stepColumn(canvas: Canvas, step: StepId, links: Map<string, CardLinks>): HTMLElement {
  const guide = STEP_GUIDANCE[step];
  const cards = cardsInStep(canvas, step);
  const counts = stepCheckCounts(canvas, step);
  const governance = governanceIdsForStep(step);
  return h(
    'section',
    {
      class: 'step',
      'aria-labelledby': `step-${step}-heading`,
      'data-drop-step': step,
      'data-drop-kind': 'list',
      'data-drop-id': stepDropId(step),
    },
    h('p', { class: 'step__kicker' }, `Step ${STEP_IDS.indexOf(step) + 1} of ${STEP_IDS.length}`),
    h('h2', { class: 'step__title' }, guide.title),
    h('p', { class: 'step__summary' }, guide.summary),
    h('blockquote', { class: 'step__question' }, h('p', {}, `“${guide.question}”`), h('footer', {}, guide.questionSource)),
    h('h3', { class: 'visually-hidden' }, `Prompts for ${guide.title}`),
    h('ul', { class: 'step__prompts' }, ...guide.prompts.map((item) => h('li', {}, prompt(item)))),
    h(
      'div',
      { class: 'card-list-area' },
      h('h3', { class: 'visually-hidden' }, `Cards in ${guide.title}`),
      h(
        'ul',
        { class: 'card-list', 'data-card-list': '', 'data-step': step },
        ...cards.map((card, index) => cardItem(card, index, step, links.get(card.id), canvas)),
      ),
      cards.length === 0 && h('p', { class: 'hint' }, 'No cards yet. Add the first idea for this step.'),
      h('button', { type: 'button', class: 'button button--secondary' }, '+ Add card', hidden(` to ${guide.title}`)),
    ),
    foldedChecks('checks', `Ethics checks for ${guide.title}`, ethicsChecksSummary(step, counts)),
    governance.length > 0 &&
      foldedChecks(
        'checks checks--governance',
        `Before this goes live: ${guide.title}`,
        governanceChecksSummary(step, governance.length, counts),
      ),
  );
}

/** The whole board's screen as it first renders: the header, the four columns and, while there are examples, their banner. */
export function boardPicture(canvas: Canvas): DocumentFragment {
  const links = threadLinks(canvas);
  const examples = exampleCards(canvas).length;
  const fragment = document.createDocumentFragment();
  fragment.append(header(canvas, 'board'), h('div', { class: 'board' }, ...STEP_IDS.map((step) => stepColumn(canvas, step, links))));
  if (examples > 0) {
    fragment.append(
      h(
        'div',
        { class: 'banner examples-banner' },
        h('p', {}, examplesSentence(examples)),
        h('button', { type: 'button', class: 'button button--secondary button--small' }, `Remove all ${examples} examples`),
      ),
    );
  }
  return fragment;
}

/** The tab's title, as the canvas screen names the board. */
export const boardDocumentTitle = (canvas: Canvas) => `Whole board – ${displayTitle(canvas)} – Outcome Canvas`;
