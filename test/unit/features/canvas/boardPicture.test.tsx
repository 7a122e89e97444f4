import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { boardPicture } from '../../../../src/features/canvas/boardPicture';
import { addCard } from '../../../../src/domain/cards';
import type { Canvas } from '../../../../src/domain/model';
import { canvasForFirstPaint } from '../../../../src/storage/firstPaintCanvas';
import { readStoredParts } from '../../../../src/storage/firstPaintRead';
import { resetApp, seed } from '../../helpers/appState';
import { T0, buildCanvas } from '../../helpers/canvasBuilder';
import { finishedCanvas } from '../../helpers/finishedCanvas';
import { renderApp } from '../../helpers/renderApp';

/**
 * What a person sees of a board, in page order: each visible element's kind and class and its
 * own text, and each card's colour and marks. Left out: what the live board has and a picture
 * need not (the folded checks' bodies, closed dialogs, the hidden keyboard help, live regions).
 */
function outline(root: Element): string[] {
  const lines: string[] = [];
  const skip = (element: Element) =>
    // Privacy warnings come in a render of their own after the live board shows, and are not painted.
    element.matches('dialog, [hidden], [role="status"], [aria-live], .privacy-warnings') ||
    (element as HTMLElement).style.display === 'none' ||
    (element.parentElement?.tagName === 'DETAILS' && element.tagName !== 'SUMMARY');
  const walk = (element: Element) => {
    if (skip(element)) return;
    const value = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? `=${element.value}` : '';
    const ownText = value
      ? ''
      : [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join('')
          .trim();
    const card = element.matches('[data-card-id]')
      ? ` ${element.getAttribute('data-card-id')} ${element.getAttribute('data-colour')} agreed=${element.getAttribute('data-agreed')} example=${element.getAttribute('data-example')}`
      : '';
    lines.push(`${element.tagName.toLowerCase()}.${element.className}${card}${value} ${ownText}`.trim());
    for (const child of element.children) walk(child);
  };
  for (const child of root.children) walk(child);
  return lines;
}

async function liveBoard(canvas: Canvas): Promise<string[]> {
  renderApp(`#/canvas/${canvas.id}/board`);
  // The canvas screen is a lazy chunk: its first import in a test file can be slow on a busy machine.
  await screen.findByRole('heading', { level: 2, name: 'Enablers' }, { timeout: 15_000 });
  return outline(document.querySelector('main')!);
}

async function picture(canvas: Canvas): Promise<{ lines: string[]; element: HTMLElement }> {
  const read = canvasForFirstPaint((await readStoredParts(canvas.id))!);
  expect(read).not.toBeNull();
  const element = document.createElement('main');
  element.append(boardPicture(read!));
  return { lines: outline(element), element };
}

beforeEach(async () => {
  await resetApp();
});

describe('the board painted before the app loads', () => {
  it('shows what the live board shows, element for element, for a finished workshop’s canvas', async () => {
    const canvas = finishedCanvas();
    await seed(canvas);
    const painted = await picture(canvas);
    const live = await liveBoard(canvas);
    expect(painted.lines).toEqual(live);
    // Examples, votes, agreed marks, thread links and a concern are all in it.
    expect(painted.lines.join('\n')).toMatch(/Example/);
    expect(painted.lines.join('\n')).toMatch(/Serves:/);
    expect(painted.lines.join('\n')).toMatch(/Open concerns \(1\)/);
  });

  it('shows an empty canvas as the live board does', async () => {
    const canvas = buildCanvas({ id: 'empty', title: '' });
    await seed(canvas);
    const painted = await picture(canvas);
    expect(painted.lines).toEqual(await liveBoard(canvas));
    expect(painted.element.querySelectorAll('.hint')).toHaveLength(4);
  });

  it('shows a card’s text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.hacked = 1"> <b>bold</b>';
    const canvas = addCard(buildCanvas({ id: 'h', title: '<script>alert(1)</script>' }), { id: 'x', step: 'outcome', text: hostile }, T0);
    await seed(canvas);
    const { element } = await picture(canvas);
    expect(element.querySelector('img, b, script')).toBeNull();
    expect(element.querySelector('[data-card-id="x"] .card__text')!.textContent).toBe(hostile);
    expect(element.querySelector('h1')!.textContent).toBe('<script>alert(1)</script>');
  });
});
