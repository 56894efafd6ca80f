// The social worker's own UVM meetings: the evaluations that name it among the members, newest
// first, with the outcome and the next review.
import { useMemberEvaluations } from '../../api/resources.ts';
import { ShowMore } from '../../components/Paging.tsx';
import { QueryStates } from '../../components/States.tsx';
import { formatDate } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';
import { uvmMember as t } from '../../i18n/itResources.ts';

export function MemberEvaluationsPage() {
  const query = useMemberEvaluations();
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.help}</p>
      <QueryStates query={query} empty={rows.length === 0}>
        {() => (
          <div className="table-wrap" role="region" aria-label={t.title} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.person}</th>
                  <th scope="col">{t.kind}</th>
                  <th scope="col">{t.outcome}</th>
                  <th scope="col">{t.nextReview}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.evaluationId}>
                    <td>{formatDate(row.date)}</td>
                    {/* No link: the person may live outside the district, whose projects stay out of reach. */}
                    <td>{row.personName}</td>
                    <td>{it.evaluationKinds[row.kind]}</td>
                    <td>{it.outcomes[row.outcome]}</td>
                    <td>{formatDate(row.nextReviewDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
      <ShowMore query={query} />
    </>
  );
}
