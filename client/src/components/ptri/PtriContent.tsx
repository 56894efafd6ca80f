// The content of a project (period, goals per axis, budget per axis), read-only; used on the
// detail page and in the printable document.
import {
  AXES,
  BUDGET_SOURCES,
  budgetBySource,
  centsOf,
  eurosOf,
  hoursOf,
  minutesOf,
  nonAuslShare,
  type Axis,
  type BudgetSource,
  type PtriDetail,
} from '@bds/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { nameOf, useCooperatives, useLots, useServices } from '../../api/reference.ts';
import { useResource } from '../../api/resources.ts';
import { it } from '../../i18n/it.ts';
import { confirmations, resources } from '../../i18n/itResources.ts';
import { paths } from '../../routes/nav.ts';
import { formatDate, formatEuro, formatHours, formatPercent } from '../format.ts';

export function PtriGeneral({ ptri }: { ptri: PtriDetail }) {
  const services = useServices();
  const lots = useLots();
  const cooperatives = useCooperatives();
  const lot = lots.data?.find((candidate) => candidate.id === ptri.lotId);
  return (
    <dl className="grid">
      <div>
        <dt>{it.ptri.service}</dt>
        <dd>{nameOf(services.data, ptri.serviceId)}</dd>
      </div>
      <div>
        <dt>{it.ptri.lot}</dt>
        <dd>{lot ? `${it.ptri.lotNumber(lot.number)} – ${lot.title}` : ptri.lotId}</dd>
      </div>
      <div>
        <dt>{it.ptri.period}</dt>
        <dd>
          {formatDate(ptri.startDate)} – {formatDate(ptri.endDate)}
        </dd>
      </div>
      <div>
        <dt>{it.ptri.intensity}</dt>
        <dd>{it.intensities[ptri.intensity]}</dd>
      </div>
      <div>
        <dt>{it.ptri.cooperatives}</dt>
        <dd>{ptri.cooperativeIds.map((id) => nameOf(cooperatives.data, id)).join(', ') || '—'}</dd>
      </div>
      <div>
        <dt>{it.ptri.nextReview}</dt>
        <dd>{formatDate(ptri.nextReviewDate)}</dd>
      </div>
    </dl>
  );
}

