// One reference list: a table with an edit button per row and a "new" button; the form opens
// in a dialog and the list reloads after a save.
import { useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import { Empty, ErrorState, Loading } from '../States.tsx';
import type { ReferenceFormProps } from './useReferenceForm.ts';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  numeric?: boolean;
}

interface ReferenceTableProps<T extends { id: number }> {
  title: string;
  query: UseQueryResult<T[]>;
  columns: Column<T>[];
  nameOf: (item: T) => string;
  Form: (props: ReferenceFormProps<T>) => ReactNode;
}

export function ReferenceTable<T extends { id: number }>({ title, query, columns, nameOf, Form }: ReferenceTableProps<T>) {
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
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
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.header}
                  </th>
                ))}
                <th scope="col">{it.ptri.actions}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((item) => (
                <tr key={item.id}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.numeric ? 'num' : undefined}>
                      {column.cell(item)}
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`${it.reference.editItem}: ${nameOf(item)}`}
                      onClick={() => setEditing({ item })}
                    >
                      {it.reference.editItem}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
