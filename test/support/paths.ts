// Where tests find the corpus (beside the repository, never copied into it) and the examples.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
export const examplesDir = path.join(repoRoot, 'examples');

export const hasCorpus = existsSync(corpusDir);

/** The corpus files by their three-digit prefix ("000" → text), or {} when the corpus is absent. */
export function corpus(): Record<string, { file: string; text: string }> {
  if (!hasCorpus) return {};
  const out: Record<string, { file: string; text: string }> = {};
  for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.txt')).sort()) {
    out[f.slice(0, 3)] = { file: path.join(corpusDir, f), text: readFileSync(path.join(corpusDir, f), 'utf8') };
  }
  return out;
}

/** Call inside a describe(): skips the suite with a clear message when the corpus is absent. */
export function requireCorpus(ctx: Mocha.Context | Mocha.Suite): void {
  if (!hasCorpus) {
    console.log(`    (skipped: corpus not found at ${corpusDir})`);
    (ctx as Mocha.Context).skip?.();
  }
}

export function example(name: string): string {
  return readFileSync(path.join(examplesDir, name), 'utf8');
}