export function PtriGoals({ ptri }: { ptri: PtriDetail }) {
  return (
    <>
      {AXES.map((axis) => {
        const goals = ptri.goals.filter((goal) => goal.axis === axis);
        return (
          <section key={axis}>
            <h3>{it.axes[axis]}</h3>
            {goals.length === 0 ? (
              <p>—</p>
            ) : (
              <ul>
                {goals.map((goal) => (
                  <li key={goal.id}>
                    {goal.description}
                    {goal.targetDate && ` (${it.ptri.goalTarget} ${formatDate(goal.targetDate)})`} – <em>{it.goalStatuses[goal.status]}</em>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

type BudgetLine = PtriDetail['budgetLines'][number];

const CONFIRMATION_BADGE = { proposed: 'badge-submitted', confirmed: 'badge-active', declined: 'badge-rejected' } as const;

/** Where a social-services line stands with the municipality. */
function LineConfirmation({ line }: { line: BudgetLine }) {
  if (!line.confirmation) return null;
  return (
    <>
      <br />
      <span className={`badge ${CONFIRMATION_BADGE[line.confirmation]}`} data-testid="line-confirmation">
        {confirmations.labels[line.confirmation]}
      </span>
      {line.decision && line.confirmation !== 'proposed' && (
        <span className="hint" data-testid="line-decision">
          <br />
          {confirmations.decided(line.decision.by, formatDate(line.decision.on))}
          {line.decision.note && (
            <>
              <br />
              {confirmations.noteOf[line.confirmation]}: {line.decision.note}
            </>
          )}
        </span>
      )}
    </>
  );
}

/** The catalogue resource a line draws on, by name. */
function ResourceLink({ id }: { id: number }) {
  const resource = useResource(id);
  return (
    <>
      <br />
      <Link to={paths.resource(id)} title={resources.open}>
        {resource.data?.name ?? `${resources.pick} ${id}`}
      </Link>
    </>
  );
}

/** The budget lines; `lineActions` adds what the reader may do on a line (the social worker's decision). */
export function PtriBudget({ ptri, lineActions }: { ptri: PtriDetail; lineActions?: (line: BudgetLine) => ReactNode }) {
  if (ptri.budgetLines.length === 0) return <p>{it.ptri.noBudget}</p>;
  const total = ptri.budget.habitat + ptri.budget.sociality + ptri.budget.work;
  return (
    <>
      <p className="scroll-hint" aria-hidden="true">
        {it.common.scrollHint}
      </p>
      <div className="table-wrap" role="region" aria-label={it.ptri.budget} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{it.coop.axis}</th>
              <th scope="col">{it.ptri.source}</th>
              <th scope="col">{it.ptri.resource}</th>
              <th scope="col" className="num">
                {it.ptri.hours}
              </th>
              <th scope="col" className="num">
                {it.ptri.amount}
              </th>
            </tr>
          </thead>
          <tbody>
            {ptri.budgetLines.map((line) => (
              <tr key={line.id}>
                <td>{it.axes[line.axis]}</td>
                <td>
                  {it.budgetSources[line.source]}
                  <LineConfirmation line={line} />
                </td>
                <td>
                  {line.description}
                  {line.resourceId !== null && <ResourceLink id={line.resourceId} />}
                  {lineActions?.(line)}
                </td>
                <td className="num">{formatHours(line.hours)}</td>
                <td className="num">{formatEuro(line.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {AXES.map((axis) => (
              <tr key={axis}>
                <th scope="row" colSpan={4}>
                  {it.axes[axis]}
                </th>
                <td className="num">{formatEuro(ptri.budget[axis])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={4}>
                {it.ptri.total}
              </th>
              <td className="num">{formatEuro(total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

/** The budget as one table: axis × source, hours and euros, and the share not paid by the AUSL. */
export function PtriBudgetBySource({ ptri }: { ptri: PtriDetail }) {
  const cells = budgetBySource(
    ptri.budgetLines.map((line) => ({
      axis: line.axis,
      source: line.source,
      amountCents: line.amount == null ? null : centsOf(line.amount),
      minutes: line.hours == null ? null : minutesOf(line.hours),
    })),
  );
  const sources = BUDGET_SOURCES.filter((source) => cells.some((cell) => cell.source === source && (cell.amountCents || cell.minutes)));
  if (sources.length === 0) return null;
  const cell = (axis: Axis | null, source: BudgetSource) => {
    const chosen = cells.filter((c) => c.source === source && (axis === null || c.axis === axis));
    const cents = chosen.reduce((sum, c) => sum + c.amountCents, 0);
    const minutes = chosen.reduce((sum, c) => sum + c.minutes, 0);
    return (
      <td key={source} className="num">
        {cents ? formatEuro(eurosOf(cents)) : ''}
        {cents && minutes ? <br /> : null}
        {minutes ? `${formatHours(hoursOf(minutes))} ${it.bySource.hoursShort}` : ''}
      </td>
    );
  };
  const share = nonAuslShare(cells);
  return (
    <>
      <h3>{it.bySource.title}</h3>
      <div className="table-wrap" role="region" aria-label={it.bySource.title} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{it.coop.axis}</th>
              {sources.map((source) => (
                <th key={source} scope="col" className="num">
                  {it.budgetSources[source]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {AXES.map((axis) => (
              <tr key={axis}>
                <th scope="row">{it.axes[axis]}</th>
                {sources.map((source) => cell(axis, source))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{it.bySource.total}</th>
              {sources.map((source) => cell(null, source))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p>
        {it.bySource.nonAusl}: <strong data-testid="non-ausl-share">{share === null ? '—' : formatPercent(share)}</strong>
      </p>
    </>
  );
}

/** The person's benefits and income, beside the budget (only where the role reads them). */
export function PtriBenefits({ benefits }: { benefits: NonNullable<PtriDetail['benefits']> }) {
  return (
    <>
      <h3>{it.benefits.title}</h3>
      {benefits.length === 0 ? (
        <p>{it.benefits.empty}</p>
      ) : (
        <ul>
          {benefits.map((benefit, index) => (
            <li key={index}>
              {it.benefitKinds[benefit.kind]}: {formatEuro(benefit.monthlyAmount)} / mese, {it.benefits.from.toLowerCase()}{' '}
              {formatDate(benefit.from)}
              {benefit.to ? ` ${it.benefits.to.toLowerCase()} ${formatDate(benefit.to)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
