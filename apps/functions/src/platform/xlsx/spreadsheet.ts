/** The spreadsheet port: exports describe sheets and rows; an adapter (xlsx-writer.ts) turns them into a file. */

export type CellStyle = 'bold' | 'percent';
export type CellValue = string | number | null | undefined;
export type Cell = CellValue | { value: CellValue; style?: CellStyle };

export interface SheetSpec {
  /** At most 31 characters; []:*?/\ are replaced. */
  name: string;
  rows: Cell[][];
  /** Rows at the top shown bold and frozen (default 1). */
  headerRows?: number;
  /** Columns at the left that stay in view when scrolling (default 0). */
  frozenColumns?: number;
  /** Widths in characters, by column. */
  columnWidths?: number[];
}

export interface SpreadsheetWriter {
  /** The file's MIME type (the export route sends it as Content-Type). */
  contentType: string;
  write(sheets: SheetSpec[]): Buffer;
}
