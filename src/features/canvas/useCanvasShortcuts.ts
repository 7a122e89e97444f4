/**
 * The canvas screen's keyboard shortcuts, for the registry and the "?" sheet.
 * Keys a focused card handles itself are listed here too (without a `run`),
 * from the same command list as its menu.
 */
import { useMemo } from 'react';
import { useLocation } from 'wouter';
import { openShortcutSheet } from '../../components/ShortcutSheet';
import { STEP_IDS, type StepId, isStepId } from '../../domain/model';
import { type Shortcut, useShortcuts } from '../../lib/shortcuts';
import { useIsParticipant } from '../../state/sharingStore';
import { addCardTo } from './cardActions';
import { CARD_COMMANDS } from './cardCommands';
import { toggleTimer } from './StepTimer';
import { redoLast, undoLast } from './undoRedo';

const CANVAS = 'Anywhere on a canvas';
const CARD = 'On a card';
const MOVING = 'Moving a card';
const EDITING = 'Editing a card';

/** The step whose cards (or column) have focus, if any. */
function stepInFocus(): StepId | null {
  const step = document.activeElement?.closest<HTMLElement>('[data-drop-kind="list"]')?.dataset.dropStep;
  return isStepId(step) ? step : null;
}

const cardKeys: Shortcut[] = [
  {
    id: 'card-arrows',
    keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'],
    label: 'Go to the next card (Left and Right: the next column on the whole board)',
    group: CARD,
  },
  { id: 'card-home-end', keys: ['Home', 'End'], label: 'Go to the first or last card of the step', group: CARD },
  ...CARD_COMMANDS.filter((command) => command.keys).map((command) => ({
    id: `card-${command.id}`,
    keys: command.keys!,
    label: command.helpLabel ?? command.label,
    group: CARD,
  })),
  { id: 'card-pick-up', keys: [' '], label: 'Pick the card up to move it', group: CARD },
  { id: 'card-menu', keys: ['m', 'Shift+F10'], label: 'Open the card’s actions: vote, agreed, park, move, colour, delete', group: CARD },
  { id: 'moving-up-down', keys: ['ArrowUp', 'ArrowDown'], label: 'Move up or down within the step', group: MOVING },
  { id: 'moving-left-right', keys: ['ArrowLeft', 'ArrowRight'], label: 'Move to the step before or after', group: MOVING },
  { id: 'moving-drop', keys: [' ', 'Enter'], label: 'Drop the card here', group: MOVING },
  { id: 'moving-cancel', keys: ['Escape'], label: 'Put the card back where it was', group: MOVING },
  { id: 'editing-done', keys: ['Escape', 'Mod+Enter'], label: 'Stop editing (the text is saved as you type)', group: EDITING },
];

export function useCanvasShortcuts(canvasId: string, view: string, step: string | undefined): void {
  const [, navigate] = useLocation();
  const participant = useIsParticipant();
  const shortcuts = useMemo(() => {
    const list: Shortcut[] = [
      { id: 'shortcuts', keys: ['?'], label: 'Show keyboard shortcuts', group: CANVAS, run: openShortcutSheet },
      { id: 'undo', keys: ['Mod+z'], label: 'Undo', group: CANVAS, inFields: true, run: undoLast },
      {
        id: 'redo',
        keys: ['Mod+Shift+z', 'Mod+y'],
        label: 'Redo',
        group: CANVAS,
        inFields: true,
        run: redoLast,
      },
    ];
    const current = isStepId(step) ? step : null;
    if (view === 'step' || view === 'board') {
      list.push({
        id: 'present',
        keys: ['p'],
        label: 'Present: large cards for a projector (Escape to leave)',
        group: CANVAS,
        run: () => navigate(`/canvas/${canvasId}/present/${current ?? 'board'}`),
      });
    }
    if ((view === 'step' || view === 'present') && current && !participant) {
      list.push({
        id: 'timer',
        keys: ['t'],
        label: 'Start or pause the timer for this step',
        group: CANVAS,
        run: () => toggleTimer(current),
      });
    }
    if (view === 'step' || view === 'board' || view === 'present') {
      list.push({
        id: 'new-card',
        keys: ['n'],
        label: view === 'step' ? 'New card in this step' : 'New card in the step that has focus',
        group: CANVAS,
        run: () => addCardTo(stepInFocus() ?? current ?? STEP_IDS[0]),
      });
    }
    if (view === 'step' && current) {
      const index = STEP_IDS.indexOf(current);
      const go = (offset: number) => () => {
        const next = STEP_IDS[index + offset];
        if (next) navigate(`/canvas/${canvasId}/step/${next}`);
      };
      list.push(
        { id: 'next-step', keys: [']'], label: 'Next step', group: CANVAS, run: go(1) },
        { id: 'previous-step', keys: ['['], label: 'Previous step', group: CANVAS, run: go(-1) },
      );
    }
    if (view === 'step' || view === 'board' || view === 'present') list.push(...cardKeys);
    return list;
  }, [canvasId, view, step, navigate, participant]);
  useShortcuts(shortcuts);
}
