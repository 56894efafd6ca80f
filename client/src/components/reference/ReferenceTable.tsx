// One reference list: a table with an edit button per row and a "new" button; the form opens
// in a dialog and the list reloads after a save.
import { useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import { ReportTable, type Column } from '../reports/ReportTable.tsx';
import { QueryStates } from '../States.tsx';
import type { ReferenceFormProps } from './useReferenceForm.ts';

interface ReferenceTableProps<T extends { id: number }> {
  title: string;
  query: UseQueryResult<T[]>;
  columns: readonly Column<T>[];
  nameOf: (item: T) => string;
  Form: (props: ReferenceFormProps<T>) => ReactNode;
}

export function ReferenceTable<T extends { id: number }>({ title, query, columns, nameOf, Form }: ReferenceTableProps<T>) {
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const editColumn: Column<T> = {
    head: it.ptri.actions,
    cell: (item) => (
      <button
        type="button"
        className="secondary"
        aria-label={`${it.reference.editItem}: ${nameOf(item)}`}
        onClick={() => setEditing({ item })}
      >
        {it.reference.editItem}
      </button>
    ),
  };
  return (
    <section aria-labelledby="reference-title">
      <div className="page-head">
        <h2 id="reference-title">{title}</h2>
        <button type="button" onClick={() => setEditing({ item: null })}>
          {it.reference.newItem}
        </button>
      </div>
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      <QueryStates query={query} empty={query.data?.length === 0}>
        {() => (
          <ReportTable
            label={title}
            caption={title}
            hiddenCaption
            columns={[...columns, editColumn]}
            rows={query.data ?? []}
            rowKey={(item) => item.id}
          />
        )}
      </QueryStates>
      {editing && (
        <Dialog
          title={editing.item ? `${it.reference.editItem}: ${nameOf(editing.item)}` : `${it.reference.newItem} – ${title}`}
          onClose={() => setEditing(null)}
        >
          <Form
            item={editing.item}
            onCancel={() => setEditing(null)}
            onSaved={(text) => {
              setEditing(null);
              setMessage(text);
            }}
          />
        </Dialog>
      )}
    </section>
  );
}
