// The social worker's buttons on a social-services budget line: confirm or decline it.
import type { PtriDetail } from '@bds/shared';
import { useDecideLine } from '../../api/resources.ts';
import { confirmations as t } from '../../i18n/itResources.ts';
import { refusalMessage } from '../formErrors.ts';

type Line = PtriDetail['budgetLines'][number];

export function LineDecision({ ptriId, line }: { ptriId: number; line: Line }) {
  const decide = useDecideLine(ptriId);
  if (line.confirmation === null) return null;
  const send = (decision: 'confirmed' | 'declined') => decide.mutate({ lineId: line.id, decision });
  return (
    <div className="actions">
      {line.confirmation !== 'confirmed' && (
        <button type="button" aria-label={t.confirmLine(line.description)} disabled={decide.isPending} onClick={() => send('confirmed')}>
          {t.confirm}
        </button>
      )}
      {line.confirmation !== 'declined' && (
        <button
          type="button"
          className="secondary"
          aria-label={t.declineLine(line.description)}
          disabled={decide.isPending}
          onClick={() => send('declined')}
        >
          {t.decline}
        </button>
      )}
      {decide.isError && <p role="alert">{refusalMessage(decide.error, () => false)}</p>}
    </div>
  );
}
