// jsonEntryText builds each file's JSON by hand (a worker hands back a string, not an object to clone): it must be
// byte for byte what JSON.stringify(entries, null, 2) prints for the documented entry shape.
import * as assert from 'node:assert/strict';
import { jsonArrayText, jsonEntryText, type JsonFileEntry } from '../../server/src/cli/format';
import { lintFile, type FileResult } from '../../server/src/cli/lintFile';
import { lint, type Range } from '../../server/src/engine';
import { example } from '../support/paths';
import { corpusFile, requireCorpus } from './helpers';

/** The documented entry, built as a reader of the JSON expects it: these keys, in this order. */
function entryOf(r: FileResult): JsonFileEntry {
  return {
    file: r.file,
    template: r.template,
    diagnostics: r.diagnostics.map((d) => ({
      rule: d.rule, severity: d.severity, message: d.message, range: rangeOf(d.range),
      // Only on findings that have related places: a place in this file names the file as the entry does.
      ...(d.related?.length ? { related: d.related.map((x) => ({ file: x.file ?? r.file, range: rangeOf(x.range), message: x.message })) } : {}),
    })),
  };
}

function rangeOf(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function result(file: string, text: string, locale: 'zh-CN' | 'en' = 'zh-CN'): FileResult {
  const r = lint(text, { locale });
  return {
    file, linted: true, encoding: 'utf-8', document: null, template: r.report.template, facts: null,
    diagnostics: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, ...(f.related ? { related: f.related } : {}) })),
    fixesApplied: 0, written: false, problems: [],
  };
}

describe('cli: jsonEntryText is JSON.stringify(…, null, 2)', () => {
  const results: FileResult[] = [
    result('examples/defects-2022-pipe.md', example('defects-2022-pipe.md')),
    result('examples/defects-2022-pipe.md', example('defects-2022-pipe.md'), 'en'),
    result('clean.txt', example('clean-2023-row-per-line.txt')),
    result('empty.txt', ''),
    // Names and messages that JSON must escape: quotes, backslashes, control characters, a lone surrogate, line breaks.
    { ...result('dir\\"quoted"\n\u0001\u001b[31m\ud800 name.txt', '一、总体情况\n'), template: null },
  ];
  results[4].diagnostics.push({ rule: 'x-"rule"', severity: 'hint', message: 'tab\there\r\nnext \\ \u2028 \u0000 end', range: { start: { line: 0, character: 0 }, end: { line: 1e6, character: 2 ** 31 } } });

  it('the test inputs hold what must be escaped and both empty and long finding lists', () => {
    assert.ok(results[0].diagnostics.length >= 9, String(results[0].diagnostics.length));
    assert.equal(results[2].diagnostics.length, 0);
    assert.ok(results.some((r) => r.template === null));
  });

  for (const [k, r] of results.entries()) {
    it(`entry ${k} (${r.diagnostics.length} findings): one element of the array, byte for byte`, () => {
      assert.equal(jsonArrayText([jsonEntryText(r)]), `${JSON.stringify([entryOf(r)], null, 2)}\n`);
    });
  }

  it('several entries, and none: the whole array byte for byte', () => {
    assert.equal(jsonArrayText(results.map(jsonEntryText)), `${JSON.stringify(results.map(entryOf), null, 2)}\n`);
    assert.equal(jsonArrayText([]), `${JSON.stringify([], null, 2)}\n`);
  });
});

describe('cli: jsonEntryText with related places (the patterns of corpus 002 and 004)', function () {
  before(function () { requireCorpus(this); });

  it('is byte for byte what JSON.stringify prints, related places included or not', async function () {
    for (const id of ['000', '001', '002', '003', '004']) {
      const r = await lintFile(corpusFile(id), { locale: 'zh-CN', fix: false, suggestions: false });
      assert.equal(jsonArrayText([jsonEntryText(r)]), `${JSON.stringify([entryOf(r)], null, 2)}\n`, id);
      if (id === '002' || id === '004') assert.ok(r.diagnostics.some((d) => d.related?.length), id);
    }
  });
});
