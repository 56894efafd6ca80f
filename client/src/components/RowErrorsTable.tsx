// The bad rows of an uploaded file, each with its column and reason, as the server named them.
import type { UploadRowError } from '@bds/shared';

interface RowErrorsTableProps {
  caption: string;
  headers: { row: string; field: string; reason: string };
  rows: UploadRowError[];
  /** The column's name as the page shows it; the server's name by default. */
  fieldLabel?: (field: string) => string;
}

export function RowErrorsTable({ caption, headers, rows, fieldLabel = (field) => field }: RowErrorsTableProps) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {headers.row}
            </th>
            <th scope="col">{headers.field}</th>
            <th scope="col">{headers.reason}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.row}-${row.field}-${index}`}>
              <td className="num">{row.row}</td>
              <td>{fieldLabel(row.field)}</td>
              <td>{row.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
