// examples/README.md says what each example file yields: its table of files gives the template and the number of
// findings, and each file's section a table of the findings (line, rule, severity). They are checked against what
// the CLI really reports for those files, so the README cannot drift from the tool.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, runJson, type JsonEntry } from '../cli/helpers';
import { strFromU8, unzipSync } from 'fflate';
import { examplesDir } from '../support/paths';

interface Table { header: string[]; rows: string[][] }

/** The Markdown tables of a text, each with its cells trimmed. */
function tables(markdown: string): Table[] {
  const out: Table[] = [];
  const lines = markdown.split('\n');
  const cells = (l: string) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|[-| ]+\|$/.test(lines[i + 1].trim())) continue;
    const t: Table = { header: cells(lines[i]), rows: [] };
    for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) t.rows.push(cells(lines[i]));
    out.push(t);
  }
  return out;
}

/** The README's sections by heading (## name → its text). */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) out.set(part.slice(0, part.indexOf('\n')).trim(), part);
  return out;
}

const column = (t: Table, words: RegExp) => t.header.findIndex((h) => words.test(h));
const unquote = (s: string) => s.replace(/`/g, '');

interface Expected { file: string; template: string; count: number; findings: string[] | null }

function expectations(readme: string): Expected[] {
  const files = tables(readme).find((t) => t.header[0].includes('file'))!;
  const bySection = sections(readme);
  return files.rows.map((row) => {
    const file = /\[([^\]]+)\]/.exec(row[0])![1];
    const said = row[column(files, /expected/)];
    const count = said.includes('无问题') ? 0 : Number(/(\d+)\s*条/.exec(said)![1]);
    // A file's own section, or for a file with findings a section that names it among others (a pair of years).
    const shared = count > 0 ? [...bySection].find(([h]) => h.split(/[\s：:]+/).includes(file))?.[1] : undefined;
    const t = tables(bySection.get(file) ?? shared ?? '').find((x) => column(x, /rule/) >= 0);
    if (!t) return { file, template: row[column(files, /template/)], count, findings: null };
    const line1 = column(t, /1-based/) >= 0 ? column(t, /1-based/) : column(t, /line/);
    const line0 = column(t, /0-based/);
    const findings = t.rows.map((r) => {
      if (line0 >= 0) assert.equal(Number(r[line0]) + 1, Number(r[line1]), `${file}: 0- and 1-based lines disagree in ${r.join(' | ')}`);
      return `${unquote(r[column(t, /rule/)])}:${r[column(t, /severity/)]}@${r[line1]}`;
    });
    return { file, template: row[column(files, /template/)], count, findings };
  });
}

describe('examples/README.md: each example file\'s expected findings are the CLI\'s', function () {
  this.timeout(60000);
  const expected = expectations(readFileSync(path.join(examplesDir, 'README.md'), 'utf8'));
  let entries: JsonEntry[] = [];
  before(() => {
    ensureBuilt();
    entries = runJson(expected.map((e) => path.join(examplesDir, e.file))).entries;
  });

  it('the README lists every example file, and tables the findings of each one that has any', () => {
    assert.deepEqual(expected.map((e) => e.file).sort(), readdirSync(examplesDir).filter((f) => f !== 'README.md').sort());
    for (const e of expected) if (e.count > 0) assert.ok(e.findings, `${e.file}: ${e.count} findings said, but no table of them`);
  });

  for (const e of expected) {
    it(`${e.file}: ${e.template}, ${e.count} findings${e.findings ? ' (line, rule, severity as tabled)' : ''}`, () => {
      const got = entries.find((x) => path.basename(x.file) === e.file)!;
      assert.equal(got.template, e.template);
      const actual = got.diagnostics.map((d) => `${d.rule}:${d.severity}@${d.range.start.line + 1}`).sort();
      assert.equal(actual.length, e.count, actual.join(' '));
      if (e.findings) assert.deepEqual(actual, [...e.findings].sort());
    });
  }
});

describe('examples: the Word documents are whole packages, which Word, WPS and LibreOffice open', () => {
  // Our reader needs word/document.xml only; office software also needs the package's relationships (a .docx
  // without _rels/.rels is refused as damaged), and a table grid with a column for every cell of its rows.
  for (const name of readdirSync(examplesDir).filter((f) => f.endsWith('.docx'))) {
    it(name, () => {
      const entries = unzipSync(readFileSync(path.join(examplesDir, name)));
      const text = (entry: string) => { assert.ok(entries[entry], `${entry} missing`); return strFromU8(entries[entry]); };
      assert.match(text('[Content_Types].xml'), /<Default Extension="rels" ContentType="application\/vnd\.openxmlformats-package\.relationships\+xml"\/>/);
      assert.match(text('[Content_Types].xml'), /<Override PartName="\/word\/document\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"\/>/);
      assert.match(text('_rels/.rels'), /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/officeDocument" Target="word\/document\.xml"/);
      const document = text('word/document.xml');
      for (const table of document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
        const grid = (table.match(/<w:gridCol /g) ?? []).length;
        for (const row of table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []) {
          const spans = (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).reduce((n, c) => n + Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c)?.[1] ?? 1), 0);
          assert.equal(spans, grid, `a row of ${spans} grid columns in a table of ${grid}`);
        }
      }
      assert.doesNotMatch(document, /w:rsid\w*="(?![0-9A-F]{8}")/, 'a revision id is eight hexadecimal digits');
    });
  }
});
