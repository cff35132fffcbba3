import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One row of a results table: a system or a label, then its columns. */
export interface Row {
  name: string;
  values: Record<string, number | string | null>;
  /** Figures copied from a paper rather than measured here. */
  published?: boolean;
}

export interface TaskResult {
  task: string;
  split: string;
  corpus: string;
  data: string;
  tables: { title: string; columns: string[]; rows: Row[] }[];
  notes: string[];
}

function cell(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return v.toFixed(2);
  return v;
}

/** A plain-text table, figures as percentages with two decimals where they are fractions ×100. */
export function formatTable(title: string, columns: string[], rows: Row[]): string {
  const header = ['', ...columns];
  const body = rows.map((r) => [r.published ? `${r.name} (published)` : r.name, ...columns.map((c) => cell(r.values[c]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Prints the result's tables; `say` writes one line (console.log unless told). */
export function printResult(result: TaskResult, say: (line: string) => void = (line) => console.log(line)): void {
  say(`\n${result.task} — ${result.corpus}, split ${result.split} (${result.data})`);
  for (const t of result.tables) say(`\n${formatTable(t.title, t.columns, t.rows)}`);
  for (const n of result.notes) say(`\nnote: ${n}`);
}

/** Writes the result as JSON under `dir` and returns the file's path. */
export function writeResult(result: TaskResult, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.task}-${result.split}.json`);
  writeFileSync(file, `${JSON.stringify({ ...result, date: new Date().toISOString() }, null, 2)}\n`);
  return file;
}

/** A fraction as a percentage with two decimals, the way the literature reports scores. */
export const pct = (x: number): number => Math.round(x * 10000) / 100;
