// Year against year: who published a report (the office in its title, the kind of organ), the facts kept of it,
// pairing by office and year, and the three rules that compare a report with last year's of the same office.
import assert from 'node:assert/strict';
import { hoverAt, lint, officeOf, organKindOf, pairReports, type Finding, type PreviousYear, type YearFacts } from '../../server/src/engine';
import { example } from '../support/paths';

const y2022 = example('year-pair-2022.txt');
const y2023 = example('year-pair-2023.txt');
const factsOf = (text: string): YearFacts => lint(text, { facts: true }).facts!;
const previous = (text: string, file = 'year-pair-2022.txt'): PreviousYear => ({ facts: factsOf(text), file: `/reports/${file}`, label: file });
const at = (f: { range: Finding['range'] }) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
const yearly = (text: string, prev: PreviousYear, options = {}) =>
  lint(text, { previous: prev, strict: true, ...options }).findings.filter((f) => ['carryover-previous-year', 'active-count-previous-year', 'text-reuse'].includes(f.rule));

describe('years: the office and the kind of organ from the title', () => {
  it('the office is what the title says before the report\'s name, years, joiners and punctuation dropped', () => {
    const cases: [string, string | null][] = [
      ['平潭综合实验区财政金融局2024年度政府信息公开工作年度报告', '平潭综合实验区财政金融局'],
      ['2021年拱墅区朝晖街道政府信息公开年度工作报告', '拱墅区朝晖街道'],
      ['贺兰县富兴街街道办事处 2020 年 政府信息公开工作年度报告', '贺兰县富兴街街道办事处'],
      ['天福街道办事处2020年度信息公开工作报告', '天福街道办事处'],
      ['北京市海淀区人民政府关于2023年政府信息公开工作年度报告', '北京市海淀区人民政府'],
      ['淮安市洪泽区人民政府2024 年政府信息公开工作年度报告', '淮安市洪泽区人民政府'],
      ['# 某县（市）农业农村局 2022年度政府信息公开工作年度报告', '某县市农业农村局'],
      ['2024年政府信息公开工作年度报告', null],
      ['二〇二三年度政府信息公开工作年度报告', null],
    ];
    for (const [title, key] of cases) assert.equal(officeOf(title)?.key ?? null, key, title);
  });

  it('a government: …人民政府 or a division on its own; townships and street offices count as departments', () => {
    const kinds = ['淮安市洪泽区人民政府', '平潭综合实验区', '北京市', '某县财政局', '拱墅区朝晖街道', '某县某镇人民政府', '某市人民政府办公室'].map(organKindOf);
    assert.deepEqual(kinds, ['government', 'government', 'government', 'department', 'department', 'department', 'department']);
  });
});

