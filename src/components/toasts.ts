/** Short messages with an optional action ("Card deleted. Undo"). */
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  actionLabel?: string;
  onAction?: () => void;
}

interface ToastState {
  toasts: Toast[];
}

export const useToasts = create<ToastState>(() => ({ toasts: [] }));

let nextId = 1;
const TOAST_MS = 8000;

/** Each message's timer: it goes when its time is up, but never while it is held (pointer over it, or focus in it). */
const timers = new Map<number, { timeout: ReturnType<typeof setTimeout> | null; remaining: number; started: number }>();

function start(id: number): void {
  const timer = timers.get(id);
  if (!timer || timer.timeout) return;
  timer.started = Date.now();
  timer.timeout = setTimeout(() => dismissToast(id), timer.remaining);
}

export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  // One at a time: a workshop screen should not fill with messages.
  dismissToasts();
  useToasts.setState({ toasts: [{ ...toast, id }] });
  timers.set(id, { timeout: null, remaining: TOAST_MS, started: Date.now() });
  start(id);
}

/** Keeps a message up while someone is reading or reaching it (WCAG 2.2.1). */
export function holdToast(id: number): void {
  const timer = timers.get(id);
  if (!timer?.timeout) return;
  clearTimeout(timer.timeout);
  timer.timeout = null;
  timer.remaining = Math.max(2000, timer.remaining - (Date.now() - timer.started));
}

export function releaseToast(id: number): void {
  start(id);
}

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer?.timeout) clearTimeout(timer.timeout);
  timers.delete(id);
  useToasts.setState((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
}

/** Takes every message away. */
export function dismissToasts(): void {
  for (const toast of useToasts.getState().toasts) dismissToast(toast.id);
}
