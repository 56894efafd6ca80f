// A table of rows: one column list gives the header, every row and the totals, so a column
// and its total cannot drift apart. Scrolls sideways in its own focusable region. Reports and
// the pages' lists share it.
import { Fragment, type Key, type ReactNode } from 'react';

export interface Column<Row> {
  head: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned figures. */
  num?: boolean;
  /** The cell that names the row (a row header for screen readers). */
  names?: boolean;
  /** A heading over this and the next columns of the same group ("Intensità"). */
  group?: string;
  /** The heading is for screen readers only (a column of buttons that name themselves). */
  hiddenHead?: boolean;
}

interface TableProps<Row> {
  /** The region's name for screen readers. */
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Rows of subtotals after the rows, in the same columns. */
  subtotals?: readonly Row[];
  /** The totals row: its first cell says `totalLabel`, the others are the columns' cells of `total`. */
  total?: Row;
  totalLabel?: string;
  caption?: ReactNode;
  /** The caption is for screen readers only (a heading above already says it). */
  hiddenCaption?: boolean;
  compact?: boolean;
}

/** A heading may break after a slash ("Affettività/Socialità"): wide figure tables then fit at 1280 px. */
function breakable(head: string): ReactNode {
  const parts = head.split('/');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

function groupsOf<Row>(columns: readonly Column<Row>[]): { group: string | undefined; span: number }[] {
  const groups: { group: string | undefined; span: number }[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last && last.group === column.group) last.span += 1;
    else groups.push({ group: column.group, span: 1 });
  }
  return groups;
}

function Cells<Row>({ columns, row, label }: { columns: readonly Column<Row>[]; row: Row; label?: string }) {
  return columns.map((column, index) => {
    const content = label !== undefined && index === 0 ? label : column.cell(row);
    const className = column.num ? 'num' : undefined;
    return column.names || (label !== undefined && index === 0) ? (
      <th key={index} scope="row" className={className}>
        {content}
      </th>
    ) : (
      <td key={index} className={className}>
        {content}
      </td>
    );
  });
}

export function ReportTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  subtotals = [],
  total,
  totalLabel,
  caption,
  hiddenCaption,
  compact,
}: TableProps<Row>) {
  const groups = groupsOf(columns);
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className={compact ? 'compact' : undefined}>
        {caption && <caption className={hiddenCaption ? 'visually-hidden' : undefined}>{caption}</caption>}
        <thead>
          {groups.some((g) => g.group) && (
            <tr>
              {groups.map((g, index) =>
                g.group ? (
                  <th key={index} scope="colgroup" colSpan={g.span} className="group">
                    {g.group}
                  </th>
                ) : (
                  <td key={index} colSpan={g.span} />
                ),
              )}
            </tr>
          )}
          <tr>
            {columns.map((column) => (
              <th key={column.head} scope="col" className={column.num ? 'num' : undefined}>
                {column.hiddenHead ? <span className="visually-hidden">{column.head}</span> : breakable(column.head)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <Cells columns={columns} row={row} />
            </tr>
          ))}
          {subtotals.map((row) => (
            <tr key={`subtotal-${rowKey(row)}`} className="subtotal">
              <Cells columns={columns} row={row} />
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr className="total">
              <Cells columns={columns} row={total} label={totalLabel} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