describe('years: facts and pairing', () => {
  it('facts keep the office, year, the carried rows, the documents in force and the sentences of the prose', () => {
    const f = factsOf(y2022);
    assert.deepEqual([f.office, f.officeName, f.year, f.template, f.organ], ['某县市场监督管理局', '某县市场监督管理局', 2022, 'T2021', 'department']);
    assert.deepEqual(f.carriedForward!.map((c) => c.value), [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(f.carriedOver!.map((c) => c.value), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(f.documents.map((d) => [d.row, d.made?.value, d.repealed?.value, d.inForce?.value]), [['active.regulations', 0, 0, 0], ['active.normative', 4, 1, 12]]);
    // Headings and the title are the template's words: no sentence starts on their lines.
    assert.ok(f.sentences.length > 15 && f.sentences.every((s) => s.range.start.line !== 0 && s.chars >= 10));
  });

  it('pairs the reports of one office for consecutive years; another office, a missing year and two files of one year are not paired', () => {
    const f2022 = factsOf(y2022);
    const f2023 = factsOf(y2023);
    const other = factsOf(example('clean-2023-row-per-line.txt'));
    const pairing = pairReports([
      { id: 'a2023', facts: f2023 }, { id: 'a2022', facts: f2022 }, { id: 'other2023', facts: other },
      { id: 'a2021', facts: { ...f2022, year: 2020 } }, { id: 'none', facts: null },
    ]);
    assert.deepEqual([...pairing.previous], [['a2023', 'a2022']]);
    assert.deepEqual(pairing.notes, []);
    const twice = pairReports([{ id: 'a2023', facts: f2023 }, { id: 'a2022.txt', facts: f2022 }, { id: 'a2022.pdf', facts: f2022 }]);
    assert.deepEqual([...twice.previous], []);
    assert.deepEqual(twice.notes, [{ office: '某县市场监督管理局', year: 2022, ids: ['a2022.txt', 'a2022.pdf'] }]);
    // Two files of this year are both compared with the one of last year.
    const two = pairReports([{ id: 'a', facts: f2023 }, { id: 'b', facts: f2023 }, { id: 'p', facts: f2022 }]);
    assert.deepEqual([...two.previous], [['a', 'p'], ['b', 'p']]);
    // An explicit pair wins over the office and year.
    assert.deepEqual([...pairReports([{ id: 'x', facts: other, previous: 'a2022' }, { id: 'a2022', facts: f2022 }]).previous], [['x', 'a2022']]);
  });
});

describe('years: the rules that compare with last year\'s report', () => {
  it('the example pair: two carried-over columns, the documents in force and the repeated text, each with its related place', () => {
    const found = yearly(y2023, previous(y2022));
    assert.deepEqual(found.map((f) => `${f.rule}@${at(f)}`), [
      'text-reuse@0:0-0:26',
      'active-count-previous-year@33:12-33:14',
      'carryover-previous-year@51:17-51:18',
      'carryover-previous-year@51:29-51:30',
    ]);
    const [reuse, count, natural] = found;
    assert.equal(natural.message, '“二、上年结转政府信息公开申请数量”行“自然人”列填写 1，上年度报告（year-pair-2022.txt）“四、结转下年度继续办理”行的同一列为 2，两者应相等，请核对本年或上年度报告');
    assert.deepEqual(natural.related!.map((r) => `${r.file} ${at(r)} ${r.message}`), ['/reports/year-pair-2022.txt 74:12-74:13 上年度报告“四、结转下年度继续办理”行“自然人”列：2']);
    assert.match(count.message, /^“行政规范性文件”行“现行有效件数”列填写 15，上年度报告（year-pair-2022.txt）现行有效 12 件，加本年制发 3 件、减本年废止 1 件，应为 14；如本年对存量文件进行了清理/);
    assert.deepEqual(count.related!.map(at), ['33:12-33:14']);
    assert.match(reuse.message, /^正文中有 70% 的文字与上年度报告（year-pair-2022.txt）逐字相同，超过 50%；最长的重复段落：“本报告根据/);
    // The passages in this file (no file), then last year's report.
    assert.deepEqual(reuse.related!.map((r) => `${r.file ?? ''}@${at(r)}`), ['@2:0-2:235', '@85:0-87:107', '@18:0-18:115', '/reports/year-pair-2022.txt@0:0-0:26']);
  });

  it('English messages', () => {
    const natural = yearly(y2023, previous(y2022), { locale: 'en' }).find((f) => f.rule === 'carryover-previous-year')!;
    assert.match(natural.message, /^“二、上年结转政府信息公开申请数量” \/ “自然人” is 1, but last year's report \(year-pair-2022.txt\) carried forward 2/);
  });

  it('a report compared with itself as last year: the carried rows differ, nothing else; the threshold and severities apply', () => {
    // Last year's 四 equals this year's 二 only where the report carries as much as it received from the year before.
    const self = previous(y2022, 'same.txt');
    assert.deepEqual(yearly(y2022, { ...self, facts: { ...self.facts, year: 2021 } }).map((f) => f.rule), ['text-reuse', 'active-count-previous-year', 'carryover-previous-year', 'carryover-previous-year']);
    assert.deepEqual(yearly(y2023, previous(y2022), { ruleOptions: { reuseThreshold: 0.75 } }).map((f) => f.rule).filter((r) => r === 'text-reuse'), []);
    const quiet = yearly(y2023, previous(y2022), { rules: { 'carryover-previous-year': 'off', 'text-reuse': 'info' } });
    assert.deepEqual(quiet.map((f) => `${f.rule}:${f.severity}`), ['text-reuse:info', 'active-count-previous-year:warning']);
  });

  it('years that are not consecutive are not compared; a 2019-format report is not compared for documents in force', () => {
    assert.deepEqual(yearly(y2023, { ...previous(y2022), facts: { ...factsOf(y2022), year: 2021 } }), []);
    const old = factsOf(y2022);
    assert.deepEqual(yearly(y2023, { ...previous(y2022), facts: { ...old, template: 'T2019' } }).map((f) => f.rule).filter((r) => r === 'active-count-previous-year'), []);
  });

  it('a blank cell in either year is not compared (cell-blank reports it)', () => {
    const blank = y2023.replace('二、上年结转政府信息公开申请数量\t1\t', '二、上年结转政府信息公开申请数量\t\t');
    assert.deepEqual(yearly(blank, previous(y2022)).filter((f) => f.rule === 'carryover-previous-year').map(at), ['51:28-51:29']);
  });

  it('the hover of a compared cell shows last year\'s figure beside this year\'s', () => {
    const r = lint(y2023, { previous: previous(y2022) });
    const hover = hoverAt(r, { line: 51, character: 17 })!;
    assert.match(hover.markdown, /上年度报告（year-pair-2022.txt）“四、结转下年度继续办理”：2（不一致）/);
    const agreeing = hoverAt(r, { line: 51, character: 19 })!;
    assert.match(agreeing.markdown, /：0（一致）/);
  });
});
