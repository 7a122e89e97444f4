import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, readBackup } from '../../../src/domain/backup';
import { canvasFromContent } from '../../../src/domain/content';
import { importCanvasMarkdown } from '../../../src/domain/markdown/importCanvas';
import { addDataset } from '../../../src/domain/dataInventory';
import { dismissPrivacyWarning } from '../../../src/domain/dismissals';
import { setGovernanceNotes } from '../../../src/domain/canvas';
import { setCardText, deleteCard, parkCard } from '../../../src/domain/cards';
import { checkPrivacy } from '../../../src/domain/privacy';
import { describePrivacyPlaces, dismissalsToExport, privacyPlaces } from '../../../src/domain/privacyPlaces';
import { T0, applied, buildCanvas } from '../helpers/canvasBuilder';

const canvas = () => {
  let built = buildCanvas({
    title: 'Ward plan',
    cards: { outcome: ['Fewer evictions'], action: ['Visit tenants', 'Call Mrs Begum on 07700 900123'] },
    checks: [{ step: 'outcome', lens: 'trust', status: 'concern', notes: 'Raised by jo.bloggs@gmail.com' }],
  });
  built = setGovernanceNotes(built, 'lawful-basis', 'NI number JT 48 22 91 B on file', T0);
  built = applied(addDataset(built, { id: 'ds1', name: 'Rent accounts', holder: 'Ask sam.jones@gmail.com' }, T0));
  return built;
};

describe('privacy places', () => {
  it('names every place with a warning as a person finds it, in the order they meet it', () => {
    const places = privacyPlaces(canvas());
    expect(places.map((place) => place.label)).toEqual([
      'card 2 in Action',
      'the notes on Trust for Outcome',
      'the notes on Lawful basis (before this goes live)',
      'who holds of data set 1 (Rent accounts)',
    ]);
    expect(places[0]!.target).toEqual({ kind: 'card', id: 'action-2' });
    expect(places[2]!.target).toEqual({ kind: 'check', key: 'governance:lawful-basis' });
    expect(places[0]!.warnings.map((warning) => warning.rule)).toEqual(['title-with-name', 'uk-phone']);
    expect(describePrivacyPlaces(places)).toBe(
      '4 places: card 2 in Action, the notes on Trust for Outcome, the notes on Lawful basis (before this goes live) and 1 more',
    );
  });

  it('leaves out dismissed warnings, deleted cards, and text that was fixed; a parked card still counts', () => {
    let current = canvas();
    const [email] = checkPrivacy('Raised by jo.bloggs@gmail.com');
    current = dismissPrivacyWarning(current, email!.fingerprint, T0);
    current = setCardText(current, 'action-2', 'Call the tenant', T0);
    expect(privacyPlaces(current).map((place) => place.label)).toEqual([
      'the notes on Lawful basis (before this goes live)',
      'who holds of data set 1 (Rent accounts)',
    ]);
    current = setCardText(current, 'outcome-1', 'Ask dr.patel@gmail.com', T0);
    expect(privacyPlaces(current)[0]!.label).toBe('card 1 in Outcome');
    expect(privacyPlaces(deleteCard(current, 'outcome-1', T0))[0]!.label).toBe('the notes on Lawful basis (before this goes live)');
    expect(privacyPlaces(applied(parkCard(current, 'outcome-1', T0)))[0]!.label).toBe('a card in the parking lot');
  });
});

describe('dismissals in a file', () => {
  it('keep only fingerprints of text still on the canvas, in the backup too', () => {
    let current = canvas();
    const [phone] = checkPrivacy('07700 900123');
    const [email] = checkPrivacy('jo.bloggs@gmail.com');
    current = dismissPrivacyWarning(current, phone!.fingerprint, T0);
    current = dismissPrivacyWarning(current, email!.fingerprint, T0);
    // The note with the email address is rewritten: its fingerprint has nothing left to hide.
    current = {
      ...current,
      checks: { ...current.checks, 'outcome:trust': { ...current.checks['outcome:trust'], notes: 'Raised at the drop-in' } },
    };
    expect(dismissalsToExport(current)).toEqual([phone!.fingerprint]);
    const restored = readBackup(createBackup([current], [], new Date(T0)));
    expect(restored.ok && restored.canvases[0]!.privacyDismissed).toEqual([phone!.fingerprint]);
    // The canvas itself is unchanged.
    expect(current.privacyDismissed).toEqual([phone!.fingerprint, email!.fingerprint]);
  });
});

describe('the preset templates', () => {
  it('warn about nothing: a workshop started from one opens without a privacy warning', () => {
    const folder = join(__dirname, '../../../templates');
    const files = readdirSync(folder).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    let cardsRead = 0;
    for (const name of files) {
      const read = importCanvasMarkdown(readFileSync(join(folder, name), 'utf8'));
      if (!read.ok) throw new Error(`${name} does not read`);
      let next = 0;
      const canvas = canvasFromContent(read.content, 'preset', () => `id-${next++}`, T0);
      cardsRead += Object.keys(canvas.cards).length;
      expect(privacyPlaces(canvas).map((place) => `${name}: ${place.label}`)).toEqual([]);
    }
    // The check ran over real cards, not only over blank templates.
    expect(cardsRead).toBeGreaterThan(10);
  });
});
