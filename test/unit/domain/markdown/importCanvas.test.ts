// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canvasToMarkdown } from '../../../../src/domain/markdown/exportCanvas';
import { describeProblems, importCanvasMarkdown } from '../../../../src/domain/markdown/importCanvas';
import { checkKey } from '../../../../src/domain/model';
import { buildCanvas } from '../../helpers/canvasBuilder';

const FRONT = '---\nformat: outcome-canvas\nversion: 1\n---\n\n';
const problems = (markdown: string) => {
  const result = importCanvasMarkdown(markdown);
  if (result.ok) throw new Error('expected the import to be refused');
  return describeProblems(result.problems).join('\n');
};

describe('importing canvas Markdown written by hand', () => {
  it('reads steps, cards, colours and checks from a hand-written file', () => {
    const result = importCanvasMarkdown(
      `${FRONT}# Rough sleeping\n\nFewer nights out.\n\n## Outcome\n\n- People new to the streets get a bed within a day\n- Second card<!-- colour: green -->\n\n## insight\n\n1. A daily list of new arrivals\n\n### Ethics checks\n\n| Lens | Status | Notes |\n|---|---|---|\n| Consent | concern | Were they asked?<br>Check with outreach |\n`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.title).toBe('Rough sleeping');
    expect(result.content.description).toBe('Fewer nights out.');
    expect(result.content.cards.outcome).toMatchObject([
      { text: 'People new to the streets get a bed within a day', colour: 'yellow' },
      { text: 'Second card', colour: 'green' },
    ]);
    expect(result.content.cards.insight).toMatchObject([{ text: 'A daily list of new arrivals', colour: 'yellow' }]);
    expect(result.content.checks[checkKey('insight', 'consent')]).toMatchObject({
      status: 'concern',
      notes: 'Were they asked?\nCheck with outreach',
    });
    expect(result.content.checks[checkKey('insight', 'trust')]).toMatchObject({ status: 'not-discussed', notes: '' });
  });

  it('keeps Markdown written inside a card as the characters typed', () => {
    const result = importCanvasMarkdown(
      `${FRONT}# T\n\n## Outcome\n\n- A **bold** claim with \`code\` and [a link](https://example.org)\n`,
    );
    expect(result.ok && result.content.cards.outcome[0]!.text).toBe('A **bold** claim with `code` and [a link](https://example.org)');
  });

  it('imports Markdown pasted from a document that lost its front matter', () => {
    const exported = canvasToMarkdown(buildCanvas({ title: 'Pasted', cards: { action: ['Call families sooner'] } }), {
      exportedAt: new Date(),
    });
    const body = exported.slice(exported.indexOf('# Pasted'));
    const result = importCanvasMarkdown(body);
    expect(result.ok && result.content.cards.action).toMatchObject([{ text: 'Call families sooner', colour: 'yellow' }]);
  });

  it('refuses a Markdown file that is not a canvas', () => {
    expect(problems('# Meeting notes\n\n- buy milk\n- book room\n')).toMatch(/not an Outcome Canvas file/);
  });

  it('names the line of a heading that is not a step', () => {
    expect(problems(`${FRONT}# T\n\n## Outcome\n\n- a\n\n## Budget\n\n- b\n`)).toMatch(/^Line 12: "## Budget" is not a canvas step/m);
  });

  it('names the line of text under a step that is not a card', () => {
    expect(problems(`${FRONT}# T\n\n## Action\n\nSome loose paragraph.\n`)).toMatch(/^Line 10: Under Action, this is not a card/m);
  });

  it('refuses an unknown lens, an unknown status and a lens given twice', () => {
    const table = (rows: string) => `${FRONT}# T\n\n## Outcome\n\n### Ethics checks\n\n| Lens | Status | Notes |\n|---|---|---|\n${rows}`;
    expect(problems(table('| Fairness | Concern raised | x |\n'))).toMatch(/"Fairness" is not one of the five lenses/);
    expect(problems(table('| Trust | Worried | x |\n'))).toMatch(/"worried" is not a status/);
    expect(problems(table('| Trust | Concern raised | x |\n| Trust | Not applicable | |\n'))).toMatch(/Trust appears twice/);
  });

  it('refuses a step given twice, a nested list in a card and an unknown colour', () => {
    expect(problems(`${FRONT}# T\n\n## Outcome\n\n- a\n\n## Outcome\n\n- b\n`)).toMatch(/appears twice/);
    expect(problems(`${FRONT}# T\n\n## Outcome\n\n- a\n  - nested\n`)).toMatch(/can hold only text/);
    expect(problems(`${FRONT}# T\n\n## Outcome\n\n- a<!-- colour: tartan -->\n`)).toMatch(/"tartan" is not a card colour/);
  });

  it('refuses a file from a newer version, and one with no title', () => {
    expect(problems('---\nformat: outcome-canvas\nversion: 7\n---\n\n# T\n')).toMatch(/newer version/);
    expect(problems(`${FRONT}## Outcome\n\n- a\n`)).toMatch(/title/);
  });

  it('refuses a card over 10,000 characters, naming its line', () => {
    expect(problems(`${FRONT}# T\n\n## Outcome\n\n- short\n- ${'x'.repeat(10_001)}\n`)).toMatch(
      /^Line 11: A card is 10,001 characters long/m,
    );
  });

  it('refuses more than 5,000 cards', () => {
    const cards = Array.from({ length: 5001 }, (_, i) => `- card ${i}`).join('\n');
    expect(problems(`${FRONT}# T\n\n## Outcome\n\n${cards}\n`)).toMatch(/more than 5000 cards/);
  });

  it('accepts a byte-order mark, CRLF line endings and control characters, normalising them', () => {
    const result = importCanvasMarkdown(`\uFEFF${FRONT}# T\n\n## Outcome\n\n- one\u0007 card\\\nsecond line\n`.replace(/\n/g, '\r\n'));
    expect(result.ok && result.content.cards.outcome[0]!.text).toBe('one card\nsecond line');
  });

  it('keeps HTML, javascript: links and remote images in imported text as text', () => {
    const result = importCanvasMarkdown(
      `${FRONT}# T\n\n## Outcome\n\n- <script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil.example/x.png)\n`,
    );
    expect(result.ok && result.content.cards.outcome[0]!.text).toBe(
      '<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil.example/x.png)',
    );
  });
});
