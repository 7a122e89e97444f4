/**
 * The backup reminder's state in localStorage (when a backup was last downloaded, until when "Not now"
 * puts the reminder off) and when the reminder is due. Read by the app (state/dataSafetyStore.ts) and,
 * before the app runs, by the guard script of the page the service worker serves (worker/libraryPage.ts).
 */
const DAY = 24 * 60 * 60 * 1000;
export const LAST_BACKUP_KEY = 'outcome-canvas:last-backup';
export const REMINDER_SNOOZED_KEY = 'outcome-canvas:backup-reminder-snoozed';
/** Remind when no backup was taken for this long and storage is not persistent. */
export const BACKUP_REMINDER_AFTER = 7 * DAY;
/** "Not now" hides the reminder for this long. */
export const REMINDER_SNOOZE = 3 * DAY;

/** What the reminder depends on. `persisted` is null while unknown, or where the browser cannot say. */
export interface ReminderState {
  persisted: boolean | null;
  lastBackupAt: number | null;
  snoozedUntil: number;
}

/** Whether to remind the user to download a backup: only when it matters, and not again soon after "Not now". */
export function shouldRemindToBackUp(health: ReminderState, canvasCount: number, now = Date.now()): boolean {
  if (canvasCount === 0 || health.persisted !== false || now < health.snoozedUntil) return false;
  return health.lastBackupAt === null || now - health.lastBackupAt > BACKUP_REMINDER_AFTER;
}
