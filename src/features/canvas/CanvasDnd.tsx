/**
 * Drag and drop of cards with mouse, touch and keyboard.
 *
 * Cards are plain elements: none of them registers with dnd-kit, so a board
 * of 2,000 cards costs nothing extra to show or to drag over. The card being
 * picked up becomes the one draggable just in time (its pointer press or
 * Space key is handed on to dnd-kit's sensor after one synchronous render).
 * The drop places are the steps (each step's column or panel, and in the
 * step view the other steps in the side rail); where in a step the card
 * would land is worked out here, from the pointer or the arrow keys, and a
 * line shows it. A copy of the card follows the pointer (the drag overlay);
 * let go with a pointer, the copy is put down at once and the card moves in
 * the task after that frame (a keyboard drop moves it at once).
 * Screen readers hear every place the card passes and where it lands.
 */
import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  DragOverlay,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type ReactNode, createContext, useCallback, useContext, useLayoutEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { flushSync } from 'react-dom';
import { cardPosition, cardsInStep, moveCard } from '../../domain/cards';
import { STEP_GUIDANCE } from '../../domain/guidance';
import { type StepId, isStepId } from '../../domain/model';
import { pauseShortcuts } from '../../lib/shortcuts';
import { getOpenCanvas, useCard } from '../../state/canvasSelectors';
import { afterNextPaint } from '../../state/afterNextPaint';
import { useCanvasStore } from '../../state/canvasStore';
import { type StepDropData, isStepDropData } from './dragData';
import {
  type DropPlace,
  type DropTarget,
  type KeyboardTarget,
  nextKeyboardTarget,
  measuredWhenAsked,
  sameTarget,
  slotAtPoint,
  useDragState,
} from './dragTarget';
import { focusCardAfterRender } from './focusRequests';

const currentCanvas = getOpenCanvas;

// ---- Places on screen -------------------------------------------------------------

const cardsInList = (step: StepId, leaveOut: string | null): HTMLElement[] =>
  Array.from(document.querySelectorAll<HTMLElement>(`[data-card-list][data-step="${step}"] > [data-card-id]`)).filter(
    (card) => card.dataset.cardId !== leaveOut,
  );

function dropPlaces(activeId: string): DropPlace[] {
  const canvas = currentCanvas();
  if (!canvas) return [];
  return Array.from(document.querySelectorAll<HTMLElement>('[data-drop-step]')).flatMap((element) => {
    const step = element.dataset.dropStep;
    const kind = element.dataset.dropKind === 'rail' ? 'rail' : 'list';
    if (!isStepId(step)) return [];
    const count = cardsInStep(canvas, step).filter((card) => card.id !== activeId).length;
    return [{ step, kind, droppableId: element.dataset.dropId ?? '', count }];
  });
}

/** Where on screen a target is: the top-left corner the dragged copy moves to. */
function targetPosition(target: DropTarget, activeId: string): { x: number; y: number } | null {
  if (target.kind === 'rail') {
    const rail = document.querySelector(`[data-drop-id="${target.droppableId}"]`)?.getBoundingClientRect();
    return rail ? { x: rail.left + 12, y: rail.top + 12 } : null;
  }
  const cards = cardsInList(target.step, activeId);
  const at = cards[target.index]?.getBoundingClientRect();
  // A little down and to the right of the slot, so the line that marks it stays in sight.
  if (at) return { x: at.left + 16, y: at.top + 12 };
  const last = cards[cards.length - 1]?.getBoundingClientRect();
  if (last) return { x: last.left + 16, y: last.bottom + 12 };
  const list = document.querySelector(`[data-card-list][data-step="${target.step}"]`)?.getBoundingClientRect();
  return list ? { x: list.left + 16, y: list.top } : null;
}

// ---- Announcements ----------------------------------------------------------------

