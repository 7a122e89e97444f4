import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';

// Every test gets an empty IndexedDB of its own. Dexie reads its factory
// once at import, so point it at the new one too.
beforeEach(() => {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  Dexie.dependencies.indexedDB = factory;
});

// DOM tests only (domain tests run in the node environment, without React).
if (typeof window !== 'undefined') {
  const { cleanup, configure } = await import('@testing-library/react');
  // The canvas screen and the export view are lazy chunks: the first import
  // of one in a test file can take more than the default second on a busy machine.
  configure({ asyncUtilTimeout: 5000 });
  // A whole-app test does a lot of DOM work; give it room when the machine is shared.
  vi.setConfig({ testTimeout: 20_000 });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });
}
