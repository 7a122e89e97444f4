// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createBackup, readBackup } from '../../../src/domain/backup';
import { LIMITS } from '../../../src/domain/model';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

const canvasA = buildCanvas({
  id: 'a',
  title: 'Youth justice',
  cards: { outcome: ['Fewer young people in custody'] },
  checks: [{ step: 'insight', lens: 'consent', status: 'concern', notes: 'Never asked' }],
  cardIdPrefix: 'a-',
});
const canvasB = buildCanvas({
  id: 'b',
  title: 'Rough sleeping',
  cards: { action: ['Outreach teams see new arrivals daily'] },
  cardIdPrefix: 'b-',
});
const backupText = () => createBackup([canvasA, canvasB], [], new Date(T0));
const problemsOf = (text: string) => {
  const result = readBackup(text);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.problems.join('\n');
};
// The parsed backup, loosely typed on purpose: these tests break it in ways the types forbid.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const edit = (change: (data: any) => void) => {
  const data = JSON.parse(backupText());
  change(data);
  return JSON.stringify(data);
};

describe('full backups', () => {
  it('restores every canvas exactly as it was backed up', () => {
    const result = readBackup(backupText());
    expect(result.ok && result.canvases).toEqual([canvasA, canvasB]);
  });

  it('refuses a file that is not JSON', () => {
    expect(problemsOf('# A Markdown file\n\n- not a backup')).toMatch(/not valid JSON/);
  });

  it('says a truncated file is cut off, wherever it was cut', () => {
    const text = backupText();
    for (let cut = 1; cut < text.trimEnd().length; cut += 7) {
      expect(problemsOf(text.slice(0, cut)), `cut at ${cut}`).toMatch(/cut off/);
    }
    const endOfLine = text.indexOf('\n', text.length / 2);
    expect(problemsOf(text.slice(0, endOfLine + 1))).toMatch(/cut off/);
  });

  it('refuses JSON that is not a backup', () => {
    expect(problemsOf('{"hello": "world"}')).toMatch(/not an Outcome Canvas backup/);
    expect(problemsOf('[1, 2, 3]')).toMatch(/not an Outcome Canvas backup/);
  });

  it('names the field when a value has the wrong type', () => {
    const problems = problemsOf(edit((data) => (data.canvases[0].cards[0].text = 42)));
    expect(problems).toMatch(/canvases\[1\]\.cards\[1\]\.text should be a string/);
  });

  it('refuses a backup from a newer version of the app', () => {
    expect(problemsOf(edit((data) => (data.version = 99)))).toMatch(/newer version/);
  });

  it('refuses a file over 10 MB without reading it', () => {
    expect(problemsOf(`{"format":"outcome-canvas-backup","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`)).toMatch(/larger than 10 MB/);
  });

  it('refuses a canvas with more than 5,000 cards', () => {
    const problems = problemsOf(
      edit((data) => {
        const card = data.canvases[0].cards[0];
        data.canvases[0].cards = Array.from({ length: LIMITS.cardsPerCanvas + 1 }, (_, i) => ({ ...card, id: `many-${i}` }));
      }),
    );
    expect(problems).toMatch(/5001 cards/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a file with a "%s" key and pollutes nothing', (key) => {
    const text = backupText().replace('"format"', `"${key}": {"polluted": true}, "format"`);
    expect(problemsOf(text)).toMatch(new RegExp(`"${key}"`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses duplicate canvas and card ids inside one file', () => {
    expect(problemsOf(edit((data) => (data.canvases[1].id = 'a')))).toMatch(/share the id "a"/);
    expect(problemsOf(edit((data) => (data.canvases[1].cards[0].id = data.canvases[0].cards[0].id)))).toMatch(/Two cards/);
  });

  it('refuses a text over 10,000 characters', () => {
    expect(problemsOf(edit((data) => (data.canvases[0].cards[0].text = 'x'.repeat(10_001))))).toMatch(/too long: at most 10000 characters/);
  });

  it('accepts a byte-order mark, CRLF and control characters, and normalises them', () => {
    const text = `\uFEFF${edit((data) => (data.canvases[0].cards[0].text = 'line one\r\nline two\u0007\u0000'))}`;
    const result = readBackup(text);
    expect(result.ok && Object.values(result.canvases[0]!.cards)[0]!.text).toBe('line one\nline two');
  });

  it('keeps HTML and javascript: links in text as plain text', () => {
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](http://evil.example/x.png)';
    const result = readBackup(edit((data) => (data.canvases[0].cards[0].text = hostile)));
    expect(result.ok && Object.values(result.canvases[0]!.cards)[0]!.text).toBe(hostile);
  });
});