function describeCard(id: string | number): string {
  const text = currentCanvas()?.cards[String(id)]?.text.trim() ?? '';
  if (!text) return 'Empty card';
  return `Card “${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

function describeTarget(target: DropTarget, activeId: string): string {
  const canvas = currentCanvas();
  const count = canvas ? cardsInStep(canvas, target.step).filter((card) => card.id !== activeId).length + 1 : 1;
  return `${STEP_GUIDANCE[target.step].title}, position ${target.index + 1} of ${count}`;
}

function describeWhere(id: string | number): string {
  const canvas = currentCanvas();
  const position = canvas && cardPosition(canvas, String(id));
  return position ? `${STEP_GUIDANCE[position.step].title}, position ${position.index + 1} of ${position.count}` : '';
}

let announced: DropTarget | null = null;

/** Says where the card is now, once per place it passes. */
function announceTarget(activeId: string | number): string | undefined {
  const { target } = useDragState.getState();
  if (sameTarget(target, announced)) return undefined;
  announced = target;
  return target
    ? `${describeCard(activeId)} is over ${describeTarget(target, String(activeId))}.`
    : `${describeCard(activeId)} is not over a step.`;
}

const announcements: Announcements = {
  onDragStart: ({ active }) => {
    announced = useDragState.getState().target;
    return `Picked up ${describeCard(active.id)}. It is over ${describeWhere(active.id)}.`;
  },
  onDragMove: ({ active }) => announceTarget(active.id),
  onDragOver: ({ active }) => announceTarget(active.id),
  // Runs after the drop handler: the card is in its new place, or (a pointer drop) about to be.
  onDragEnd: ({ active, over }) => {
    if (!over) return 'Dropped outside the steps: the card did not move.';
    const landing = useLanding.getState().landing;
    const where = landing ? describeTarget(landing.target, String(active.id)) : describeWhere(active.id);
    return `Dropped. ${describeCard(active.id)} is now in ${where}.`;
  },
  onDragCancel: ({ active }) => `Move cancelled. ${describeCard(active.id)} is back in ${describeWhere(active.id)}.`,
};

const screenReaderInstructions = {
  draggable:
    'Arrow keys move between cards. Enter edits the card, Space picks it up to move it, plus adds a vote, A marks it agreed, M opens its actions, Delete deletes it. Question mark lists every shortcut.',
};

/** The id of the element that says how to use a card from the keyboard (cards are described by it). */
export const CARD_KEYS_HELP_ID = 'card-keys-help';

/** The id of the words "Actions for", which begin the name of each card's actions button (then the card's own name). */
export const CARD_ACTIONS_WORDS_ID = 'card-actions-words';

// ---- Sensors and collisions ---------------------------------------------------------

const keyboardCoordinates: KeyboardCoordinateGetter = (event, { active }) => {
  const { target } = useDragState.getState();
  if (!target || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.code)) return undefined;
  event.preventDefault();
  const next = nextKeyboardTarget(target as KeyboardTarget, event.code, dropPlaces(String(active)));
  if (!next) return undefined;
  useDragState.setState({ target: next });
  return targetPosition(next, String(active)) ?? undefined;
};

/** The keyboard says where it is; the pointer is over whichever step it is within. */
const collisionDetection: CollisionDetection = (args) => {
  const { mode, target } = useDragState.getState();
  if (mode === 'keyboard') return target ? [{ id: target.droppableId }] : [];
  return pointerWithin(args);
};

let pointer: { x: number; y: number } | null = null;
const trackPointer = (event: PointerEvent) => {
  pointer = { x: event.clientX, y: event.clientY };
};

/** The slot under the pointer, in the step it is over. */
function pointerTarget(activeId: string, over: { id: string | number; data: { current?: unknown } } | null): DropTarget | null {
  const data = over?.data.current;
  if (!over || !isStepDropData(data)) return null;
  const droppableId = String(over.id);
  if (data.kind === 'rail') {
    const canvas = currentCanvas();
    const count = canvas ? cardsInStep(canvas, data.step).filter((card) => card.id !== activeId).length : 0;
    return { step: data.step, kind: 'rail', droppableId, index: count };
  }
  const boxes = measuredWhenAsked(cardsInList(data.step, activeId));
  return { step: data.step, kind: 'list', droppableId, index: pointer ? slotAtPoint(boxes, pointer) : boxes.length };
}

// ---- Drop places ------------------------------------------------------------------

/**
 * The steps on screen where a card can be dropped. They register here, not with dnd-kit
 * directly, so that the board is not inside dnd-kit's context: its state changes on every
 * pointer move of a drag, and React then looks through everything inside it (thousands of
 * elements on a board of hundreds of cards) for what reads it. `DropPlaces`, inside the
 * context, hands each one to dnd-kit.
 */
const useDropZones = create<Record<string, { data: StepDropData; node: HTMLElement }>>(() => ({}));

/**
 * Makes the element a place to drop cards (`ref` it); `over` is true while a dragged card is over it.
 * The element also carries `data-drop-step`, `data-drop-kind` and `data-drop-id` for the keyboard.
 */
export function useDropZone(
  id: string,
  step: StepId,
  kind: StepDropData['kind'],
): { ref: (node: HTMLElement | null) => void; over: boolean } {
  const ref = useCallback(
    (node: HTMLElement | null) => {
      if (node) useDropZones.setState({ [id]: { data: { type: 'step', step, kind }, node } });
      else
        useDropZones.setState((zones) => {
          const { [id]: _gone, ...rest } = zones;
          return rest;
        }, true);
    },
    [id, step, kind],
  );
  const over = useDragState((state) => state.activeId !== null && state.target?.droppableId === id);
  return { ref, over };
}

function DropPlaces() {
  const zones = useDropZones();
  return Object.entries(zones).map(([id, { data, node }]) => <DropPlace key={id} id={id} data={data} node={node} />);
}

function DropPlace({ id, data, node }: { id: string; data: StepDropData; node: HTMLElement }) {
  const { setNodeRef } = useDroppable({ id, data });
  useLayoutEffect(() => setNodeRef(node), [node, setNodeRef]);
  return null;
}

// ---- The context --------------------------------------------------------------------

/** Starts dragging a card from a pointer press on its handle, or Space on the card. */
type BeginDrag = (event: React.PointerEvent | React.KeyboardEvent, card: HTMLElement) => void;

const BeginDragContext = createContext<BeginDrag>(() => {});
export const useBeginDrag = () => useContext(BeginDragContext);

interface Armed {
  id: string;
  node: HTMLElement;
}

type Listeners = ReturnType<typeof useDraggable>['listeners'];

/** The one draggable: whichever card is being picked up. */
function DragSource({ armed, listenersRef }: { armed: Armed | null; listenersRef: React.RefObject<Listeners> }) {
  const { setNodeRef, setActivatorNodeRef, listeners } = useDraggable({ id: armed?.id ?? 'no-card', disabled: !armed });
  useLayoutEffect(() => {
    setNodeRef(armed?.node ?? null);
    setActivatorNodeRef(armed?.node ?? null);
    listenersRef.current = listeners;
  });
  return null;
}

/** Where on screen, in CSS pixels (a plain object: it is the put-down copy's style). */
type ScreenRect = Pick<DOMRectReadOnly, 'left' | 'top' | 'width' | 'height'>;

/** The copy of the card under the pointer; `putDownAt`, once let go: flat, where it was let go. */
function DraggedCard({ id, putDownAt }: { id: string; putDownAt?: ScreenRect }) {
  const card = useCard(id);
  if (!card) return null;
  return (
    <div
      className={putDownAt ? 'card drag-overlay drag-overlay--landed' : 'card drag-overlay'}
      data-colour={card.colour}
      aria-hidden="true"
      style={putDownAt}
    >
      <div className="card__text" dir="auto">
        {card.text.trim() || 'Empty card'}
      </div>
    </div>
  );
}

/**
 * A pointer drop puts the copy down at once and moves the card one frame later (`onDragEnd`): the card
 * dropped, where it is shown meanwhile (where it was let go), and where it goes.
 */
interface Landing {
  id: string;
  target: DropTarget;
  box: ScreenRect | null;
}
const useLanding = create<{ landing: Landing | null }>(() => ({ landing: null }));
/** Moves the card of a drop still landing, at once (none when no drop is landing). */
let landPending: (() => void) | null = null;

/** The dropped copy, put down flat where it was let go, until the board shows the card in its place. */
function LandedCard() {
  const shown = useLanding((state) => state.landing);
  return shown?.box ? <DraggedCard id={shown.id} putDownAt={shown.box} /> : null;
}

const DRAG_KEYS = new Set(['Space', 'Enter', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * dnd-kit's keyboard sensor starts listening for keys one task after the
 * pick-up (so the Space that picked the card up does not drop it too). A key
 * pressed in that gap was lost: a quick hand, or a busy old laptop, where the
 * browser runs input before timers. Such keys are held here and handed over
 * once the sensor listens (its timer was set first, so it has run by then).
 */
function holdKeysUntilSensorListens(activator: Event): void {
  const held: KeyboardEvent[] = [];
  const hold = (event: KeyboardEvent) => {
    if (event === activator || !DRAG_KEYS.has(event.code)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(event);
  };
  document.addEventListener('keydown', hold, true);
  setTimeout(() => {
    document.removeEventListener('keydown', hold, true);
    for (const event of held) {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, code: event.code, bubbles: true, cancelable: true }));
    }
  });
}

export function CanvasDnd({ children }: { children: ReactNode }) {
  const [armed, setArmed] = useState<Armed | null>(null);
  const listenersRef = useRef<Listeners>(undefined);
  const releaseShortcuts = useRef<(() => void) | null>(null);
  // The picked-up card shows its place held (set on the element: no card subscribes to the drag).
  const armedNode = useRef<HTMLElement | null>(null);
  const activeId = useDragState((state) => state.activeId);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: keyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const begin = useCallback<BeginDrag>((event, card) => {
    const id = card.dataset.cardId;
    const step = card.dataset.step;
    const canvas = currentCanvas();
    if (!id || !isStepId(step) || !canvas || useDragState.getState().activeId) return;
    const keyboard = event.type === 'keydown';
    const origin: DropTarget = {
      step,
      kind: 'list',
      droppableId: card.closest<HTMLElement>('[data-drop-id]')?.dataset.dropId ?? `step:${step}`,
      index: cardsInStep(canvas, step).findIndex((other) => other.id === id),
    };
    useDragState.setState({
      mode: keyboard ? 'keyboard' : 'pointer',
      origin,
      target: keyboard ? ({ ...origin, goalRow: origin.index } as KeyboardTarget) : origin,
    });
    flushSync(() => setArmed({ id, node: card }));
    armedNode.current = card;
    if (keyboard) {
      listenersRef.current?.onKeyDown?.(event);
      holdKeysUntilSensorListens(event.nativeEvent);
    } else listenersRef.current?.onPointerDown?.(event);
  }, []);

  function finish() {
    releaseShortcuts.current?.();
    releaseShortcuts.current = null;
    window.removeEventListener('pointermove', trackPointer, true);
    pointer = null;
    announced = null;
    useDragState.setState({ activeId: null, mode: null, target: null, origin: null });
    armedNode.current?.removeAttribute('data-dragging');
    armedNode.current = null;
    setArmed(null);
  }

  function onDragMove({ active, over }: DragMoveEvent) {
    if (useDragState.getState().mode !== 'pointer') return;
    const target = pointerTarget(String(active.id), over);
    if (!sameTarget(target, useDragState.getState().target)) useDragState.setState({ target });
  }

  function drop(id: string, target: DropTarget | null, mode: 'pointer' | 'keyboard' | null) {
    if (target) useCanvasStore.getState().edit((canvas, now) => moveCard(canvas, id, { step: target.step, index: target.index }, now));
    // The card dropped (by any means) or put back from the keyboard keeps focus, in its new place: the next
    // move is one key away, and focus never falls to a neighbour that took its old place.
    if (target || mode === 'keyboard') focusCardAfterRender(id);
    finish();
  }

  function onDragEnd({ active }: DragEndEvent) {
    const id = String(active.id);
    const { mode, target } = useDragState.getState();
    if (mode !== 'pointer' || !target) return drop(id, target, mode);
    // Let go with a pointer: the next frame shows the copy put down where it was let go, and the card moves
    // in the task after that frame. Moving it re-renders and lays out a board of hundreds of cards, longer than
    // a frame on an old laptop; the hand that let go sees the drop at once, and the board follows. (The
    // keyboard moves at once: focus and the next key must find the card in its place.)
    const box = document.querySelector('.drag-overlay')?.parentElement?.getBoundingClientRect();
    const canvasId = currentCanvas()?.id;
    useLanding.setState({
      landing: { id, target, box: box ? { left: box.left, top: box.top, width: box.width, height: box.height } : null },
    });
    let landed = false;
    const land = () => {
      if (landed) return;
      landed = true;
      landPending = null;
      clearTimeout(noFrame);
      removeEventListener('pagehide', land, true);
      document.removeEventListener('visibilitychange', land, true);
      // Unless the canvas was closed meanwhile: a card id means nothing in another canvas.
      drop(id, currentCanvas()?.id === canvasId ? target : null, mode);
      useLanding.setState({ landing: null });
    };
    landPending = land;
    afterNextPaint(land);
    // Should no frame come while the page is shown (a browser may hold frames back): not later than this.
    const noFrame = setTimeout(land, 1000);
    // Hidden or closed first, the page paints no frame: the move goes in at once, ahead of the page's own save
    // on hiding (these listen in the capture phase, so they run first), and that save writes it.
    addEventListener('pagehide', land, true);
    document.addEventListener('visibilitychange', land, true);
  }

  // Leaving the board while a drop is landing: the move goes in before the canvas closes (layout effects'
  // clean-ups run before the canvas screen's own, which closes it).
  useLayoutEffect(() => () => landPending?.(), []);

  return (
    <BeginDragContext.Provider value={begin}>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={({ active, activatorEvent }) => {
          releaseShortcuts.current = pauseShortcuts();
          if (activatorEvent instanceof PointerEvent) trackPointer(activatorEvent);
          window.addEventListener('pointermove', trackPointer, true);
          useDragState.setState({ activeId: String(active.id) });
          // Marked in the frame's own update, after dnd-kit has measured the page: set now, it would make the
          // browser lay the page out again for those measurements, on the slowest moment of a drag.
          const node = armedNode.current;
          requestAnimationFrame(() => {
            if (node && armedNode.current === node && useDragState.getState().activeId === String(active.id))
              node.setAttribute('data-dragging', 'true');
          });
        }}
        onDragMove={onDragMove}
        onDragOver={onDragMove}
        onDragEnd={onDragEnd}
        onDragCancel={({ active }) => {
          if (useDragState.getState().mode === 'keyboard') focusCardAfterRender(String(active.id));
          finish();
        }}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <DragSource armed={armed} listenersRef={listenersRef} />
        <DropPlaces />
        <DragOverlay dropAnimation={null}>{activeId ? <DraggedCard id={activeId} /> : null}</DragOverlay>
      </DndContext>
      <LandedCard />
      <p id={CARD_KEYS_HELP_ID} hidden>
        {screenReaderInstructions.draggable}
      </p>
      <span id={CARD_ACTIONS_WORDS_ID} hidden>
        Actions for
      </span>
      {/* Outside dnd-kit's context (see useDropZones). */}
      {children}
    </BeginDragContext.Provider>
  );
}
