// The UVM evaluation: who was there, the outcome, intensity, HoNOS, how far each goal got and the next review.
import {
  AXES,
  createEvaluationBody,
  GOAL_OUTCOMES,
  GOAL_STATUSES,
  type Axis,
  type GoalStatus,
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
  type SocialWorker,
} from '@bds/shared';
import { z } from 'zod';
import { it } from '../i18n/it.ts';
import { SituationFields } from './SituationFields.tsx';
import { Field } from './Field.tsx';
import { today } from './format.ts';
import { HONOS_ITEMS, HonosInput, type HonosValue } from './HonosInput.tsx';
import { MembersEditor, type MemberDraft } from './MembersEditor.tsx';
import { newKey } from './ptri/formModel.ts';
import { GoalOutcomeFields } from './ptri/GoalOutcomeFields.tsx';
import { useSchemaForm } from './schemaForm.ts';

type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** The body fields this form shows an error beside (members and goal outcomes per item, HoNOS under the scale). */
const EVALUATION_FIELDS = [
  'date',
  'kind',
  'members',
  'outcome',
  'intensity',
  'scores',
  'nextReviewDate',
  'notes',
  'goalOutcomes',
  'goals',
  'living',
  'work',
];

const newMember = (): MemberDraft => ({ key: newKey(), name: '', role: '', organisation: 'health_service' });

interface EvaluationDraft {
  date: string;
  kind: EvaluationKind;
  members: MemberDraft[];
  outcome: EvaluationOutcome | '';
  intensity: Intensity | '';
  useHonos: boolean;
  honos: (HonosValue | null)[];
  nextReviewDate: string;
  notes: string;
  living: LivingSituation | '';
  work: WorkSituation | '';
  goalOutcomes: Partial<Record<Axis, GoalOutcome>>;
  /** Each goal of the project with the status the UVM finds now (`was`: the one it had). */
  goalStatuses: { id: number; status: GoalStatus; was: GoalStatus }[];
}

/** A goal of the project as the form shows it. */
export interface EvaluatedGoal {
  id: number;
  axis: Axis;
  description: string;
  status: GoalStatus;
}

/** What the form holds, as the body the server's schema then checks: unset choices left out. */
function toBody(draft: EvaluationDraft): CreateEvaluationBody {
  const { date, kind, members, outcome, intensity, useHonos, honos, nextReviewDate, notes, living, work, goalOutcomes } = draft;
  const goals = kind === 'initial' ? [] : draft.goalStatuses.filter((goal) => goal.status !== goal.was);
  return {
    date,
    kind,
    members: members.map(({ name, role, organisation, userId }) => ({ name, role, organisation, ...(userId ? { userId } : {}) })),
    outcome: outcome as EvaluationOutcome,
    ...(intensity ? { intensity } : {}),
    ...(useHonos ? { scores: { honos: honos.map((score) => score ?? Number.NaN) as HonosValue[] } } : {}),
    ...(nextReviewDate ? { nextReviewDate } : {}),
    ...(notes.trim() ? { notes } : {}),
    ...(living ? { living } : {}),
    ...(work ? { work } : {}),
    ...(outcome && evaluationMove(kind, outcome) === 'closed' ? { goalOutcomes } : {}),
    ...(goals.length > 0 ? { goals: goals.map(({ id, status }) => ({ id, status })) } : {}),
  };
}

const evaluationForm = z.custom<EvaluationDraft>().transform(toBody).pipe(createEvaluationBody);

interface EvaluationFormProps {
  defaultKind: EvaluationKind;
  /** The project's goals: a review sets how far each got. */
  goals?: readonly EvaluatedGoal[];
  onSubmit: (body: CreateEvaluationBody) => Promise<unknown>;
  /** The social workers of the person's district, who may sit on the UVM as members. */
  socialWorkers?: readonly SocialWorker[];
}

