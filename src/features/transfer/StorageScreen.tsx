import { useEffect } from 'react';
import { Link } from 'wouter';
import { showToast } from '../../components/toasts';
import { formatDateTime, formatRelativeTime } from '../../lib/relativeTime';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useDataSafetyStore } from '../../state/dataSafetyStore';
import { useRepositoryStore } from '../../state/repositoryStore';
import { downloadBackup } from './runImport';
import './StorageScreen.css';

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Where the canvases live and how safe they are: persistence, space used, last backup. */
export default function StorageScreen() {
  useDocumentTitle('Storage and backups');
  const health = useDataSafetyStore();
  const problem = useRepositoryStore((state) => state.problem);
  useEffect(() => {
    void useDataSafetyStore.getState().refresh();
  }, []);

  async function backup() {
    const count = await downloadBackup();
    showToast({ message: `Backup of ${count} ${count === 1 ? 'canvas' : 'canvases'} downloaded.` });
  }

  return (
    <>
      <p>
        <Link href="/">← All canvases</Link>
      </p>
      <h1>Storage and backups</h1>
      <dl className="panel fact-list">
        <dt>Where your canvases are</dt>
        <dd>
          {problem
            ? 'Only in this tab: this browser is not letting the app save. Export or back up before you close it.'
            : 'In this browser, on this computer (IndexedDB). Nothing is sent anywhere.'}
        </dd>
        <dt>Kept safe by the browser</dt>
        <dd>
          {health.persisted === true && 'Yes. The browser has agreed not to clear them to free up space.'}
          {health.persisted === false && (
            <>
              Not yet. The browser may clear them if the disk runs low, or when site data is cleared.{' '}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() =>
                  void health.requestPersistence().then((granted) =>
                    showToast({
                      message: granted
                        ? 'The browser will now keep your canvases.'
                        : 'The browser said no for now. Download backups to be safe.',
                    }),
                  )
                }
              >
                Ask the browser to keep them
              </button>
            </>
          )}
          {health.persisted === null && 'This browser does not say.'}
        </dd>
        <dt>Space used</dt>
        <dd>
          {health.usage !== null ? megabytes(health.usage) : 'Unknown'}
          {health.quota !== null && ` of about ${megabytes(health.quota)} the browser allows this site`}
        </dd>
        <dt>Last backup downloaded</dt>
        <dd>
          {health.lastBackupAt ? (
            <time dateTime={new Date(health.lastBackupAt).toISOString()}>
              {formatDateTime(health.lastBackupAt)} ({formatRelativeTime(health.lastBackupAt)})
            </time>
          ) : (
            'Never'
          )}
        </dd>
        <dt>Working offline</dt>
        <dd>After the first visit, the app opens and works with no network. New versions install when you choose to reload.</dd>
      </dl>
      <button type="button" className="button" onClick={() => void backup()}>
        Download backup of all canvases
      </button>
    </>
  );
}
