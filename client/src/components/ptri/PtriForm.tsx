// Create or edit a PTRI: validated with the shared zod schema before sending, every error at once
// beside its field (and gone as soon as the field is right), the server's field errors likewise.
import {
  createPtriBody,
  INTENSITIES,
  updatePtriBody,
  type Cooperative,
  type CreatePtriBody,
  type Intensity,
  type Lot,
  type Service,
  type UpdatePtriBody,
} from '@bds/shared';
import { z } from 'zod';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { ServiceOptions } from '../ServiceOptions.tsx';
import { BudgetEditor } from './BudgetEditor.tsx';
import { budgetNumberRefusals, toCreateBody, toUpdateBody, type PtriFormValues } from './formModel.ts';
import { GoalsEditor } from './GoalsEditor.tsx';
import { useSchemaForm } from '../schemaForm.ts';

type Submit =
  | { mode: 'create'; onCreate: (body: CreatePtriBody) => Promise<unknown> }
  | { mode: 'edit'; askReason: boolean; onUpdate: (body: UpdatePtriBody) => Promise<unknown> };

type PtriFormProps = Submit & {
  initial: PtriFormValues;
  personLabel: string;
  services: readonly Service[];
  lots: readonly Lot[];
  cooperatives: readonly Cooperative[];
  canChooseService: boolean;
};

const PTRI_FIELDS = [
  'personId',
  'serviceId',
  'lotId',
  'startDate',
  'endDate',
  'intensity',
  'cooperativeIds',
  'notes',
  'reason',
  'goals',
  'budget',
];

export function PtriForm(props: PtriFormProps) {
  const { initial, personLabel, services, lots, cooperatives, canChooseService } = props;
  // The form's draft becomes the request body, which the API's own schema checks.
  const schema =
    props.mode === 'create'
      ? z.custom<PtriFormValues>().transform(toCreateBody).pipe(createPtriBody)
      : z
          .custom<PtriFormValues>()
          .transform((draft) => toUpdateBody(draft, props.askReason))
          .pipe(updatePtriBody);
  const form = useSchemaForm<PtriFormValues, CreatePtriBody | UpdatePtriBody>(
    schema as z.ZodType<CreatePtriBody | UpdatePtriBody, PtriFormValues>,
    PTRI_FIELDS,
    { defaultValues: initial, refusals: (draft) => budgetNumberRefusals(draft.budgetLines) },
  );
  const values = form.watch();
  const errors = form.fieldErrors;
  const set = form.change;
  const lot = lots.find((candidate) => String(candidate.id) === values.lotId);
  // Only the lots that serve this kind of service (no Lot 2 to a CSM); an edit keeps its lot.
  const serviceKind = services.find((service) => String(service.id) === values.serviceId)?.kind;
  const offeredLots =
    props.mode === 'edit' || !serviceKind ? lots : lots.filter((candidate) => candidate.serviceKinds.includes(serviceKind));
  const lotCooperatives = lot && lot.cooperativeIds.length ? cooperatives.filter((c) => lot.cooperativeIds.includes(c.id)) : cooperatives;

  const onSubmit = form.handleSubmit(async (body) => {
    try {
      if (props.mode === 'create') await props.onCreate(body as CreatePtriBody);
      else await props.onUpdate(body as UpdatePtriBody);
    } catch (caught) {
      form.refuse(caught);
    }
  });

  function toggleCooperative(id: number, on: boolean) {
    set('cooperativeIds', on ? [...values.cooperativeIds, id] : values.cooperativeIds.filter((c) => c !== id));
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <section className="card">
        <h2>{it.ptri.general}</h2>
        <p>
          {it.ptri.person}: <strong>{personLabel}</strong>
        </p>
        {errors.personId && <p className="field-error">{errors.personId}</p>}
        <div className="grid">
          <Field required label={it.ptri.service} error={errors.serviceId}>
            <select
              value={values.serviceId}
              onChange={(e) => set('serviceId', e.target.value)}
              disabled={!canChooseService || props.mode === 'edit'}
            >
              <ServiceOptions services={services} />
            </select>
          </Field>
          <Field required label={it.ptri.lot} error={errors.lotId}>
            <select value={values.lotId} onChange={(e) => set('lotId', e.target.value)} disabled={props.mode === 'edit'}>
              <option value="">—</option>
              {offeredLots.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {it.ptri.lotNumber(candidate.number)} ({it.ptri.tender(candidate.tenderYear)}) – {candidate.title}
                </option>
              ))}
            </select>
          </Field>
          <Field required label={it.ptri.startDate} error={errors.startDate}>
            <input type="date" value={values.startDate} onChange={(e) => set('startDate', e.target.value)} />
          </Field>
          <Field required label={it.ptri.endDate} error={errors.endDate}>
            <input type="date" value={values.endDate} onChange={(e) => set('endDate', e.target.value)} />
          </Field>
          <Field required label={it.ptri.intensity} error={errors.intensity}>
            <select value={values.intensity} onChange={(e) => set('intensity', e.target.value as Intensity | '')}>
              <option value="">—</option>
              {INTENSITIES.map((intensity) => (
                <option key={intensity} value={intensity}>
                  {it.intensities[intensity]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="axis-block">
          <legend>{it.ptri.cooperatives}</legend>
          {errors.cooperativeIds && <p className="field-error">{errors.cooperativeIds}</p>}
          {lotCooperatives.length === 0 && <p>{it.common.empty}</p>}
          {lotCooperatives.map((cooperative) => (
            <label key={cooperative.id} className="checkbox">
              <input
                type="checkbox"
                checked={values.cooperativeIds.includes(cooperative.id)}
                onChange={(e) => toggleCooperative(cooperative.id, e.target.checked)}
              />{' '}
              {cooperative.name}
            </label>
          ))}
        </fieldset>
      </section>
      <section className="card">
        <h2>{it.ptri.goals}</h2>
        <GoalsEditor goals={values.goals} errors={errors} showStatus={props.mode === 'edit'} onChange={(goals) => set('goals', goals)} />
      </section>
      <section className="card">
        <h2>{it.ptri.budget}</h2>
        <BudgetEditor lines={values.budgetLines} errors={errors} onChange={(lines) => set('budgetLines', lines)} />
      </section>
      <section className="card stack">
        <Field label={it.ptri.notes} error={errors.notes}>
          <textarea value={values.notes} onChange={(e) => set('notes', e.target.value)} rows={3} />
        </Field>
        {props.mode === 'edit' && props.askReason && (
          <Field label={it.ptri.changeReason} error={errors.reason} hint={it.ptri.changeReasonHint}>
            <input value={values.reason} onChange={(e) => set('reason', e.target.value)} />
          </Field>
        )}
      </section>
      {form.formError && (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? it.common.saving : it.common.save}
        </button>
      </div>
    </form>
  );
}
