// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { moveCard, setCardColour, setCardText } from '../../../src/domain/cards';
import { setCheckNotes, setCheckStatus, setDescription, setFacilitatorNote, setTitle } from '../../../src/domain/canvas';
import { applyRemote, mergeRemote, remoteChanges, restamp } from '../../../src/domain/merge';
import { LIMITS, checkKey } from '../../../src/domain/model';
import { mergeText } from '../../../src/domain/textMerge';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

const base = buildCanvas({ title: 'Shared', cards: { outcome: ['one', 'two'], action: ['three'] } });
/** A copy as it would come back from storage: equal content, new objects. */
const reloaded = <T>(value: T): T => structuredClone(value);

describe('merging what another tab saved', () => {
  it('brings in the other tab’s edits to records this tab did not touch', () => {
    const remote = setCardText(reloaded(base), 'outcome-1', 'one, edited in the other tab', T0 + 10);
    const local = setCardText(base, 'action-1', 'three, edited here', T0 + 11);
    const { merged } = mergeRemote(base, local, remote, mergeText);
    expect(merged.cards['outcome-1']!.text).toBe('one, edited in the other tab');
    expect(merged.cards['action-1']!.text).toBe('three, edited here');
  });

  it('keeps both texts when both tabs changed the same card’s text, and says which card', () => {
    const remote = setCardText(reloaded(base), 'outcome-1', 'one, and theirs', T0 + 10);
    const local = setCardText(base, 'outcome-1', 'one, and ours', T0 + 12);
    const result = mergeRemote(base, local, remote, mergeText);
    const text = result.merged.cards['outcome-1']!.text;
    expect(text).toContain('ours');
    expect(text).toContain('theirs');
    expect(text.startsWith('one, and ')).toBe(true);
    expect(result.combined).toEqual({ cardIds: ['outcome-1'], checkKeys: [], fields: [] });
    // Undo goes back to this tab's own text.
    expect(result.ours.cards['outcome-1']!.text).toBe('one, and ours');
    // The combined card is newer than both, so it is saved next and wins everywhere.
    expect(result.merged.cards['outcome-1']!.updatedAt).toBe(T0 + 12);
    expect(result.merged.cards['outcome-1']).not.toBe(result.stored.cards['outcome-1']);
  });

  it('takes each field of a card from the side that changed it', () => {
    const remote = setCardText(reloaded(base), 'outcome-1', 'one, reworded there', T0 + 10);
    const local = setCardColour(moveCard(base, 'outcome-1', { step: 'action', index: 0 }, T0 + 11), 'outcome-1', 'pink', T0 + 12);
    const { merged, combined } = mergeRemote(base, local, remote, mergeText);
    expect(merged.cards['outcome-1']).toMatchObject({ text: 'one, reworded there', colour: 'pink', step: 'action' });
    expect(combined.cardIds).toEqual([]);
  });

  it('for a choice made on both sides (a check’s status), keeps this tab’s, the later one', () => {
    const remote = setCheckStatus(reloaded(base), 'outcome', 'power', 'concern', T0 + 10);
    const local = setCheckStatus(base, 'outcome', 'power', 'no-concern', T0 + 12);
    const { merged, combined } = mergeRemote(base, local, remote, mergeText);
    expect(merged.checks['outcome:power'].status).toBe('no-concern');
    expect(combined.checkKeys).toEqual([]);
  });

  it('keeps both sides’ notes on one check, the title and the description', () => {
    let remote = setCheckNotes(reloaded(base), 'insight', 'trust', 'Theirs', T0 + 10);
    remote = setTitle(setDescription(remote, 'Their description', T0 + 10), 'Their title', T0 + 10);
    let local = setCheckNotes(base, 'insight', 'trust', 'Ours', T0 + 11);
    local = setTitle(setDescription(local, 'Our description', T0 + 11), 'Our title', T0 + 11);
    const { merged, combined } = mergeRemote(base, local, remote, mergeText);
    expect(merged.checks['insight:trust'].notes).toBe('Ours\nTheirs');
    expect(merged.description).toBe('Our description\nTheir description');
    // A title is one line.
    expect(merged.title).toBe('Our title / Their title');
    expect(combined).toEqual({ cardIds: [], checkKeys: ['insight:trust'], fields: ['title', 'description'] });
  });

  it('keeps both sides’ facilitator notes for one step', () => {
    const remote = setFacilitatorNote(reloaded(base), 'action', { notes: 'Theirs' }, T0 + 10);
    const local = setFacilitatorNote(base, 'action', { notes: 'Ours', minutes: 20 }, T0 + 11);
    const { merged, combined } = mergeRemote(base, local, remote, mergeText);
    expect(merged.facilitation.action).toEqual({ notes: 'Ours\nTheirs', minutes: 20 });
    expect(combined.fields).toEqual(['facilitation']);
  });

  it('never lets a combined text grow past the limit a record can be stored with', () => {
    const long = 'x'.repeat(LIMITS.cardTextLength - 5);
    const remote = setCardText(reloaded(base), 'outcome-1', `${long} theirs`.slice(0, LIMITS.cardTextLength), T0 + 10);
    const local = setCardText(base, 'outcome-1', `${long} ours`.slice(0, LIMITS.cardTextLength), T0 + 11);
    expect(mergeRemote(base, local, remote, mergeText).merged.cards['outcome-1']!.text.length).toBeLessThanOrEqual(LIMITS.cardTextLength);
  });

  it('merges canvas fields and ethics checks on their own', () => {
    let remote = setTitle(reloaded(base), 'New title from the other tab', T0 + 10);
    remote = setCheckNotes(remote, 'insight', 'consent', 'Ask the residents panel', T0 + 10);
    const local = setCheckNotes(base, 'insight', 'trust', 'Low trust in police data', T0 + 11);
    const { merged } = mergeRemote(base, local, remote, mergeText);
    expect(merged.title).toBe('New title from the other tab');
    expect(merged.checks[checkKey('insight', 'consent')].notes).toBe('Ask the residents panel');
    expect(merged.checks[checkKey('insight', 'trust')].notes).toBe('Low trust in police data');
  });

  it('sees no change when storage holds what this tab last saved', () => {
    const result = mergeRemote(base, base, reloaded(base), mergeText);
    expect(result.changed).toBe(false);
    expect(result.merged).toBe(base);
  });

  it('keeps unchanged records as the same objects, so the next save writes only real changes', () => {
    const remote = setCardText(reloaded(base), 'outcome-1', 'edited', T0 + 10);
    const { stored, merged } = mergeRemote(base, base, remote, mergeText);
    expect(stored.cards['outcome-2']).toBe(base.cards['outcome-2']);
    expect(merged.cards['outcome-1']).toBe(stored.cards['outcome-1']);
  });

  it('rebases undo history so undo takes back only this tab’s edits', () => {
    const earlier = base;
    const local = setCardText(base, 'action-1', 'mine', T0 + 11);
    const remote = setCardText(reloaded(base), 'outcome-2', 'theirs', T0 + 10);
    const changes = remoteChanges(base, remote);
    const undone = applyRemote(earlier, changes, base, local);
    expect(undone.cards['outcome-2']!.text).toBe('theirs');
    expect(undone.cards['action-1']!.text).toBe('three');
  });
});

describe('merging removals and undo', () => {
  it('takes a card out when the other tab removed it from storage', () => {
    const remote = reloaded(base);
    delete (remote.cards as Record<string, unknown>)['outcome-2'];
    expect(mergeRemote(base, base, remote, mergeText).merged.cards['outcome-2']).toBeUndefined();
  });

  it('keeps a removed card that this tab has edited since', () => {
    const remote = reloaded(base);
    delete (remote.cards as Record<string, unknown>)['outcome-2'];
    const local = setCardText(base, 'outcome-2', 'still working on this', T0 + 20);
    expect(mergeRemote(base, local, remote, mergeText).merged.cards['outcome-2']!.text).toBe('still working on this');
  });

  it('gives records brought back by undo a new time, so they count as the newest change', () => {
    const edited = setCardText(base, 'outcome-1', 'edited', T0 + 10);
    const undone = restamp(edited, base, T0 + 20);
    expect(undone.cards['outcome-1']!.text).toBe('one');
    expect(undone.cards['outcome-1']!.updatedAt).toBe(T0 + 20);
    expect(undone.cards['outcome-2']).toBe(base.cards['outcome-2']);
  });
});
