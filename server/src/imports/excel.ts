// exceljs loaded on the first workbook, not at start: requiring it took 2.4-2.9 s on this host,
// more than the server's whole start-up.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
