// The reviewer's desk from the command line (issue 10): a summary table (text, CSV), SARIF validated against the
// 2.1.0 schema, the project configuration file, and year pairing (same office, another office, a missing year, two
// files for one year, explicit pairs).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv07 from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { parseConfig } from '../../server/src/config/load';
import { ruleMetas } from '../../server/src/engine';
import { docx, reportToDocumentXml } from '../support/docx';
import { example, examplesDir } from '../support/paths';
import { ensureBuilt, repoRoot, run, runJson, tempDir } from './helpers';

const PAIR = ['year-pair-2022.txt', 'year-pair-2023.txt'];

/** A folder with copies of examples (by name → new name). */
function folder(files: Record<string, string>, config?: unknown): string {
  const dir = tempDir();
  for (const [to, from] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.writeFileSync(path.join(dir, to), from.endsWith('.txt') || from.endsWith('.md') ? example(from) : from);
  }
  if (config !== undefined) fs.writeFileSync(path.join(dir, 'gov-report.config.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

const yearly = (d: { rule: string }) => ['carryover-previous-year', 'active-count-previous-year', 'text-reuse'].includes(d.rule);

describe('cli: the reviewer\'s desk (issue 10)', function () {
  this.timeout(60000);
  before(() => ensureBuilt());

  describe('year pairing', () => {
    it('two reports of one office for consecutive years: the later one gets the year-against-year findings, with related places', () => {
      const dir = folder({ 'a.txt': PAIR[0], 'b.txt': PAIR[1] });
      const { run: r, entries } = runJson([dir], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const [a, b] = entries;
      assert.deepEqual(a.diagnostics.filter(yearly), []);
      assert.deepEqual(b.diagnostics.filter(yearly).map((d) => `${d.rule}@${d.range.start.line}:${d.range.start.character}`),
        ['text-reuse@0:0', 'active-count-previous-year@33:12', 'carryover-previous-year@51:17', 'carryover-previous-year@51:29']);
      const carried = b.diagnostics.find((d) => d.rule === 'carryover-previous-year') as unknown as { message: string; related: { file: string; range: { start: { line: number } }; message: string }[] };
      assert.match(carried.message, /上年度报告（a\.txt）“四、结转下年度继续办理”行的同一列为 2/);
      assert.deepEqual(carried.related.map((x) => `${path.basename(x.file)}@${x.range.start.line}`), ['a.txt@74']);
      // Findings without related places keep exactly the documented keys.
      assert.deepEqual(Object.keys(b.diagnostics.find((d) => d.rule === 'publication-deadline')!), ['rule', 'severity', 'message', 'range']);
    });

    it('across file types: last year\'s report as a Word document, this year\'s as a web page (findings in the page\'s source)', () => {
      const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      // A page as a CMS holds a report: paragraphs, and each table line a row of cells.
      const page = (text: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${text.split('\n').map((l) => (l.includes('\t')
        ? `<table><tr>${l.split('\t').map((c) => `<td>${esc(c)}</td>`).join('')}</tr></table>` : `<p>${esc(l)}</p>`)).join('\n')}\n</body></html>\n`;
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, '2022.docx'), docx(reportToDocumentXml(example(PAIR[0]))));
      fs.writeFileSync(path.join(dir, '2023.html'), page(example(PAIR[1])));
      const { run: r, entries } = runJson([dir]);
      const html = entries.find((e) => e.file.endsWith('2023.html'))!;
      const found = html.diagnostics.filter(yearly);
      assert.deepEqual(found.map((d) => d.rule), ['text-reuse', 'active-count-previous-year', 'carryover-previous-year', 'carryover-previous-year'], r.stderr);
      // In the page's source, the carry-over finding is on the cell holding 1.
      const source = fs.readFileSync(path.join(dir, '2023.html'), 'utf8').split('\n');
      const carried = found[2] as unknown as { range: { start: { line: number; character: number }; end: { character: number } }; related: { file: string; range: { start: { line: number } } }[] };
      assert.equal(source[carried.range.start.line].slice(carried.range.start.character, carried.range.end.character), '1');
      assert.ok(source[carried.range.start.line].includes('二、上年结转'));
      assert.equal(path.basename(carried.related[0].file), '2022.docx');
    });

    it('another office, or a missing year between: nothing is compared', () => {
      const other = example(PAIR[0]).replace(/某县市场监督管理局/g, '某县税务局');
      const gap = example(PAIR[0]).replace(/2022年/g, '2021年').replace(/2023年1月18日/, '2022年1月18日');
      for (const files of [{ 'a.txt': other, 'b.txt': PAIR[1] }, { 'a.txt': gap, 'b.txt': PAIR[1] }]) {
        const dir = folder(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.endsWith('.txt') ? v : v])));
        const { entries } = runJson([dir], { cwd: dir });
        assert.deepEqual(entries.flatMap((e) => e.diagnostics.filter(yearly)), []);
      }
    });

    it('two files for last year: not compared, and stderr says why and how to pair them', () => {
      const dir = folder({ 'a.txt': PAIR[0], 'a-copy.txt': PAIR[0], 'b.txt': PAIR[1] });
      const { run: r, entries } = runJson([dir], { cwd: dir });
      assert.deepEqual(entries.flatMap((e) => e.diagnostics.filter(yearly)), []);
      assert.match(r.stderr, /某县市场监督管理局2022年度有多份报告（.*a-copy\.txt，.*a\.txt），未与下一年度的报告比对；请在配置文件的 pairs 中或用 --previous 指定上年度报告/);
    });

    it('many files for last year: the note names the first three and says how many there are', () => {
      const dir = folder({ ...Object.fromEntries(Array.from({ length: 7 }, (_, k) => [`a${k}.txt`, PAIR[0]])), 'b.txt': PAIR[1] });
      const zh = runJson([dir], { cwd: dir }).run.stderr;
      assert.match(zh, /某县市场监督管理局2022年度有多份报告（[^（）]*a0\.txt，[^（）]*a1\.txt，[^（）]*a2\.txt等 7 份），未与下一年度的报告比对/);
      assert.doesNotMatch(zh, /a3\.txt/);
      const en = runJson(['--locale', 'en', dir], { cwd: dir }).run.stderr;
      assert.match(en, /has several reports for 2022 \([^()]*a0\.txt, [^()]*a1\.txt, [^()]*a2\.txt and 4 more\); none was compared/);
    });

    it('two files for this year: each is compared with last year\'s', () => {
      const dir = folder({ 'a.txt': PAIR[0], 'b.txt': PAIR[1], 'b-copy.txt': PAIR[1] });
      const { entries } = runJson([dir], { cwd: dir });
      assert.deepEqual(entries.map((e) => e.diagnostics.filter(yearly).length), [0, 4, 4]);
    });

    it('--previous pairs the one file given with any report, which is read but not printed', () => {
      const other = example(PAIR[0]).replace(/某县市场监督管理局/g, '某县税务局');
      const dir = folder({ 'prev.txt': other, 'b.txt': PAIR[1] });
      const { run: r, entries } = runJson([path.join(dir, 'b.txt'), '--previous', path.join(dir, 'prev.txt')]);
      assert.deepEqual(entries.map((e) => path.basename(e.file)), ['b.txt']);
      assert.equal(entries[0].diagnostics.filter(yearly).length, 4, r.stderr);
      const missing = run([path.join(dir, 'b.txt'), '--previous', path.join(dir, 'none.txt')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /none\.txt：文件不存在\n.*none\.txt：上年度报告未能读取，因此未与上年度比对/);
      assert.equal(run([dir, '--previous', path.join(dir, 'prev.txt'), path.join(dir, 'b.txt')]).status, 2);
    });

    it('the configuration\'s pairs name last year\'s report explicitly', () => {
      const other = example(PAIR[0]).replace(/某县市场监督管理局/g, '某县税务局');
      const dir = folder({ '2022/x.txt': other, '2023/y.txt': PAIR[1] }, { pairs: [{ current: '2023/y.txt', previous: '2022/x.txt' }] });
      const { entries } = runJson([path.join(dir, '2023')], { cwd: dir });
      assert.deepEqual(entries.map((e) => [path.basename(e.file), e.diagnostics.filter(yearly).length]), [['y.txt', 4]]);
    });
  });

  describe('--format summary and csv', () => {
    it('a table of every report: office, year, template, counts, failing balance rules, period, template version, last year', () => {
      const r = run(['--format', 'summary', ...['clean-2020-cell-per-line.txt', 'defects-2022-pipe.md', ...PAIR].map((f) => path.join('examples', f))]);
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 6);
      assert.match(lines[0], /^文件 +机关 +年度 +格式版本 +错误 +警告 +勾稽关系不符 +统计期限 +格式版本与年度 +上年度报告$/);
      assert.match(lines[2], /^examples\/clean-2020-cell-per-line\.txt +某县交通运输局 +2020 +2019年版 +0 +0 +— +正确 +相符 +—$/);
      assert.match(lines[3], /^examples\/defects-2022-pipe\.md +某县农业农村局 +2022 +2021年版 +5 +2 +各行总计、办理结果总计 +有误 +相符 +—$/);
      assert.match(lines[5], /^examples\/year-pair-2023\.txt +某县市场监督管理局 +2023 +2021年版 +0 +4 +— +正确 +相符 +year-pair-2022\.txt$/);
      // Columns line up on the display width (CJK characters are two columns wide).
      const col = (line: string, text: string) => [...line.slice(0, line.indexOf(text))].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      assert.equal(col(lines[3], ' 2022 '), col(lines[5], ' 2023 '));
      assert.equal(col(lines[3], '2021年版'), col(lines[0], '格式'));
    });

    it('in English', () => {
      const r = run(['--format', 'summary', '--locale', 'en', path.join('examples', 'defects-2022-pipe.md')]);
      assert.match(r.stdout, /^file +office +year +template +errors +warnings +balance checks failing +period +template for the year +last year's report\n/);
      assert.match(r.stdout, /某县农业农村局 +2022 +2021 template +5 +2 +row totals, outcome total +wrong +right +-\n$/);
    });

    it('csv: a byte-order mark, CRLF, quoted where needed; an unreadable file is a row', () => {
      const dir = folder({ 'a,b.txt': PAIR[0] });
      const r = run(['--format', 'csv', path.join(dir, 'a,b.txt'), path.join(dir, 'missing.txt')], { cwd: dir });
      assert.equal(r.status, 2);
      assert.ok(r.stdout.startsWith('\uFEFF文件,机关,年度,格式版本,错误,警告,勾稽关系不符,统计期限,格式版本与年度,上年度报告\r\n'));
      const rows = r.stdout.slice(1).split('\r\n');
      assert.equal(rows[1], `"${path.join(dir, 'a,b.txt')}",某县市场监督管理局,2022,2021年版,0,0,—,正确,相符,—`);
      assert.equal(rows[2], `${path.join(dir, 'missing.txt')},无法读取,—,—,—,—,—,—,—,—`);
      assert.match(r.stderr, /missing\.txt：文件不存在/);
    });
  });

  describe('--format sarif', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's language pattern is not valid as a Unicode regular expression: compile patterns without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const sarif = (args: string[], cwd = repoRoot) => {
      const r = run(['--format', 'sarif', ...args], { cwd });
      return { r, log: JSON.parse(r.stdout) as Log };
    };

    it('is valid SARIF 2.1.0 with every rule, levels, regions relative to %SRCROOT%, related locations and fixes', () => {
      const { r, log } = sarif(['examples/defects-2022-pipe.md', ...PAIR.map((f) => `examples/${f}`)]);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
      const run0 = log.runs[0];
      assert.equal(run0.tool.driver.name, 'gov-report-lint');
      assert.equal(run0.tool.driver.rules!.length, 21);
      const blank = run0.tool.driver.rules!.find((x) => x.id === 'cell-blank')!;
      assert.deepEqual([blank.defaultConfiguration!.level, blank.shortDescription!.text], ['error', '应填数字的单元格未填写，或填了“/”“—”“-”“无”等符号']);
      assert.match(blank.helpUri!, /^file:\/\/.*\/docs\/rules\/cell-blank\.md$/);
      const title = run0.results!.find((x) => x.ruleId === 'section-title')!;
      assert.deepEqual(title.locations![0].physicalLocation!.artifactLocation, { uri: 'examples/defects-2022-pipe.md', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(title.locations![0].physicalLocation!.region, { startLine: 57, startColumn: 1, endLine: 57, endColumn: 17 });
      assert.deepEqual(title.fixes![0].artifactChanges[0].replacements[0].insertedContent, { text: '三、收到和处理政府信息公开申请情况' });
      const carried = run0.results!.find((x) => x.ruleId === 'carryover-previous-year')!;
      assert.equal(carried.level, 'warning');
      assert.deepEqual(carried.relatedLocations!.map((x) => [x.physicalLocation!.artifactLocation!.uri, x.physicalLocation!.region!.startLine]), [['examples/year-pair-2022.txt', 75]]);
      assert.equal(run0.results!.find((x) => x.ruleId === 'publication-deadline')!.level, 'note');
      assert.deepEqual(run0.invocations![0].executionSuccessful, true);
    });

    it('a file that cannot be read is a tool notification; a PDF\'s findings have no region (they refer to its text)', () => {
      const { r, log } = sarif(['test/fixtures/pdf/clean-2023.blank-cell.pdf', 'examples/missing.txt']);
      assert.equal(r.status, 2);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
      const inv = log.runs[0].invocations![0];
      assert.equal(inv.executionSuccessful, false);
      assert.match(inv.toolExecutionNotifications![0].message.text!, /examples\/missing\.txt：文件不存在/);
      const cells = log.runs[0].results!.find((x) => x.ruleId === 'row-cells')!;
      assert.deepEqual(cells.locations![0].physicalLocation, { artifactLocation: { uri: 'test/fixtures/pdf/clean-2023.blank-cell.pdf', uriBaseId: '%SRCROOT%' } });
      assert.deepEqual(cells.properties, { extractedTextRegion: { startLine: 47, startColumn: 12, endLine: 47, endColumn: 160 } });
    });
  });

  describe('gov-report.config.json', () => {
    it('rules, overrides by glob and exclusions apply; the file is found from the working directory upwards', () => {
      const dir = folder({ 'dept/a.md': 'defects-2022-pipe.md', 'town/b.md': 'defects-2022-pipe.md', 'drafts/c.md': 'defects-2022-pipe.md' }, {
        rules: { 'cell-blank': 'warning' },
        exclude: ['drafts/**'],
        overrides: [{ files: ['town/**'], rules: { 'cell-blank': 'off', 'section-missing': 'info' } }],
      });
      const { run: r, entries } = runJson(['.'], { cwd: path.join(dir) });
      assert.deepEqual(entries.map((e) => e.file), ['dept/a.md', 'town/b.md'], r.stderr);
      const sev = (e: typeof entries[number], rule: string) => e.diagnostics.filter((d) => d.rule === rule).map((d) => d.severity);
      assert.deepEqual(sev(entries[0], 'cell-blank'), ['warning', 'warning']);
      assert.deepEqual(sev(entries[1], 'cell-blank'), []);
      assert.deepEqual(sev(entries[1], 'section-missing'), ['info']);
      // From a subfolder the file above is used. Named on the command line, an excluded file is still checked, but
      // the configuration does not name it: the defaults apply to it.
      const named = runJson(['a.md', path.join('..', 'drafts', 'c.md')], { cwd: path.join(dir, 'dept') });
      assert.deepEqual(named.entries.map((e) => sev(e, 'cell-blank')), [['warning', 'warning'], ['error', 'error']]);
      // --no-config: the defaults.
      assert.deepEqual(runJson(['--no-config', 'a.md'], { cwd: path.join(dir, 'dept') }).entries.map((e) => sev(e, 'cell-blank')), [['error', 'error']]);
    });

    it('bad JSON, an unknown key or rule, a bad value: exit 2 with the file, line and column', () => {
      const cases: [string, RegExp][] = [
        ['{\n  "rules": {\n    "cell-blank": "warning",\n  }\n}\n', /gov-report\.config\.json:4:3：配置文件不是有效的 JSON（PropertyNameExpected）/],
        ['{\n  "rule": {}\n}\n', /gov-report\.config\.json:2:3：配置文件中有未知的设置项“rule”/],
        ['{ "rules": { "cell-blanks": "off" } }', /gov-report\.config\.json:1:14：配置文件中有未知的检查项“cell-blanks”/],
        ['{ "textReuseThreshold": 50 }', /gov-report\.config\.json:1:25：配置文件中的取值无效，应为 textReuseThreshold: 0–1/],
        ['[]', /gov-report\.config\.json:1:1：配置文件应为一个 JSON 对象/],
      ];
      for (const [text, message] of cases) {
        const dir = folder({ 'a.txt': PAIR[0] }, text);
        const r = run(['a.txt'], { cwd: dir });
        assert.equal(r.status, 2, text);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, message);
      }
      const dir = folder({ 'a.txt': PAIR[0] }, '{ "rules": 1 }');
      assert.match(run(['--locale', 'en', 'a.txt'], { cwd: dir }).stderr, /gov-report\.config\.json:1:12: invalid value in the configuration file, expected rules:/);
    });

    it('the JSON schema contributed to VS Code accepts and refuses what the loader does, and lists every rule', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/gov-report.config.schema.json'), 'utf8'));
      assert.deepEqual(Object.keys(schema.definitions.rules.properties).sort(), ruleMetas.map((m) => m.id).sort());
      const validate = new Ajv07({ strict: false }).compile(schema);
      const samples: unknown[] = [
        {}, { $schema: './schemas/gov-report.config.schema.json', locale: 'en', template: 'T2019', rules: { 'text-reuse': 'off' } },
        { partFiveMinLength: 80, textReuseThreshold: 0.3, organKind: 'government', include: ['**/*.txt'], exclude: ['x/**'] },
        { overrides: [{ files: ['a/**'], exclude: ['a/b.txt'], rules: { 'cell-blank': 'warning' }, organKind: 'department' }] },
        { pairs: [{ current: 'a.txt', previous: 'b.txt' }] },
        { rule: {} }, { rules: { nope: 'off' } }, { rules: { 'cell-blank': 'loud' } }, { locale: 'fr' }, { template: 'T2022' },
        { partFiveMinLength: 1.5 }, { textReuseThreshold: 2 }, { organKind: 'ministry' }, { include: 'x' }, { include: [''] },
        { overrides: [{ rules: {} }] }, { overrides: [{ files: [] }] }, { overrides: [{ files: ['x'], locale: 'en' }] },
        { pairs: [{ current: 'a.txt' }] }, { pairs: [{ current: 'a', previous: 'b', year: 1 }] }, [],
      ];
      for (const sample of samples) {
        const loaded = parseConfig(JSON.stringify(sample), 'gov-report.config.json');
        assert.equal(validate(sample), loaded.ok, JSON.stringify(sample));
      }
    });

    it('--print-config shows the settings a file is checked with; the configuration\'s locale applies unless --locale is given', () => {
      const dir = folder({ 'town/b.md': 'defects-2022-pipe.md' }, {
        locale: 'en', organKind: 'government', overrides: [{ files: ['town/*.md'], rules: { 'text-reuse': 'off' }, textReuseThreshold: 0.3 }],
      });
      const r = run(['--print-config', 'town/b.md'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const printed = JSON.parse(r.stdout);
      assert.equal(printed.config, path.join(fs.realpathSync(dir), 'gov-report.config.json'));
      assert.deepEqual({ ...printed.settings, rules: undefined }, { locale: 'en', template: 'auto', partFiveMinLength: 60, textReuseThreshold: 0.3, organKind: 'government', rules: undefined });
      assert.equal(printed.settings.rules['text-reuse'], 'off');
      assert.equal(printed.settings.rules['cell-blank'], 'error');
      assert.match(run(['town/b.md'], { cwd: dir }).stdout, /problems \(/);
      assert.match(run(['--locale', 'zh-CN', 'town/b.md'], { cwd: dir }).stdout, /个问题/);
    });
  });

  it('the problem matcher contributed for a gov-report-lint task reads every finding line of the text output', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers.find((x: { name: string }) => x.name === 'gov-report-lint');
    const re = new RegExp(matcher.pattern.regexp);
    const dir = folder({ 'a b/年度报告 2023.txt': PAIR[1], 'a b/2022.txt': PAIR[0], 'c.md': 'defects-2022-pipe.md' });
    const { entries } = runJson([dir]);
    const r = run([dir]);
    const lines = r.stdout.trimEnd().split('\n').slice(0, -1);
    assert.equal(lines.length, entries.reduce((n, e) => n + e.diagnostics.length, 0));
    const parsed = lines.map((l) => re.exec(l));
    assert.ok(parsed.every(Boolean), lines.filter((_, k) => !parsed[k]).join('\n'));
    const expected = entries.flatMap((e) => e.diagnostics.map((d) => [e.file, String(d.range.start.line + 1), String(d.range.start.character + 1), d.severity, d.message, d.rule]));
    const p = matcher.pattern;
    assert.deepEqual(parsed.map((m) => [m![p.file], m![p.line], m![p.column], m![p.severity], m![p.message], m![p.code]]), expected);
  });

  it('the examples folder as a reviewer runs it: the pair is compared, nothing else changes', () => {
    const { entries } = runJson([examplesDir]);
    const byName = Object.fromEntries(entries.map((e) => [path.basename(e.file), e.diagnostics.filter(yearly).map((d) => d.rule)]));
    assert.deepEqual(byName['year-pair-2023.txt'], ['text-reuse', 'active-count-previous-year', 'carryover-previous-year', 'carryover-previous-year']);
    assert.deepEqual(Object.entries(byName).filter(([k]) => k !== 'year-pair-2023.txt').flatMap(([, v]) => v), []);
  });
});
