// Picks the catalogue resource a budget line draws on: words of its name or provider, on the
// line's axis; the chosen one stays listed first.
import { useState } from 'react';
import type { Axis } from '@bds/shared';
import { useResource, useResourceSearch } from '../../api/resources.ts';
import { resources as t } from '../../i18n/itResources.ts';
import { Field } from '../Field.tsx';

interface ResourcePickerProps {
  axis: Axis;
  value: number | null;
  error: string | undefined;
  onChange: (resourceId: number | null) => void;
}

export function ResourcePicker({ axis, value, error, onChange }: ResourcePickerProps) {
  const [words, setWords] = useState('');
  const typed = words.trim().length >= 2;
  const search = useResourceSearch({ axis, q: words.trim() }, typed);
  const chosen = useResource(value);
  const found = typed ? (search.data?.pages[0]?.items ?? []).filter((r) => r.active && r.id !== value).slice(0, 20) : [];
  return (
    <>
      <Field label={`${t.pick}: ${t.search.toLowerCase()}`} hint={t.pickHelp}>
        <input type="search" value={words} onChange={(e) => setWords(e.target.value)} />
      </Field>
      <Field label={t.pick} error={error}>
        <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t.pickNone}</option>
          {value !== null && <option value={value}>{chosen.data?.name ?? value}</option>}
          {found.map((resource) => (
            <option key={resource.id} value={resource.id}>
              {resource.name} – {resource.provider}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
