// Where the person lives and what work they do: the two choices of a UVM evaluation and of a
// contact after closure, from the shared lists. `optional` adds "not recorded" as the empty choice.
import { LIVING_SITUATIONS, WORK_SITUATIONS, type LivingSituation, type WorkSituation } from '@bds/shared';
import { it } from '../i18n/it.ts';
import { Field } from './Field.tsx';

interface SituationFieldsProps<Optional extends boolean> {
  optional: Optional;
  living: Optional extends true ? LivingSituation | '' : LivingSituation;
  work: Optional extends true ? WorkSituation | '' : WorkSituation;
  onLiving: (value: Optional extends true ? LivingSituation | '' : LivingSituation) => void;
  onWork: (value: Optional extends true ? WorkSituation | '' : WorkSituation) => void;
  errors: { living?: string | undefined; work?: string | undefined };
}

export function SituationFields<Optional extends boolean>({
  optional,
  living,
  work,
  onLiving,
  onWork,
  errors,
}: SituationFieldsProps<Optional>) {
  const empty = optional && <option value="">{it.situations.notRecorded}</option>;
  return (
    <>
      <Field label={it.situations.living} error={errors.living}>
        <select value={living} onChange={(e) => onLiving(e.target.value as typeof living)}>
          {empty}
          {LIVING_SITUATIONS.map((value) => (
            <option key={value} value={value}>
              {it.situations.livingLabels[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={it.situations.work} error={errors.work}>
        <select value={work} onChange={(e) => onWork(e.target.value as typeof work)}>
          {empty}
          {WORK_SITUATIONS.map((value) => (
            <option key={value} value={value}>
              {it.situations.workLabels[value]}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
