import { useEffect } from 'react';
import { showToast } from '../../components/toasts';
import { shouldRemindToBackUp } from '../../storage/backupReminder';
import { useDataSafetyStore } from '../../state/dataSafetyStore';

/**
 * A quiet reminder, only when the browser may clear canvases and no recent backup exists. Part of
 * the library's first render (the page the service worker serves has it in place already, so it must
 * not come in later and push the list down); the backup's code loads when it is asked for.
 */
export function BackupReminder({ canvasCount }: { canvasCount: number }) {
  const persisted = useDataSafetyStore((state) => state.persisted);
  const lastBackupAt = useDataSafetyStore((state) => state.lastBackupAt);
  const snoozedUntil = useDataSafetyStore((state) => state.snoozedUntil);
  useEffect(() => {
    void useDataSafetyStore.getState().refresh();
  }, []);
  if (!shouldRemindToBackUp({ persisted, lastBackupAt, snoozedUntil }, canvasCount)) return null;
  return (
    <section className="banner" aria-labelledby="backup-reminder-heading">
      <h2 id="backup-reminder-heading" className="banner__title">
        Keep a copy of your canvases
      </h2>
      <p>
        Your canvases are only in this browser, and it has not promised to keep them: clearing site data or a full disk could remove them.{' '}
        {lastBackupAt ? 'Your last backup was more than a week ago.' : 'You have not downloaded a backup yet.'}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            void import('./runImport')
              .then(({ downloadBackup }) => downloadBackup())
              .then((count) => showToast({ message: `Backup of ${count} ${count === 1 ? 'canvas' : 'canvases'} downloaded.` }))
          }
        >
          Download a backup
        </button>
        <button type="button" className="button button--secondary" onClick={() => useDataSafetyStore.getState().snoozeReminder()}>
          Not now
        </button>
      </div>
    </section>
  );
}
