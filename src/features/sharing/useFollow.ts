/**
 * Following the facilitator: the facilitator's device shares which view and
 * step it shows (the step view, the whole board, presenting mode); a
 * participant who chose to follow is taken there whenever it changes. Going
 * elsewhere on one's own stops following (the button turns it back on).
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { isStepId } from '../../domain/model';
import { useSharingStore } from '../../state/sharingStore';

const FOLLOWED_VIEWS = new Set(['step', 'board', 'present']);

function pathOf(canvasId: string, view: string, step: string | null): string {
  if (view === 'board') return `/canvas/${canvasId}/board`;
  if (view === 'present') return `/canvas/${canvasId}/present/${step ?? 'board'}`;
  return `/canvas/${canvasId}/step/${step ?? 'outcome'}`;
}

export function useFollow(canvasId: string, view: string, step: string | undefined): void {
  const [, navigate] = useLocation();
  const role = useSharingStore((state) => state.record?.role ?? null);
  const following = useSharingStore((state) => state.following);
  const targetView = useSharingStore((state) => state.showing.view);
  const targetStep = useSharingStore((state) => state.showing.step);
  const here = FOLLOWED_VIEWS.has(view) ? { view, step: isStepId(step) ? step : null } : null;

  useEffect(() => {
    if (role === 'facilitator' && here) useSharingStore.getState().show(here);
  }, [role, here?.view, here?.step]); // eslint-disable-line react-hooks/exhaustive-deps

  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (role !== 'participant' || !following || !targetView || !FOLLOWED_VIEWS.has(targetView)) {
      applied.current = null;
      return;
    }
    const target = pathOf(canvasId, targetView, targetStep);
    const now = here ? pathOf(canvasId, here.view, here.step) : null;
    if (now === target) applied.current = target;
    else if (applied.current === target)
      useSharingStore.getState().setFollowing(false); // moved away on their own
    else {
      applied.current = target;
      navigate(target);
    }
  }, [role, following, targetView, targetStep, canvasId, here?.view, here?.step, navigate]); // eslint-disable-line react-hooks/exhaustive-deps
}
