import type { Finding } from '../../server/src/engine';

/** "rule@line" for each finding at error or warning severity, sorted: the shape corpus expectations use. */
export function loud(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}@${f.range.start.line}`);
}

export function countBy(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[`${f.severity} ${f.rule}`] = (out[`${f.severity} ${f.rule}`] ?? 0) + 1;
  return out;
}

/**
 * How many blank cells the cell-blank findings stand for: a finding covers the cells its first fix fills (one cell,
 * or cells side by side on one line); the finding on a table for its blank columns (with related places) covers none.
 */
export function blanksCovered(findings: readonly Finding[]): number {
  return findings.filter((f) => f.rule === 'cell-blank' && !f.related).reduce((n, f) => n + (f.fixes[0]?.edits.length ?? 0), 0);
}
