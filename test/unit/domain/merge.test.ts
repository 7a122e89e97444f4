// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setCardText } from '../../../src/domain/cards';
import { setCheckNotes, setTitle } from '../../../src/domain/canvas';
import { applyRemote, mergeRemote, remoteChanges, restamp } from '../../../src/domain/merge';
import { checkKey } from '../../../src/domain/model';
import { T0, buildCanvas } from '../helpers/canvasBuilder';

const base = buildCanvas({ title: 'Shared', cards: { outcome: ['one', 'two'], action: ['three'] } });
/** A copy as it would come back from storage: equal content, new objects. */
const reloaded = <T>(value: T): T => structuredClone(value);

describe('merging what another tab saved', () => {
  it('brings in the other tab’s edits to records this tab did not touch', () => {
    const remote = setCardText(reloaded(base), 'outcome-1', 'one, edited in the other tab', T0 + 10);
    const local = setCardText(base, 'action-1', 'three, edited here', T0 + 11);
    const { merged } = mergeRemote(base, local, remote);
    expect(merged.cards['outcome-1']!.text).toBe('one, edited in the other tab');
    expect(merged.cards['action-1']!.text).toBe('three, edited here');
  });

  it('keeps this tab’s unsaved edit when both changed the same card', () => {
    const remote = setCardText(reloaded(base), 'outcome-1', 'theirs', T0 + 10);
    const local = setCardText(base, 'outcome-1', 'ours', T0 + 12);
    expect(mergeRemote(base, local, remote).merged.cards['outcome-1']!.text).toBe('ours');
  });

  it('merges canvas fields and ethics checks on their own', () => {
    let remote = setTitle(reloaded(base), 'New title from the other tab', T0 + 10);
    remote = setCheckNotes(remote, 'insight', 'consent', 'Ask the residents panel', T0 + 10);
    const local = setCheckNotes(base, 'insight', 'trust', 'Low trust in police data', T0 + 11);
    const { merged } = mergeRemote(base, local, remote);
    expect(merged.title).toBe('New title from the other tab');
    expect(merged.checks[checkKey('insight', 'consent')].notes).toBe('Ask the residents panel');
    expect(merged.checks[checkKey('insight', 'trust')].notes).toBe('Low trust in police data');
  });

  it('sees no change when storage holds what this tab last saved', () => {
    const result = mergeRemote(base, base, reloaded(base));
    expect(result.changed).toBe(false);
    expect(result.merged).toBe(base);
  });

  it('keeps unchanged records as the same objects, so the next save writes only real changes', () => {
    const remote = setCardText(reloaded(base), 'outcome-1', 'edited', T0 + 10);
    const { stored, merged } = mergeRemote(base, base, remote);
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
    expect(mergeRemote(base, base, remote).merged.cards['outcome-2']).toBeUndefined();
  });

  it('keeps a removed card that this tab has edited since', () => {
    const remote = reloaded(base);
    delete (remote.cards as Record<string, unknown>)['outcome-2'];
    const local = setCardText(base, 'outcome-2', 'still working on this', T0 + 20);
    expect(mergeRemote(base, local, remote).merged.cards['outcome-2']!.text).toBe('still working on this');
  });

  it('gives records brought back by undo a new time, so they count as the newest change', () => {
    const edited = setCardText(base, 'outcome-1', 'edited', T0 + 10);
    const undone = restamp(edited, base, T0 + 20);
    expect(undone.cards['outcome-1']!.text).toBe('one');
    expect(undone.cards['outcome-1']!.updatedAt).toBe(T0 + 20);
    expect(undone.cards['outcome-2']).toBe(base.cards['outcome-2']);
  });
});
