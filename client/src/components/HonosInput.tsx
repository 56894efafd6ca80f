// The 12 HoNOS items (0–4, 9 = not known) with a live total that leaves the 9s out. Item
// descriptors are copyrighted, so items carry numbers only.
import { honosTotal as knownItemsTotal } from '@bds/shared';
import { it } from '../i18n/it.ts';

export type HonosValue = 0 | 1 | 2 | 3 | 4 | 9;
export const HONOS_ITEMS = 12;
const CHOICES: HonosValue[] = [0, 1, 2, 3, 4, 9];

/** Sum of the known items; null while any item is still unscored. */
export function honosTotal(scores: readonly (HonosValue | null)[]): number | null {
  if (scores.some((score) => score === null)) return null;
  return honosPartialTotal(scores);
}

/** Sum of the items scored so far, 9s excluded, for the running display. */
export function honosPartialTotal(scores: readonly (HonosValue | null)[]): number {
  return knownItemsTotal(scores.filter((score) => score !== null));
}

interface HonosInputProps {
  scores: (HonosValue | null)[];
  error?: string | undefined;
  onChange: (scores: (HonosValue | null)[]) => void;
}

export function HonosInput({ scores, error, onChange }: HonosInputProps) {
  const scored = scores.filter((score) => score !== null).length;
  return (
    <fieldset className="axis-block">
      <legend>{it.uvm.honos}</legend>
      <div className="honos">
        {scores.map((score, index) => {
          const id = `honos-${index + 1}`;
          return (
            <div key={id} className="field">
              <label htmlFor={id}>{it.uvm.honosItem(index + 1)}</label>
              <select
                id={id}
                value={score ?? ''}
                onChange={(e) => {
                  const next = [...scores];
                  next[index] = e.target.value === '' ? null : (Number(e.target.value) as HonosValue);
                  onChange(next);
                }}
              >
                <option value="">—</option>
                {CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice === 9 ? it.uvm.honosUnknown : choice}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <p className="honos-total" aria-live="polite">
        {it.uvm.honosTotal}: <output data-testid="honos-total">{honosPartialTotal(scores)}</output> / 48
        <span className="diff">
          {' '}
          ({scored}/{HONOS_ITEMS})
        </span>
      </p>
      <p className="hint">{it.uvm.honosTotalHelp}</p>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
