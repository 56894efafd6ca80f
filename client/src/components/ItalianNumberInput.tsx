// The one input for euros and hours. A dot followed by exactly three digits separates thousands,
// a comma is the decimal separator, and a dot followed by one or two digits with no comma is a
// decimal point (parseItalianNumber in @bds/shared); what it reads is written back the Italian way.
import { formatNumberInput, parseItalianNumber, type NumberKind } from '@bds/shared';
import type { InputHTMLAttributes } from 'react';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'inputMode'>;

interface ItalianNumberInputProps extends NativeProps {
  /** The text as typed; the form converts it with `numberOrRefusal`. */
  value: string;
  onChange: (text: string) => void;
  kind: NumberKind;
}

export function ItalianNumberInput({ value, onChange, kind, onBlur, ...native }: ItalianNumberInputProps) {
  return (
    <input
      {...native}
      type="text"
      inputMode="decimal"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={(event) => {
        const typed = typedNumber(value);
        // Written back only when the Italian form means the same number: "12,345" € stays as typed, for the check to refuse.
        const shown = typed === null ? null : formatNumberInput(typed, kind);
        if (shown !== null && typedNumber(shown) === typed) onChange(shown);
        onBlur?.(event);
      }}
    />
  );
}

/** The text of a number input as the value a body carries, or the refusal to show on its field. */
export function numberOrRefusal(text: string): { value: number | null; refusal?: string } {
  const parsed = parseItalianNumber(text);
  return parsed.ok ? { value: parsed.value } : { value: null, refusal: parsed.message };
}

/** The number typed in the box, for display in totals while editing (nothing for a refusal). */
export function typedNumber(text: string): number | null {
  const parsed = parseItalianNumber(text);
  return parsed.ok ? parsed.value : null;
}
