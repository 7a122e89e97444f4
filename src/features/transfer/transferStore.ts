/** What the current import is doing, shared by the import panel and the window-wide drop target. */
import { create } from 'zustand';
import type { Canvas } from '../../domain/model';
import type { Snapshot } from '../../domain/snapshots';
import type { Template } from '../../domain/templates';

export type TransferState =
  | { status: 'idle' }
  | { status: 'working'; fileName: string }
  | { status: 'failed'; fileName: string; problems: string[] }
  | { status: 'conflict'; fileName: string; canvases: Canvas[]; templates: Template[]; snapshots: Snapshot[]; clashes: number }
  | { status: 'done'; fileName: string; message: string };

export const useTransferStore = create<TransferState>(() => ({ status: 'idle' }));

export const setTransfer = (state: TransferState) => useTransferStore.setState(state, true);
