/**
 * Starts what the stores need from outside themselves: the channel to other
 * tabs (with its heartbeat and Web Lock) and what each store does when
 * another tab saves or changes the library. Nothing of this runs at import;
 * the app shell calls it once (src/app/boot.tsx), tests call it with fresh
 * stores, and both stop it with the function it returns.
 */
import { type CanvasStore, useCanvasStore } from './canvasStore';
import { type LibraryStore, useLibraryStore } from './libraryStore';
import { type TabSync, tabSync } from './tabSync';

export interface Stores {
  tabs: TabSync;
  canvas: CanvasStore;
  library: LibraryStore;
}

export function startStores(
  { tabs, canvas, library }: Stores = { tabs: tabSync, canvas: useCanvasStore, library: useLibraryStore },
): () => void {
  // A restore tells the other tabs of every canvas it stored, one message each: a list showing here is read again once
  // after the burst (and once more if a message came in while reading), not once per canvas.
  let listing = false;
  let listAgain = false;
  const relist = (): void => {
    if (library.getState().status !== 'ready') return;
    if (listing) {
      listAgain = true;
      return;
    }
    listing = true;
    void library
      .getState()
      .load()
      .finally(() => {
        listing = false;
        if (listAgain) {
          listAgain = false;
          relist();
        }
      });
  };
  const stops = [
    tabs.start(),
    tabs.onRemoteSave((canvasId) => {
      canvas.getState().retryFailedSave();
      void canvas.getState().mergeFromStorage(canvasId);
    }),
    // A save or a removal elsewhere may have left room for a save that failed here.
    tabs.onRemoteLibraryChange(() => canvas.getState().retryFailedSave()),
    tabs.onRemoteCombined((canvasId, combined) => canvas.getState().noteCombinedElsewhere(canvasId, combined)),
    // Another tab created, renamed, deleted or saved a canvas: refresh the list if it is showing.
    tabs.onRemoteLibraryChange(relist),
  ];
  return () => stops.forEach((stop) => stop());
}
