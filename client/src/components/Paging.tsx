// How many rows a list has in all, and the button that loads the next page: no list is cut
// without saying so.
import { it } from '../i18n/it.ts';

/** "106 risultati · mostrati 100"; "oltre 1.000" when the server stopped counting. */
export function ResultCount({ total, shown, capped = false }: { total: number; shown: number; capped?: boolean }) {
  return (
    <p className="result-count" role="status">
      {it.common.results(total, capped)}
      {shown < total && ` · ${it.common.shown(shown)}`}
    </p>
  );
}

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function ShowMore({ query }: { query: PagedQuery }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        {query.isFetchingNextPage ? it.common.loading : it.common.loadMore}
      </button>
    </div>
  );
}
