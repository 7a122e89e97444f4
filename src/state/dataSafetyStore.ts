/**
 * How safe the canvases in this browser are: whether the browser has agreed
 * to keep them (persistent storage), how much space they use, and when a
 * backup was last downloaded.
 */
import { create } from 'zustand';
import { LAST_BACKUP_KEY, REMINDER_SNOOZE, REMINDER_SNOOZED_KEY } from '../storage/backupReminder';

export interface DataSafety {
  /** null while unknown, or where the browser cannot say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  lastBackupAt: number | null;
  snoozedUntil: number;
  /** Whether persistence has been asked for in this page. */
  persistenceAsked: boolean;
  refresh(): Promise<void>;
  requestPersistence(): Promise<boolean>;
  recordBackup(now?: number): void;
  snoozeReminder(now?: number): void;
  /**
   * Asks the browser to keep this site's data once there is something worth
   * keeping (the first canvas), not on first visit. Chromium decides without a
   * prompt; Firefox may ask the user.
   */
  askForPersistenceOnce(): void;
}

/** The browser's storage manager, where there is one (not in older browsers or outside a page). */
function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

function readNumber(key: string): number | null {
  try {
    const value = Number(localStorage.getItem(key));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function writeNumber(key: string, value: number): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    /* a refused write only means the reminder may come back */
  }
}

export const createDataSafetyStore = () =>
  create<DataSafety>()((set, get) => ({
    persisted: null,
    usage: null,
    quota: null,
    lastBackupAt: readNumber(LAST_BACKUP_KEY),
    snoozedUntil: readNumber(REMINDER_SNOOZED_KEY) ?? 0,
    persistenceAsked: false,

    async refresh() {
      const manager = storageManager();
      if (!manager) return;
      const [persisted, estimate] = await Promise.all([
        manager.persisted?.().catch(() => null) ?? null,
        manager.estimate?.().catch(() => null) ?? null,
      ]);
      set({ persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null });
    },

    async requestPersistence() {
      const granted =
        (await storageManager()
          ?.persist?.()
          .catch(() => false)) ?? false;
      await get().refresh();
      return granted;
    },

    recordBackup(now = Date.now()) {
      writeNumber(LAST_BACKUP_KEY, now);
      set({ lastBackupAt: now });
    },

    snoozeReminder(now = Date.now()) {
      writeNumber(REMINDER_SNOOZED_KEY, now + REMINDER_SNOOZE);
      set({ snoozedUntil: now + REMINDER_SNOOZE });
    },

    askForPersistenceOnce() {
      if (get().persistenceAsked) return;
      set({ persistenceAsked: true });
      void get().requestPersistence();
    },
  }));

/** The running app's data safety. */
export const useDataSafetyStore = createDataSafetyStore();
