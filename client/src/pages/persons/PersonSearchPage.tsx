// Search persons by name or codice fiscale within the caller's scope.
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { usePersonSearch } from '../../api/persons.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { Field } from '../../components/Field.tsx';
import { formatDate } from '../../components/format.ts';
import { QueryStates } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

export function PersonSearchPage() {
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const query = usePersonSearch(q);
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="page-head">
        <h1>{it.persons.title}</h1>
        {(user.role === 'case_manager' || user.role === 'admin') && (
          <Link className="button" to={paths.newPerson}>
            {it.persons.newTitle}
          </Link>
        )}
      </div>
      <form className="card" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label={it.persons.search}>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        </Field>
      </form>
      <QueryStates query={query} empty={rows.length === 0}>
        {() => (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{it.persons.familyName}</th>
                  <th scope="col">{it.persons.givenName}</th>
                  <th scope="col">{it.persons.fiscalCode}</th>
                  <th scope="col">{it.persons.birthDate}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <Link to={paths.person(person.id)}>{person.familyName}</Link>
                    </td>
                    <td>{person.givenName}</td>
                    <td>{person.fiscalCode ?? '—'}</td>
                    <td>{formatDate(person.birthDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
      {query.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {it.common.loadMore}
          </button>
        </div>
      )}
    </>
  );
}
