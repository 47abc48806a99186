// Fixtures that carry their expected findings as markers at line ends: `{rule-id}` for a finding at the rule's
// default severity, `{rule-id:info}` (or :hint, :warning, :error) for another. Read here, checked by the scenario
// runner (test/engine/scenarios.test.ts) and the rule pages' examples.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ruleMetas, type Severity } from '../../server/src/engine';
import { repoRoot } from './paths';

export const scenariosDir = path.join(repoRoot, 'test', 'fixtures', 'scenarios');

const MARKERS = /(?:[ \t]+\{[a-z-]+(?::(?:error|warning|info|hint))?\})+[ \t]*$/;
const MARKER = /\{([a-z-]+)(?::(error|warning|info|hint))?\}/g;

export interface Scenario { text: string; expected: string[] }

/** A fixture's text without markers, and "rule:severity@line" for each marker (0-based lines). */
export function readScenario(source: string): Scenario {
  const defaults = new Map(ruleMetas.map((m) => [m.id, m.severity]));
  const expected: string[] = [];
  const lines = source.split('\n').map((line, i) => {
    const m = MARKERS.exec(line);
    if (!m) return line;
    for (const k of m[0].matchAll(MARKER)) {
      assert.ok(defaults.has(k[1]), `line ${i + 1}: unknown rule ${k[1]}`);
      expected.push(`${k[1]}:${(k[2] as Severity | undefined) ?? defaults.get(k[1])}@${i}`);
    }
    return line.slice(0, m.index);
  });
  return { text: lines.join('\n'), expected: expected.sort() };
}
