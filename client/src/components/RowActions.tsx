// The Modifica / Elimina pair of a row that may still change; deleting asks first.
import { it } from '../i18n/it.ts';

interface RowActionsProps {
  /** What each button does to this row, for screen readers ("Modifica l’intervento del 03/11/2026"). */
  editLabel: string;
  deleteLabel: string;
  confirmDelete: string;
  deleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

export function RowActions({ editLabel, deleteLabel, confirmDelete, deleting, onEdit, onDelete }: RowActionsProps) {
  return (
    <div className="actions">
      <button type="button" className="secondary" aria-label={editLabel} onClick={onEdit}>
        {it.common.edit}
      </button>
      <button
        type="button"
        className="danger"
        aria-label={deleteLabel}
        disabled={deleting}
        onClick={() => {
          if (window.confirm(confirmDelete)) onDelete();
        }}
      >
        {it.coop.delete}
      </button>
    </div>
  );
}
