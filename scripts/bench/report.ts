/** The bench's shared report: the printed rows, the JSON results, errors, and the figure helpers. */

export const KB = 1024;
/** Budgets (docs/benchmarks.md). apiBundleBytes applies to each API function. */
export const BUDGET = {
  weappMainBytes: 430 * KB,
  apiBundleBytes: 250 * KB,
  coldLoadRatio: 1.5,
  /** H5, slow 4G and a 4× slower CPU, cold cache: the report form until its first text field takes typing. */
  h5ReportFormMs: 2000,
  h5ReportFormBytes: 350 * KB,
};
export const FIGURES = ['start', 'weapp', 'h5', 'bundle', 'coldload', 'tree'] as const;
export type FigureName = (typeof FIGURES)[number];

export interface Row {
  figure: string;
  measured: string;
  budget: string;
  /** true/false when budgeted; null when only recorded. */
  ok: boolean | null;
}

export const rows: Row[] = [];
export const NOT_MEASURED = 'NOT MEASURED (see below)';
export const errors: { figure: FigureName; message: string }[] = [];
export const results: Partial<Record<FigureName, unknown>> = {};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
export const round = (v: number, digits = 2) => Number(v.toFixed(digits));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function printTable() {
  const head: Row = { figure: 'figure', measured: 'measured', budget: 'budget', ok: null };
  const okText = (r: Row) => (r === head ? 'ok?' : r.measured === NOT_MEASURED ? '✗ n/a' : r.ok === null ? '' : r.ok ? '✓' : '✗ OVER');
  const all = [head, ...rows];
  const w = [
    Math.max(...all.map((r) => r.figure.length)),
    Math.max(...all.map((r) => r.measured.length)),
    Math.max(...all.map((r) => r.budget.length)),
  ];
  const line = (r: Row) => `${r.figure.padEnd(w[0])} | ${r.measured.padEnd(w[1])} | ${r.budget.padEnd(w[2])} | ${okText(r)}`;
  console.log(`\n${line(head)}\n${'-'.repeat(w[0])}-|-${'-'.repeat(w[1])}-|-${'-'.repeat(w[2])}-|----`);
  for (const r of rows) console.log(line(r));
}
