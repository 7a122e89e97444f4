/**
 * Breakout groups without a network: each group works offline on its own
 * laptop with the shared canvas, saves its changes to a file and gives it to
 * another laptop, which merges it (groupFile.ts). Nothing is lost on either
 * side, and the merged canvas reaches everyone once a laptop is back online.
 */
import { useRef, useState } from 'react';
import { downloadText } from '../../lib/download';
import { readDisplayName } from '../../storage/sharing';
import { useSharingStore } from '../../state/sharingStore';
import { DisplayNameField } from './DisplayNameField';
import { SharingDialog } from './SharingDialog';

type Said = { ok: boolean; message: string } | null;

export default function GroupFilesDialog({ onClose }: { onClose: () => void }) {
  const [group, setGroup] = useState(() => readDisplayName());
  const [said, setSaid] = useState<Said>(null);
  const [working, setWorking] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const save = async () => {
    const result = await useSharingStore.getState().saveGroupFile(group);
    if ('problem' in result) return setSaid({ ok: false, message: result.problem });
    downloadText(result.fileName, result.text, 'application/json');
    setSaid({
      ok: true,
      message: `Saved “${result.fileName}”. Give it to the other group (a USB stick, email or a shared drive); they open this canvas and choose “Merge a group’s changes”.`,
    });
  };

  const merge = async (file: File | undefined) => {
    if (!file || working) return;
    setWorking(true);
    setSaid(null);
    try {
      setSaid(await useSharingStore.getState().mergeGroupFile(file));
    } finally {
      setWorking(false);
      if (picker.current) picker.current.value = '';
    }
  };

  return (
    <SharingDialog titleId="group-files-title" onClose={onClose}>
      {(close) => (
        <>
          <h2 id="group-files-title">Breakout groups: merge by file</h2>
          <p>
            Groups can keep working on this shared canvas offline, each on its own laptop. To bring their work together without a network,
            one group saves its changes to a file and another group merges that file on its laptop. Both groups’ cards, words, moves, votes
            and checks are kept; once a laptop is back online, everyone gets the merged canvas.
          </p>
          <fieldset>
            <legend>Give your changes to another group</legend>
            <DisplayNameField
              id="group-name"
              label="Your group’s name (shown to whoever merges the file)"
              value={group}
              onChange={setGroup}
            />
            <button type="button" className="button button--secondary" onClick={() => void save()}>
              Save changes for another group
            </button>
          </fieldset>
          <fieldset>
            <legend>Bring in another group’s changes</legend>
            <input
              ref={picker}
              id="group-file"
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(event) => void merge(event.target.files?.[0])}
            />
            <button type="button" className="button button--secondary" aria-disabled={working} onClick={() => picker.current?.click()}>
              Merge a group’s changes…
            </button>
          </fieldset>
          <p role={said && !said.ok ? 'alert' : 'status'} className="group-files__said" data-ok={said ? said.ok : undefined}>
            {working ? 'Merging…' : (said?.message ?? '')}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={close}>
              Done
            </button>
          </div>
        </>
      )}
    </SharingDialog>
  );
}
