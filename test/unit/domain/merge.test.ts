// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { actionItemsInOrder, addActionItem, setActionItemOwner, setActionItemText } from '../../../src/domain/actionLog';
import { moveCard, setCardColour, setCardText } from '../../../src/domain/cards';
import {
  setCheckNotes,
  setCheckStatus,
  setDescription,
  setFacilitatorNote,
  setGovernanceStatus,
  setTitle,
  setVotesPerPerson,
  setWorkshopDetails,
} from '../../../src/domain/canvas';
import { addDataset, updateDataset } from '../../../src/domain/dataInventory';
import { dismissPrivacyWarning } from '../../../src/domain/dismissals';
import { applyRemote, mergeRemote, remoteChanges, restamp } from '../../../src/domain/merge';
import { LIMITS, checkKey } from '../../../src/domain/model';
import { mergeText } from '../../../src/domain/textMerge';
import { startTimer } from '../../../src/domain/timer';
import { T0, buildCanvas, applied } from '../helpers/canvasBuilder';

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
    expect(result.combined).toMatchObject({
      cardIds: ['outcome-1'],
      checkKeys: [],
      governanceIds: [],
      actionItemIds: [],
      datasetIds: [],
      fields: [],
    });
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
    expect(combined).toEqual({
      cardIds: [],
      checkKeys: ['insight:trust'],
      governanceIds: [],
      actionItemIds: [],
      datasetIds: [],
      fields: ['title', 'description'],
    });
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

describe('merging the new collections record by record', () => {
  const start = () => {
    let canvas = applied(addActionItem(base, { id: 'a1', text: 'First action' }, T0));
    canvas = applied(addActionItem(canvas, { id: 'a2', text: 'Second action' }, T0));
    return applied(addDataset(canvas, { id: 'd1', name: 'Housing' }, T0));
  };

  it('takes the other tab’s action items, data sets, governance checks and workshop details, keeping this tab’s own edits', () => {
    const stored = start();
    let remote = applied(setActionItemOwner(reloaded(stored), 'a1', 'Priya', T0 + 10));
    remote = applied(addActionItem(remote, { id: 'a3', text: 'Added in the other tab' }, T0 + 10));
    remote = applied(updateDataset(remote, 'd1', { holder: 'Housing services' }, T0 + 10));
    remote = setGovernanceStatus(remote, 'lawful-basis', 'concern', T0 + 10);
    remote = applied(setWorkshopDetails(remote, { organisation: 'Lambeth' }, T0 + 10));
    let local = applied(setActionItemText(stored, 'a2', 'Edited here', T0 + 11));
    local = applied(setVotesPerPerson(local, 5, T0 + 11));
    const { merged } = mergeRemote(stored, local, remote, mergeText);
    expect(actionItemsInOrder(merged).map((item) => [item.text, item.owner])).toEqual([
      ['First action', 'Priya'],
      ['Edited here', ''],
      ['Added in the other tab', ''],
    ]);
    expect(merged.datasets['d1']!.holder).toBe('Housing services');
    expect(merged.governance['lawful-basis'].status).toBe('concern');
    expect(merged.workshop.organisation).toBe('Lambeth');
    expect(merged.votesPerPerson).toBe(5);
  });

  it('keeps both tabs’ words when both changed one action’s text, their owner beside our text, and takes out one removed there', () => {
    const stored = start();
    const remote = reloaded(stored);
    delete (remote.actionItems as Record<string, unknown>)['a2'];
    const theirs = applied(setActionItemOwner(applied(setActionItemText(remote, 'a1', 'Theirs', T0 + 10)), 'a1', 'Priya', T0 + 10));
    const local = applied(setActionItemText(stored, 'a1', 'Ours', T0 + 12));
    const { merged, combined } = mergeRemote(stored, local, theirs, mergeText);
    expect(merged.actionItems['a1']!.text).toContain('Ours');
    expect(merged.actionItems['a1']!.text).toContain('Theirs');
    expect(merged.actionItems['a1']!.owner).toBe('Priya');
    expect(combined.actionItemIds).toEqual(['a1']);
    expect(merged.actionItems['a2']).toBeUndefined();
  });

  it('keeps both tabs’ dismissed privacy warnings', () => {
    const stored = start();
    const remote = dismissPrivacyWarning(reloaded(stored), 'email:theirs', T0 + 10);
    const local = dismissPrivacyWarning(stored, 'email:ours', T0 + 11);
    expect(mergeRemote(stored, local, remote, mergeText).merged.privacyDismissed).toEqual(['email:ours', 'email:theirs']);
  });

  it('the timer merges as one field: the other tab’s start comes in', () => {
    const stored = start();
    const remote = startTimer(reloaded(stored), 'insight', T0 + 10);
    expect(mergeRemote(stored, stored, remote, mergeText).merged.timer).toEqual(remote.timer);
  });

  it('restamps action items, data sets and governance checks that undo brings back', () => {
    const stored = start();
    const edited = setGovernanceStatus(
      applied(updateDataset(applied(setActionItemText(stored, 'a1', 'x', T0 + 5)), 'd1', { name: 'y' }, T0 + 5)),
      'dpia-done',
      'concern',
      T0 + 5,
    );
    const undone = restamp(edited, stored, T0 + 20);
    expect(undone.actionItems['a1']).toMatchObject({ text: 'First action', updatedAt: T0 + 20 });
    expect(undone.datasets['d1']).toMatchObject({ name: 'Housing', updatedAt: T0 + 20 });
    expect(undone.governance['dpia-done']).toMatchObject({ status: 'not-discussed', updatedAt: T0 + 20 });
    expect(undone.actionItems['a2']).toBe(stored.actionItems['a2']);
  });
});
