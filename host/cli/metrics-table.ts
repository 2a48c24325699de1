/**
 * Reads a delimited table of COP samples for `proprio metrics`: comma, semicolon or tab separated
 * (taken from the first data line), optional header row, `#` comment lines and blank lines
 * skipped. Every value must be a plain decimal number; the first bad cell is reported with its
 * line and column so the user can fix the file.
 */
import { err, ok, type Result } from '../../core/index.ts';

export interface SampleTable {
  /** Column names from the header, or "1", "2", … when the file has none. */
  readonly names: readonly string[];
  readonly hasHeader: boolean;
  readonly columns: readonly Float64Array[];
  readonly rows: number;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function delimiterOf(line: string): string {
  if (line.includes('\t')) return '\t';
  if (line.includes(',')) return ',';
  if (line.includes(';')) return ';';
  return ' ';
}

function split(line: string, delimiter: string): string[] {
  const cells = delimiter === ' ' ? line.trim().split(/\s+/) : line.split(delimiter);
  return cells.map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

export function parseSampleTable(text: string): Result<SampleTable, string> {
  const lines: { text: string; number: number }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) lines.push({ text: line, number: index + 1 });
  });
  const firstLine = lines[0];
  if (firstLine === undefined) return err('the file has no data lines');
  const delimiter = delimiterOf(firstLine.text);
  const first = split(firstLine.text, delimiter);
  const hasHeader = !first.every((cell) => NUMBER.test(cell));
  const names = hasHeader ? first : first.map((_, i) => String(i + 1));
  const dataLines = hasHeader ? lines.slice(1) : lines;
  const columns = names.map(() => new Float64Array(dataLines.length));
  for (let row = 0; row < dataLines.length; row++) {
    const line = dataLines[row] as { text: string; number: number };
    const cells = split(line.text, delimiter);
    if (cells.length !== names.length) return err(`line ${line.number}: ${cells.length} columns, expected ${names.length}`);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c] as string;
      if (!NUMBER.test(cell)) return err(`line ${line.number}, column "${names[c]}": "${cell}" is not a number`);
      (columns[c] as Float64Array)[row] = Number(cell);
    }
  }
  return ok({ names, hasHeader, columns, rows: dataLines.length });
}

/**
 * The column called `wanted` (case-insensitive), or the `wanted`-th (1-based) when it is a number
 * and no column has that name; with no `wanted`, the first of `defaults` that exists.
 */
export function findColumn(table: SampleTable, wanted: string | undefined, defaults: readonly string[], role: string): Result<number, string> {
  const byName = (name: string): number => table.names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  if (wanted !== undefined) {
    const named = byName(wanted);
    if (named >= 0) return ok(named);
    const position = /^\d+$/.test(wanted) ? Number(wanted) : 0;
    if (position >= 1 && position <= table.names.length) return ok(position - 1);
    return err(`no column "${wanted}" for ${role}; the file has: ${table.names.join(', ')}`);
  }
  for (const name of defaults) {
    const index = byName(name);
    if (index >= 0) return ok(index);
  }
  return err(`no ${role} column found (looked for ${defaults.join(', ')}); name it with the option; the file has: ${table.names.join(', ')}`);
}
