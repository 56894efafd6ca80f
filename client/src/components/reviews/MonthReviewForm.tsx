// Validate a cooperative's month for the viewer's service, or return it with a note; the note
// rule (required to return) comes from the shared schema the server applies.
import { reviewBody, type ReviewBody } from '@bds/shared';
import { z } from 'zod';
import { useReviewMonth, type MonthConcerningService } from '../../api/monthReviews.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { formatMonth } from '../format.ts';
import { useSchemaForm } from '../schemaForm.ts';

interface ReviewDraft {
  decision: ReviewBody['decision'];
  note: string;
}

/** The decision of the button pressed and the note, as the body the API's schema checks. */
const reviewForm = z
  .custom<ReviewDraft>()
  .transform(({ decision, note }) => ({ decision, ...(note.trim() ? { note: note.trim() } : {}) }))
  .pipe(reviewBody);

export function MonthReviewForm({ item, onReviewed }: { item: MonthConcerningService; onReviewed: (message: string) => void }) {
  const review = useReviewMonth();
  const form = useSchemaForm(reviewForm, ['note'], { defaultValues: { decision: 'validated', note: '' } });
  const submit = form.handleSubmit(async (body) => {
    try {
      await review.mutateAsync({ cooperativeId: item.cooperative.id, month: item.month, body });
      const say = body.decision === 'validated' ? it.monthReviews.validated : it.monthReviews.returned;
      onReviewed(say(item.cooperative.name, formatMonth(item.month)));
    } catch (caught) {
      form.refuse(caught);
    }
  });
  const decide = (decision: ReviewDraft['decision']) => {
    form.setValue('decision', decision);
    void submit();
  };

  const label = `${item.cooperative.name} ${formatMonth(item.month)}`;
  return (
    <div className="stack" role="group" aria-label={label}>
      <Field label={it.monthReviews.note} hint={it.monthReviews.noteHint} error={form.errorOf('note')}>
        <textarea {...form.register('note')} rows={2} />
      </Field>
      {form.formError && form.formError !== it.common.formHasErrors && (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => decide('validated')} disabled={review.isPending}>
          {it.monthReviews.validate}
        </button>
        <button type="button" className="danger" onClick={() => decide('returned')} disabled={review.isPending}>
          {it.monthReviews.return}
        </button>
      </div>
    </div>
  );
}
