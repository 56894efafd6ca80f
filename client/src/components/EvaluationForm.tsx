// The UVM evaluation: who was there, the outcome, intensity, HoNOS and the next review.
import {
  AXES,
  createEvaluationBody,
  GOAL_OUTCOMES,
  type Axis,
  EVALUATION_KINDS,
  EVALUATION_OUTCOMES,
  evaluationMove,
  type LivingSituation,
  type WorkSituation,
  INTENSITIES,
  type CreateEvaluationBody,
  type EvaluationKind,
  type EvaluationOutcome,
  type Intensity,
} from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.ts';
import { it } from '../i18n/it.ts';
import { SituationFields } from './SituationFields.tsx';
import { Field } from './Field.tsx';
import { besideFieldsOf, issuesToFieldErrors, refusalMessage, type FieldErrors } from './formErrors.ts';
import { today } from './format.ts';
import { HONOS_ITEMS, HonosInput, type HonosValue } from './HonosInput.tsx';
import { MembersEditor, type MemberDraft } from './MembersEditor.tsx';
import { newKey } from './ptri/formModel.ts';

type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** The body fields this form shows an error beside (members and goal outcomes per item, HoNOS under the scale). */
const EVALUATION_FIELDS = besideFieldsOf([
  'date',
  'kind',
  'members',
  'outcome',
  'intensity',
  'scores',
  'nextReviewDate',
  'notes',
  'goalOutcomes',
  'living',
  'work',
]);

const newMember = (): MemberDraft => ({ key: newKey(), name: '', role: '', organisation: 'health_service' });

interface EvaluationFormProps {
  defaultKind: EvaluationKind;
  onSubmit: (body: CreateEvaluationBody) => Promise<unknown>;
}

export function EvaluationForm({ defaultKind, onSubmit }: EvaluationFormProps) {
  const [date, setDate] = useState(today());
  const [kind, setKind] = useState<EvaluationKind>(defaultKind);
  const [members, setMembers] = useState<MemberDraft[]>([newMember()]);
  const [outcome, setOutcome] = useState<EvaluationOutcome | ''>('');
  const [intensity, setIntensity] = useState<Intensity | ''>('');
  const [useHonos, setUseHonos] = useState(true);
  const [honos, setHonos] = useState<(HonosValue | null)[]>(() => Array<HonosValue | null>(HONOS_ITEMS).fill(null));
  const [nextReviewDate, setNextReviewDate] = useState('');
  const [notes, setNotes] = useState('');
  const [living, setLiving] = useState<LivingSituation | ''>('');
  const [work, setWork] = useState<WorkSituation | ''>('');
  const [goalOutcomes, setGoalOutcomes] = useState<Partial<Record<Axis, GoalOutcome>>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function body(): CreateEvaluationBody {
    return {
      date,
      kind,
      members: members.map(({ name, role, organisation }) => ({ name, role, organisation })),
      outcome: outcome as EvaluationOutcome,
      ...(intensity ? { intensity } : {}),
      ...(useHonos ? { scores: { honos: honos.map((score) => score ?? Number.NaN) as HonosValue[] } } : {}),
      ...(nextReviewDate ? { nextReviewDate } : {}),
      ...(notes.trim() ? { notes } : {}),
      ...(living ? { living } : {}),
      ...(work ? { work } : {}),
      ...(outcome && evaluationMove(kind, outcome) === 'closed' ? { goalOutcomes } : {}),
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = createEvaluationBody.safeParse(body());
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      setFormError(it.common.formHasErrors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (caught) {
      if (isApiError(caught)) setErrors(caught.fieldErrors);
      setFormError(refusalMessage(caught, EVALUATION_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const honosError = Object.entries(errors).find(([path]) => path.startsWith('scores'))?.[1];

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <section className="card grid">
        <Field label={it.uvm.date} error={errors.date}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label={it.uvm.kind} error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as EvaluationKind)}>
            {EVALUATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {it.evaluationKinds[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.uvm.outcome} error={errors.outcome}>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as EvaluationOutcome | '')}>
            <option value="">—</option>
            {EVALUATION_OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {it.outcomes[value]}
              </option>
            ))}
          </select>
        </Field>
        <SituationFields optional={true} living={living} work={work} onLiving={setLiving} onWork={setWork} errors={errors} />
        <Field label={it.uvm.intensity} error={errors.intensity}>
          <select value={intensity} onChange={(e) => setIntensity(e.target.value as Intensity | '')}>
            <option value="">—</option>
            {INTENSITIES.map((value) => (
              <option key={value} value={value}>
                {it.intensities[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.uvm.nextReview} error={errors.nextReviewDate}>
          <input type="date" value={nextReviewDate} onChange={(e) => setNextReviewDate(e.target.value)} />
        </Field>
      </section>
      {kind === 'final' && (
        <fieldset className="card grid">
          <legend>{it.uvm.goalOutcomes}</legend>
          <p className="hint">{it.uvm.goalOutcomesHelp}</p>
          {AXES.map((axis) => (
            <Field key={axis} label={it.axes[axis]} error={errors[`goalOutcomes.${axis}`]}>
              <select
                value={goalOutcomes[axis] ?? ''}
                onChange={(e) => setGoalOutcomes({ ...goalOutcomes, [axis]: (e.target.value || undefined) as GoalOutcome | undefined })}
              >
                <option value="">—</option>
                {GOAL_OUTCOMES.map((value) => (
                  <option key={value} value={value}>
                    {it.goalStatuses[value]}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </fieldset>
      )}
      <section className="card">
        <MembersEditor members={members} errors={errors} onChange={setMembers} newMember={newMember} />
        <label className="checkbox">
          <input type="checkbox" checked={useHonos} onChange={(e) => setUseHonos(e.target.checked)} /> {it.uvm.honosUse}
        </label>
        {useHonos && <HonosInput scores={honos} error={honosError} onChange={setHonos} />}
        <Field label={it.uvm.notes} error={errors.notes}>
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
        </Field>
      </section>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? it.common.saving : it.common.save}
        </button>
      </div>
    </form>
  );
}