export function EvaluationForm({ defaultKind, goals = [], onSubmit, socialWorkers }: EvaluationFormProps) {
  const form = useSchemaForm(evaluationForm, EVALUATION_FIELDS, {
    defaultValues: {
      date: today(),
      kind: defaultKind,
      members: [newMember()],
      outcome: '',
      intensity: '',
      useHonos: true,
      honos: Array<HonosValue | null>(HONOS_ITEMS).fill(null),
      nextReviewDate: '',
      notes: '',
      living: '',
      work: '',
      goalOutcomes: {},
      goalStatuses: goals.map(({ id, status }) => ({ id, status, was: status })),
    },
  });
  const { register, watch, errorOf, fieldErrors: errors, formState } = form;
  const [kind, useHonos, members, honos, living, work] = watch(['kind', 'useHonos', 'members', 'honos', 'living', 'work']);
  const set = form.change;

  const submit = form.handleSubmit(async (body) => {
    try {
      await onSubmit(body);
    } catch (caught) {
      form.refuse(caught);
    }
  });

  const honosError = Object.entries(errors).find(([path]) => path.startsWith('scores'))?.[1];
  // The body lists only the goals whose status changed, so its indexes are not the form's.
  const goalsError = Object.entries(errors).find(([path]) => path.startsWith('goals'))?.[1];

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <section className="card grid">
        <Field label={it.uvm.date} error={errorOf('date')}>
          <input type="date" {...register('date')} />
        </Field>
        <Field label={it.uvm.kind} error={errorOf('kind')}>
          <select {...register('kind')}>
            {EVALUATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {it.evaluationKinds[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.uvm.outcome} error={errorOf('outcome')}>
          <select {...register('outcome')}>
            <option value="">—</option>
            {EVALUATION_OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {it.outcomes[value]}
              </option>
            ))}
          </select>
        </Field>
        <SituationFields
          optional={true}
          living={living}
          work={work}
          onLiving={(value) => set('living', value)}
          onWork={(value) => set('work', value)}
          errors={errors}
        />
        <Field label={it.uvm.intensity} error={errorOf('intensity')}>
          <select {...register('intensity')}>
            <option value="">—</option>
            {INTENSITIES.map((value) => (
              <option key={value} value={value}>
                {it.intensities[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.uvm.nextReview} error={errorOf('nextReviewDate')}>
          <input type="date" {...register('nextReviewDate')} />
        </Field>
      </section>
      {kind !== 'initial' && goals.length > 0 && (
        <fieldset className="card grid">
          <legend>{it.uvm.goalStatuses}</legend>
          <p className="hint">{it.uvm.goalStatusesHelp}</p>
          {goalsError && (
            <p className="form-error" role="alert">
              {goalsError}
            </p>
          )}
          {goals.map((goal, index) => (
            <Field key={goal.id} label={`${it.axes[goal.axis]}: ${goal.description}`}>
              <select {...register(`goalStatuses.${index}.status`)}>
                {GOAL_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {it.goalStatuses[value]}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </fieldset>
      )}
      {kind === 'final' && (
        <fieldset className="card grid">
          <legend>{it.uvm.goalOutcomes}</legend>
          <p className="hint">{it.uvm.goalOutcomesHelp}</p>
          <GoalOutcomeFields
            axes={AXES}
            field={(axis) => register(`goalOutcomes.${axis}`, { setValueAs: (value: string) => value || undefined })}
            errorOf={(axis) => errorOf(`goalOutcomes.${axis}`)}
          />
        </fieldset>
      )}
      <section className="card">
        <MembersEditor
          members={members}
          errors={errors}
          onChange={(value) => set('members', value)}
          newMember={newMember}
          socialWorkers={socialWorkers}
        />
        <label className="checkbox">
          <input type="checkbox" {...register('useHonos')} /> {it.uvm.honosUse}
        </label>
        {useHonos && <HonosInput scores={honos} error={honosError} onChange={(value) => set('honos', value)} />}
        <Field label={it.uvm.notes} error={errorOf('notes')}>
          <textarea {...register('notes')} rows={3} />
        </Field>
      </section>
      {form.formError && (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? it.common.saving : it.common.save}
        </button>
      </div>
    </form>
  );
}
