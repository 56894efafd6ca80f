// The social worker's buttons on a social-services budget line: confirm or decline it, with a note
// for the case manager (optional to confirm, required to decline: the route refuses a bare "no").
import type { PtriDetail } from '@bds/shared';
import { useState } from 'react';
import { useDecideLine } from '../../api/resources.ts';
import { confirmations as t } from '../../i18n/itResources.ts';
import { Field } from '../Field.tsx';
import { refusalMessage } from '../formErrors.ts';

type Line = PtriDetail['budgetLines'][number];
type Decision = 'confirmed' | 'declined';

export function LineDecision({ ptriId, line }: { ptriId: number; line: Line }) {
  const decide = useDecideLine(ptriId);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  if (line.confirmation === null) return null;

  function ask(decision: Decision) {
    decide.reset();
    setMissing(false);
    setNote('');
    setAsking(decision);
  }
  function send(decision: Decision) {
    const trimmed = note.trim();
    if (decision === 'declined' && !trimmed) {
      setMissing(true);
      return;
    }
    decide.mutate({ lineId: line.id, decision, ...(trimmed ? { note: trimmed } : {}) }, { onSuccess: () => setAsking(null) });
  }

  if (asking)
    return (
      <form
        aria-label={asking === 'confirmed' ? t.confirmLine(line.description) : t.declineLine(line.description)}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send(asking);
        }}
      >
        <Field
          label={asking === 'confirmed' ? t.confirmNote : t.declineNote}
          required={asking === 'declined'}
          error={missing ? t.declineNoteRequired : undefined}
        >
          <textarea rows={2} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit" className={asking === 'declined' ? 'danger' : undefined} disabled={decide.isPending}>
            {t.send[asking]}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(null)}>
            {t.cancel}
          </button>
        </div>
        {decide.isError && <p role="alert">{refusalMessage(decide.error, () => false)}</p>}
      </form>
    );

  return (
    <div className="actions">
      {line.confirmation !== 'confirmed' && (
        <button type="button" aria-label={t.confirmLine(line.description)} onClick={() => ask('confirmed')}>
          {t.confirm}
        </button>
      )}
      {line.confirmation !== 'declined' && (
        <button type="button" className="secondary" aria-label={t.declineLine(line.description)} onClick={() => ask('declined')}>
          {t.decline}
        </button>
      )}
    </div>
  );
}
