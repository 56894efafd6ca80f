// Shown on 409: the project moved on while the user was editing; show what changed, offer a reload.
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import type { FieldChange } from './ptriDiff.ts';

interface ConflictDialogProps {
  changes: FieldChange[] | null;
  changedBy?: string | null;
  onReload: () => void;
  onClose: () => void;
}

export function ConflictDialog({ changes, changedBy, onReload, onClose }: ConflictDialogProps) {
  return (
    <Dialog title={it.ptri.conflictTitle} role="alertdialog" onClose={onClose}>
      <p>{it.ptri.conflictHelp}</p>
      {changedBy && <p>{changedBy}</p>}
      {changes === null ? (
        <p>{it.common.loading}</p>
      ) : changes.length === 0 ? (
        <p>{it.ptri.conflictNoDiff}</p>
      ) : (
        <ul className="diff-list">
          {changes.map((change) => (
            <li key={change.field}>
              <strong>{change.field}</strong>
              <div className="diff">
                {it.ptri.changedFrom}: {change.before}
              </div>
              <div className="diff">
                {it.ptri.changedTo}: {change.after}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={onReload}>
          {it.ptri.reload}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {it.common.close}
        </button>
      </div>
    </Dialog>
  );
}
