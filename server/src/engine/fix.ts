// Fixes are data; applying them is a pure function of the text. Overlapping edits are skipped,
// never merged, so nothing outside the fixed ranges can change.
import { LineIndex } from './text';
import type { Finding, Fix, LintOptions, LintResult, TextEdit } from './types';

export interface ApplyResult {
  text: string;
  /** Fixes applied whole. */
  applied: number;
  /** Fixes skipped because one of their edits overlapped an edit already taken. */
  skipped: number;
}

interface OffsetEdit { start: number; end: number; newText: string }

/** Apply the fixes in order; a fix whose edits overlap an earlier fix's edits is skipped whole. */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const index = new LineIndex(text);
  const taken: OffsetEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const fix of fixes) {
    const edits = fix.edits.map((e) => toOffsets(index, e));
    const clash = edits.some((e) => taken.some((t) => overlaps(t, e))) || selfOverlap(edits);
    if (clash) { skipped++; continue; }
    taken.push(...edits);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied, skipped };
}

export interface FixAllResult {
  text: string;
  /** Lint passes made; the last one found nothing more to apply. */
  passes: number;
  applied: number;
  /** The lint result of the final text. */
  result: LintResult;
}

/**
 * Apply fixes and re-lint until nothing more applies (a fixed point), at most `maxPasses` times.
 * Only safe fixes unless `suggestions` is set. Table-wide fixes are left out: each finding's own fix covers them.
 */
export function fixAll(
  text: string,
  lint: (text: string, options: LintOptions) => LintResult,
  options: LintOptions & { suggestions?: boolean; maxPasses?: number } = {},
): FixAllResult {
  const maxPasses = options.maxPasses ?? 10;
  let current = text;
  let applied = 0;
  let passes = 0;
  let result = lint(current, options);
  while (passes < maxPasses) {
    passes++;
    const fixes = pickFixes(result.findings, options.suggestions === true);
    if (fixes.length === 0) break;
    const r = applyFixes(current, fixes);
    if (r.applied === 0 || r.text === current) break;
    applied += r.applied;
    current = r.text;
    result = lint(current, options);
  }
  return { text: current, passes, applied, result };
}

/** The first eligible fix of each finding, in document order. */
export function pickFixes(findings: readonly Finding[], suggestions: boolean): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => (x.scope ?? 'finding') === 'finding' && (x.safe || suggestions));
    if (fix) out.push(fix);
  }
  return out;
}

function toOffsets(index: LineIndex, e: TextEdit): OffsetEdit {
  const a = index.offsetAt(e.range.start);
  const b = index.offsetAt(e.range.end);
  return { start: Math.min(a, b), end: Math.max(a, b), newText: e.newText };
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end)
    || (b.start === b.end && b.start > a.start && b.start < a.end);
}

function selfOverlap(edits: OffsetEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) for (let j = i + 1; j < edits.length; j++) if (overlaps(edits[i], edits[j])) return true;
  return false;
}
