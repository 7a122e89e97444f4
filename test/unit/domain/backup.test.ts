// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_HOLDS, createBackup, readBackup } from '../../../src/domain/backup';
import { setTitle } from '../../../src/domain/canvas';
import { addCard, deleteCard } from '../../../src/domain/cards';
import { checkPrivacy } from '../../../src/domain/privacy';
import { makeSnapshot } from '../../../src/domain/snapshots';
import { LIMITS } from '../../../src/domain/model';
import { buildFromSpec, canvasSpecArb } from '../helpers/arbitraries';
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

  it('refuses a file over 50 MB without reading it', () => {
    expect(problemsOf(`{"format":"outcome-canvas-backup","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`)).toMatch(/larger than 50 MB/);
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

describe('backups, version 2', () => {
  const rich = () => {
    let canvas = buildFromSpec(fc.sample(canvasSpecArb, { numRuns: 1, seed: 42 })[0]!);
    canvas = {
      ...canvas,
      id: 'rich',
      timer: { ...canvas.timer, step: 'action', runningSince: T0, spentMs: { ...canvas.timer.spentMs, outcome: 60_000 } },
    };
    return deleteCard(addCard(canvas, { id: 'rich-deleted', step: 'outcome', text: 'Deleted but kept' }, T0), 'rich-deleted', T0 + 1);
  };

  it('restores every canvas exactly: everything the model holds, deleted records, the timer and dismissed warnings', () => {
    fc.assert(
      fc.property(canvasSpecArb, (spec) => {
        // A dismissal of text on the canvas (one whose text is gone is left out of files: privacyPlaces.test.ts).
        const description = 'Ask jo.bloggs@gmail.com';
        const canvas = { ...buildFromSpec(spec), description, privacyDismissed: checkPrivacy(description).map((w) => w.fingerprint) };
        expect(canvas.privacyDismissed).toHaveLength(1);
        const result = readBackup(createBackup([canvas], [], new Date(T0)));
        if (!result.ok) throw new Error(result.problems.join('\n'));
        expect(result.canvases).toEqual([canvas]);
      }),
      { numRuns: 40 },
    );
    const canvas = rich();
    const result = readBackup(createBackup([canvas], [], new Date(T0)));
    expect(result.ok && result.canvases[0]!.cards['rich-deleted']!.deletedAt).toBe(T0 + 1);
    expect(result.ok && result.canvases[0]!.timer).toEqual(canvas.timer);
  });

  it('carries version history and says what it holds', () => {
    const canvas = rich();
    const older = makeSnapshot(setTitle(canvas, 'An older title', T0), 'editing', 'snap-1', T0 - 1000);
    const text = createBackup([canvas], [], new Date(T0), [older]);
    expect(JSON.parse(text).holds).toBe(BACKUP_HOLDS);
    expect(BACKUP_HOLDS).toMatch(/version history/);
    const result = readBackup(text);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.snapshots).toEqual([older]);
  });

  it('restores a backup made by version 1, with every new field at its default', () => {
    const result = readBackup(readFileSync(join(__dirname, 'fixtures/v1-backup.json'), 'utf8'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.version).toBe(1);
    const [canvas] = result.canvases;
    expect(canvas!.title).toBe('Café plan: youth justice 👩🏽‍💻 مرحبا');
    expect(Object.keys(canvas!.cards)).toHaveLength(6);
    expect(canvas!.cards['v1-gone']!.deletedAt).not.toBeNull();
    expect(canvas!.cards['v1-o2']).toMatchObject({
      colour: 'blue',
      votes: 0,
      agreed: false,
      parkedAt: null,
      example: false,
      source: '',
      serves: [],
    });
    expect(canvas!.checks['insight:consent']).toMatchObject({ status: 'concern', resolvedAt: null, resolution: '' });
    expect(canvas!.workshop).toEqual({ heldOn: '', organisation: '', facilitator: '', participants: '' });
    expect(canvas!.votesPerPerson).toBe(3);
    expect(canvas!.timer.runningSince).toBeNull();
    expect(Object.keys(canvas!.governance)).toHaveLength(17);
    expect(Object.keys(canvas!.actionItems)).toEqual([]);
    expect(result.templates.map((template) => template.name)).toEqual(['Old template']);
    expect(result.templates[0]!.content.governance['lawful-basis'].status).toBe('not-discussed');
    expect(result.snapshots).toEqual([]);
  });

  it.each([
    [0, /format version 0, which is not a version of the backup format/],
    [1.5, /format version 1.5, which is not a version of the backup format/],
    ['2', /format version "2", which is not a version/],
    [-1, /format version -1, which is not a version/],
    [3, /newer version of Outcome Canvas \(format version 3; this app reads up to 2\)/],
  ])('refuses "version": %s, calling it what it is', (version, message) => {
    expect(problemsOf(edit((data) => (data.version = version)))).toMatch(message);
    expect(readBackup(edit((data) => (data.version = version))).ok).toBe(false);
  });

  it('says when a backup gives no version', () => {
    expect(problemsOf(edit((data) => delete data.version))).toMatch(/does not say which version/);
  });

  it('calls an empty file empty', () => {
    for (const empty of ['', '  \n', '\uFEFF']) expect(problemsOf(empty)).toBe('The file is empty: there is nothing in it to import.');
  });

  it('refuses hostile shapes before parsing them, with a message about the file', () => {
    expect(problemsOf(`{"format":"outcome-canvas-backup","version":2,"canvases":[${'{},'.repeat(1_000_000)}{}]}`)).toMatch(
      /more than 1,000,000 records and lists/,
    );
    expect(problemsOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/nests its data more than 24 levels deep/);
    expect(problemsOf(`{"format":"outcome-canvas-backup","version":2,"x":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)).toMatch(
      /nests its data/,
    );
  });

  it('counts brackets inside text as text, not as nesting', () => {
    const result = readBackup(edit((data) => (data.canvases[0].cards[0].text = '[[[[{{{{'.repeat(200))));
    expect(result.ok).toBe(true);
  });

  it('gives one message for one problem, and stops early on many bad records', () => {
    expect(readBackup(edit((data) => (data.canvases[0].cards[0].colour = 'tartan')))).toEqual({
      ok: false,
      problems: ['canvases[1].cards[1].colour has a value the app does not know.'],
    });
    const many = readBackup(edit((data) => (data.canvases = Array.from({ length: 2000 }, () => ({}))))) as {
      ok: false;
      problems: string[];
    };
    expect(many.problems.length).toBeLessThanOrEqual(10);
  });

  it('refuses duplicate action item or data set ids inside one canvas', () => {
    const canvas = rich();
    const item = {
      id: 'a',
      text: 'Book a DPIA',
      owner: '',
      due: '',
      status: 'open',
      concern: null,
      order: 'a0',
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
    };
    const twice = JSON.parse(createBackup([canvas], [], new Date(T0)));
    twice.canvases[0].actionItems = [item, { ...item, order: 'a1' }];
    const refusedActions = readBackup(JSON.stringify(twice));
    expect(!refusedActions.ok && refusedActions.problems.join()).toMatch(/action with the id "a" twice/);
    const withTwo = JSON.parse(createBackup([canvas], [], new Date(T0)));
    withTwo.canvases[0].datasets = [
      { id: 'd', name: 'A', order: 'a0', createdAt: 1, updatedAt: 1, deletedAt: null },
      { id: 'd', name: 'B', order: 'a1', createdAt: 1, updatedAt: 1, deletedAt: null },
    ];
    const refused = readBackup(JSON.stringify(withTwo));
    expect(!refused.ok && refused.problems.join()).toMatch(/data set with the id "d" twice/);
  });
});
