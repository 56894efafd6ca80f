// Validate a cooperative's month for the viewer's service, or return it with a note; the note
// rule (required to return) comes from the shared schema the server applies.
import { reviewBody, type ReviewBody } from '@bds/shared';
import { useState } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useReviewMonth, type MonthConcerningService } from '../../api/monthReviews.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { formatMonth } from '../format.ts';
import { errorText } from '../States.tsx';

export function MonthReviewForm({ item, onReviewed }: { item: MonthConcerningService; onReviewed: (message: string) => void }) {
  const review = useReviewMonth();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  async function decide(decision: ReviewBody['decision']) {
    setError(undefined);
    setFormError(null);
    const parsed = reviewBody.safeParse({ decision, ...(note.trim() ? { note: note.trim() } : {}) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    try {
      await review.mutateAsync({ cooperativeId: item.cooperative.id, month: item.month, body: parsed.data });
      const say = decision === 'validated' ? it.monthReviews.validated : it.monthReviews.returned;
      onReviewed(say(item.cooperative.name, formatMonth(item.month)));
    } catch (caught) {
      if (isApiError(caught) && caught.fieldErrors.note) setError(caught.fieldErrors.note);
      else setFormError(errorText(caught));
    }
  }

  const label = `${item.cooperative.name} ${formatMonth(item.month)}`;
  return (
    <div className="stack" role="group" aria-label={label}>
      <Field label={it.monthReviews.note} hint={it.monthReviews.noteHint} error={error}>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </Field>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void decide('validated')} disabled={review.isPending}>
          {it.monthReviews.validate}
        </button>
        <button type="button" className="danger" onClick={() => void decide('returned')} disabled={review.isPending}>
          {it.monthReviews.return}
        </button>
      </div>
    </div>
  );
}
