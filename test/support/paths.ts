// Where tests find things: the repository, its examples, and the shared corpora beside it (never copied into it).
// The corpora are ../shared/corpus and ../shared/corpus-wild, or the folders GOV_REPORT_CORPUS and
// GOV_REPORT_CORPUS_WILD name; tests that need one say "skipped" when it is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const corpusDir = process.env.GOV_REPORT_CORPUS || path.resolve(repoRoot, '..', 'shared', 'corpus');
export const wildDir = process.env.GOV_REPORT_CORPUS_WILD || path.resolve(repoRoot, '..', 'shared', 'corpus-wild');

export const hasCorpus = existsSync(corpusDir) && readdirSync(corpusDir).some((f) => f.endsWith('.txt'));
export const hasWild = existsSync(wildDir);

/** The corpus files by their three-digit prefix ("000" → text), or {} when the corpus is absent. */
export function corpus(): Record<string, { file: string; text: string }> {
  if (!hasCorpus) return {};
  const out: Record<string, { file: string; text: string }> = {};
  for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.txt')).sort()) {
    out[f.slice(0, 3)] = { file: path.join(corpusDir, f), text: readFileSync(path.join(corpusDir, f), 'utf8') };
  }
  return out;
}

/** Call inside a describe() or a hook: skips with a clear message when the corpus is absent. */
export function requireCorpus(ctx: Mocha.Context | Mocha.Suite): void {
  if (!hasCorpus) {
    console.log(`    (skipped: corpus not found at ${corpusDir})`);
    (ctx as Mocha.Context).skip?.();
  }
}

/**
 * One test per item of a corpus, or, when the corpus is absent, one test that says so and is skipped: a suite never
 * passes by defining no test at all.
 */
export function eachOf<T>(items: [string, T][], folder: string, title: (name: string) => string, fn: (name: string, item: T) => void | Promise<void>): void {
  if (items.length === 0) {
    it(`(skipped: ${folder} not found)`, function () { this.skip(); });
    return;
  }
  for (const [name, item] of items) it(title(name), () => fn(name, item));
}

export function example(name: string): string {
  return readFileSync(path.join(examplesDir, name), 'utf8');
}
