/** A modal dialog of the sharing feature: opened when shown, Escape closes it, focus goes back to the opener. */
import { useEffect, useState } from 'react';
import '../../components/ConfirmDialog.css';

interface Props {
  titleId: string;
  /** Called once the dialog is closed, so the opener can take focus back (nothing outside an open modal can). */
  onClose: () => void;
  children: (close: () => void) => React.ReactNode;
}

export function SharingDialog({ titleId, onClose, children }: Props) {
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null);
  useEffect(() => {
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, [dialog]);
  const close = () => {
    dialog?.close();
    onClose();
  };
  return (
    <dialog
      ref={setDialog}
      className="invite-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      {children(close)}
    </dialog>
  );
}
