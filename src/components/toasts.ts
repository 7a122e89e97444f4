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

export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  // One at a time: a workshop screen should not fill with messages.
  useToasts.setState({ toasts: [{ ...toast, id }] });
  setTimeout(() => dismissToast(id), TOAST_MS);
}

export function dismissToast(id: number): void {
  useToasts.setState((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
}
