// The writer's desk on mutated documents: the preview's model and the completion snippets never throw, and every
// range they hand to an editor (a cell to reveal, a label, a note, the text a snippet replaces) lies inside the
// document. 2,000 documents from the same seeded mutations as the engine's fuzzing.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, previewOf, snippetsAt, type Range } from '../../server/src/engine';
import { corpusDir, examplesDir, hasCorpus } from '../support/paths';
import { lspLineLengths, mulberry32, mutate } from './fuzz.test';

const DOCS = 2000;

function outside(lines: number[], r: Range | null): boolean {
  if (!r) return false;
  return [r.start, r.end].some((p) => p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line]);
}

describe('robustness: the preview and the snippets on mutated documents', function () {
  this.timeout(120000);

  it(`${DOCS} documents: no exception, every range inside the document`, () => {
    const read = (dir: string, ok: (f: string) => boolean) => readdirSync(dir).filter(ok).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
    const bases = [...(hasCorpus ? read(corpusDir, (f) => f.endsWith('.txt')) : []), ...read(examplesDir, (f) => /\.(txt|md)$/.test(f) && f !== 'README.md')];
    const rnd = mulberry32(0xde5c);
    const problems: string[] = [];
    for (let i = 0; i < DOCS && problems.length < 5; i++) {
      const text = mutate(bases[i % bases.length], rnd);
      const lines = lspLineLengths(text);
      const result = lint(text);
      const preview = previewOf(result, i % 2 ? 'en' : 'zh-CN');
      for (const t of preview.tables) {
        for (const n of t.notes) if (outside(lines, n.range)) problems.push(`doc ${i}: note ${JSON.stringify(n)}`);
        for (const row of t.blocks.flatMap((b) => b.rows)) {
          if (outside(lines, row.labelRange)) problems.push(`doc ${i}: label of ${row.id}`);
          for (const c of row.cells) if (outside(lines, c.range)) problems.push(`doc ${i}: cell ${row.id} ${c.columnId}`);
        }
      }
      for (let k = 0; k < 3; k++) {
        const line = Math.floor(rnd() * lines.length);
        const position = { line, character: Math.floor(rnd() * (lines[line] + 1)) };
        const lineText = text.split(/\r\n|\r|\n/)[line];
        for (const s of snippetsAt(result, lineText, position)) {
          if (outside(lines, s.range) || s.range.start.line !== line) problems.push(`doc ${i}: snippet ${s.label} at ${JSON.stringify(s.range)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
