// The text forms of ../shared/corpus-wild (browser innerText, copy-and-paste, pdftotext -layout), read where they
// are, never copied into the repository. Empty when the folder is absent; tests then skip.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hasWild, wildDir } from './paths';

export { hasWild, wildDir };

/** Every text form by file name ("013_pingtan_zhz_2020.copy.txt" → text). */
export function wildTexts(): Record<string, string> {
  if (!hasWild) return {};
  const out: Record<string, string> = {};
  for (const f of readdirSync(wildDir).filter((x) => x.endsWith('.txt')).sort()) out[f] = readFileSync(path.join(wildDir, f), 'utf8');
  return out;
}
