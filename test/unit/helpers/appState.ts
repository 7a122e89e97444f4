/**
 * Puts the running app's stores (the instances its components use) back to
 * how a fresh page load finds them, for tests that render the app. Tests of
 * one store build a fresh one instead (`helpers/stores.ts`). The IndexedDB
 * itself is new for every test (see test/setup.ts).
 */
import { Dexie } from 'dexie';
import { useToasts } from '../../../src/components/toasts';
import { diffCanvas } from '../../../src/domain/diff';
import type { Canvas } from '../../../src/domain/model';
import { useCanvasStore } from '../../../src/state/canvasStore';
import { useLibraryStore } from '../../../src/state/libraryStore';
import { useSaveStatusStore } from '../../../src/state/saveStatusStore';
import { repository, useRepositoryStore } from '../../../src/state/repositoryStore';

export async function resetApp(): Promise<void> {
  await useCanvasStore.getState().close();
  // The repository's state holds its opening, so this opens the new database afresh.
  useRepositoryStore.setState(useRepositoryStore.getInitialState(), true);
  useLibraryStore.setState(useLibraryStore.getInitialState(), true);
  useSaveStatusStore.setState(useSaveStatusStore.getInitialState(), true);
  useToasts.setState({ toasts: [] });
}

/** Saves canvases straight to storage, as if made in an earlier session. */
export async function seed(...canvases: Canvas[]): Promise<void> {
  const repo = await repository();
  for (const canvas of canvases) await repo.saveChanges(canvas.id, diffCanvas(null, canvas));
}

/** What is in storage now, read the way the app reads it. */
export async function stored(id: string): Promise<Canvas | null> {
  return (await repository()).loadCanvas(id);
}

/** The canvas open in the store. */
export function openCanvas(): Canvas {
  const canvas = useCanvasStore.getState().canvas;
  if (!canvas) throw new Error('No canvas is open');
  return canvas;
}

/**
 * A DOMException named QuotaExceededError, as IndexedDB raises when the disk
 * is full. Use it in Node-environment tests: jsdom's DOMException is not an
 * `Error` (a browser's is), so in jsdom tests use `dexieQuotaExceeded()`.
 */
export function quotaExceeded(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** The same failure as Dexie hands it on in a browser: its own error wrapping the DOMException. */
export function dexieQuotaExceeded(): Error {
  return new Dexie.QuotaExceededError('The quota has been exceeded.', quotaExceeded());
}
