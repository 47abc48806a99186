import type { Finding, Range } from '../../server/src/engine';

/** "rule@line" for each finding at error or warning severity, sorted: the shape corpus expectations use. */
export function loud(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}@${f.range.start.line}`);
}

export function countBy(findings: readonly Pick<Finding, 'severity' | 'rule'>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[`${f.severity} ${f.rule}`] = (out[`${f.severity} ${f.rule}`] ?? 0) + 1;
  return out;
}

/** "line:char-line:char" of a range (0-based). */
export function at(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** "severity rule line:char-line:char": the shape of the corpus expectations (test/support/corpus-expected.ts). */
export function described(f: Pick<Finding, 'severity' | 'rule' | 'range'>): string {
  return `${f.severity} ${f.rule} ${at(f.range)}`;
}

/**
 * How many blank cells the cell-blank findings stand for: a finding covers the cells its first fix fills (one cell,
 * or cells side by side on one line); the finding on a table for its blank columns (with related places) covers none.
 */
export function blanksCovered(findings: readonly Finding[]): number {
  return findings.filter((f) => f.rule === 'cell-blank' && !f.related).reduce((n, f) => n + (f.fixes[0]?.edits.length ?? 0), 0);
}
