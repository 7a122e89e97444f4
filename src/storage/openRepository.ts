/**
 * Opens the repository: IndexedDB when the browser allows it, otherwise
 * memory for the life of the tab, with the reason as a problem kind (the
 * words for people are the state layer's: `state/saveProblems.ts`).
 */
import { Dexie } from 'dexie';
import { CanvasDatabase, DATABASE_NAME } from './db';
import { IndexedDbRepository } from './indexedDbRepository';
import { MemoryRepository } from './memoryRepository';
import type { OpenProblem } from './problems';
import type { CanvasRepository } from './repository';

export interface OpenedRepository {
  repository: CanvasRepository;
  /** null when saving to the browser. */
  problem: OpenProblem | null;
}

/**
 * The version of the stored database before opening it (Dexie's numbering;
 * 0 when there is none), or null when the browser cannot say. Read without
 * opening, so it never creates or upgrades anything.
 */
async function installedVersion(name: string): Promise<number | null> {
  try {
    const factory = Dexie.dependencies.indexedDB as IDBFactory | undefined;
    if (!factory?.databases) return null;
    const found = (await factory.databases()).find((info) => info.name === name);
    return found?.version ? found.version / 10 : 0;
  } catch {
    return null;
  }
}

/**
 * `onUpgradedElsewhere` runs when another tab opens the database with a
 * newer version of the app: this tab lets go of it (so the upgrade can go
 * ahead) and must be reloaded to keep saving.
 */
export async function openRepository(name = DATABASE_NAME, onUpgradedElsewhere: () => void = () => {}): Promise<OpenedRepository> {
  const db = new CanvasDatabase(name);
  db.on('versionchange', () => {
    db.close();
    onUpgradedElsewhere();
    return false;
  });
  // Known before opening, so an upgrade failure is recognised whatever the upgrade did.
  const before = await installedVersion(name);
  try {
    await db.open();
    return { repository: new IndexedDbRepository(db), problem: null };
  } catch (error) {
    console.warn('Outcome Canvas: IndexedDB could not be opened; working in memory.', error);
    const upgrading = before !== null && before > 0 && before < db.verno;
    return { repository: new MemoryRepository(), problem: openProblemOf(error, upgrading) };
  }
}

function openProblemOf(error: unknown, upgrading: boolean): OpenProblem {
  if (error instanceof Dexie.MissingAPIError) return 'refused';
  // An upgrade runs in one transaction: when it fails, IndexedDB rolls it back and the old data stays as it was.
  if (upgrading || error instanceof Dexie.UpgradeError) return 'upgrade-failed';
  if (error instanceof Dexie.VersionError) return 'newer-version';
  if (error instanceof Dexie.OpenFailedError || error instanceof Dexie.InvalidStateError) return 'refused';
  return 'unknown';
}
