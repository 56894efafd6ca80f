// Chooses a person by name or codice fiscale (the search of /api/persons), never by their
// internal number: the number is what the caller gets back.
import { useDeferredValue, useState } from 'react';
import { usePerson, usePersonSearch } from '../api/persons.ts';
import { it } from '../i18n/it.ts';
import { Field } from './Field.tsx';

interface PersonPickerProps {
  label: string;
  personId: number | undefined;
  onChange: (personId: number | undefined) => void;
}

export function PersonPicker({ label, personId, onChange }: PersonPickerProps) {
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const chosen = usePerson(personId ?? 0);
  const matches = usePersonSearch(q);
  const found = q.length >= 2 ? (matches.data?.pages[0]?.items ?? []).slice(0, 8) : [];

  if (personId) {
    const name = chosen.data
      ? `${chosen.data.familyName} ${chosen.data.givenName}${chosen.data.fiscalCode ? ` (${chosen.data.fiscalCode})` : ''}`
      : it.common.loading;
    return (
      <div className="field person-picker">
        <span className="picker-label">{label}</span>
        <span className="chosen">
          {name}{' '}
          <button type="button" className="secondary" onClick={() => onChange(undefined)} aria-label={it.persons.clearChoice(name)}>
            ✕
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="person-picker">
      <Field label={label} hint={it.persons.pickerHint}>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </Field>
      {found.length > 0 && (
        <ul className="picker-results" aria-label={it.persons.matches}>
          {found.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onChange(person.id);
                  setText('');
                }}
              >
                {person.familyName} {person.givenName}
                {person.fiscalCode ? ` – ${person.fiscalCode}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {q.length >= 2 && matches.isSuccess && found.length === 0 && <p className="hint">{it.persons.noMatch}</p>}
    </div>
  );
}
