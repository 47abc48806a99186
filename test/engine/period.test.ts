// period-mismatch: the 统计期限 must be stated, readable and one calendar year; PDF text wraps it over lines with
// spaces between the figures. Every real report that states its period gets nothing from this rule.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { lint, type Finding } from '../../server/src/engine';
import { CORPUS, WILD_018_PERIOD, WILD_RANGES } from '../support/corpus-expected';
import { corpus, example, examplesDir } from '../support/paths';
import { hasWild, wildTexts } from '../support/wild-texts';

const clean = example('clean-2023-row-per-line.txt');
const PERIOD = '自2023年1月1日起至2023年12月31日';
const at = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
const period = (text: string) => lint(text, { strict: true }).findings.filter((f) => f.rule === 'period-mismatch');
const fixes = (f: Finding) => f.fixes.map((x) => `${x.safe ? 'safe' : 'suggestion'} ${x.edits.map((e) => e.newText).join()}`);
/** The range of `written` on line 2 (the opening paragraph), where the period sentence is. */
const onLine2 = (text: string, written: string) => {
  const start = text.split('\n')[2].indexOf(written);
  assert.ok(start >= 0, written);
  return `2:${start}-2:${start + written.length}`;
};

describe('period-mismatch', () => {
  it('a period whose figures run together ("自202311日起至20231231日") cannot be read: a finding on it, the title year as fix', () => {
    const written = '自202311日起至20231231日';
    const text = clean.replace(PERIOD, written);
    const found = period(text);
    assert.deepEqual(found.map(at), [onLine2(text, written)]);
    assert.equal(found[0].message, '统计期限“自202311日起至20231231日”中的日期无法识别（年、月、日的数字连在一起或缺失）');
    assert.deepEqual(fixes(found[0]), [`suggestion ${PERIOD}`]);
    assert.equal(lint(text).report.period, null);
  });

  it('without a title year, a malformed period has no fix to offer', () => {
    const text = clean.replace('某街道办事处2023年政府', '某街道办事处政府').replace(PERIOD, '自202111日起至20211230日');
    assert.deepEqual(period(text).map((f) => [at(f), fixes(f).length]), [[onLine2(text, '自202111日起至20211230日'), 0]]);
  });

  it('a period ending on 12月30日, or starting on 1月2日, is not the calendar year', () => {
    for (const written of ['自2023年1月1日起至2023年12月30日', '自2023年1月2日起至2023年12月31日']) {
      const text = clean.replace(PERIOD, written);
      const found = period(text);
      assert.deepEqual(found.map(at), [onLine2(text, written)], written);
      assert.deepEqual(fixes(found[0]), [`suggestion ${PERIOD}`]);
    }
    assert.equal(period(clean.replace(PERIOD, '自2023年1月1日起至2023年12月30日'))[0].message,
      '统计期限为2023年1月1日至2023年12月30日，不是完整的公历年度：应为自2023年1月1日起至2023年12月31日止');
  });

  it('reads a period wrapped over lines with spaces between the figures (PDF text), and dotted dates', () => {
    const wrapped = clean.replace(`统计期限${PERIOD}止`, '统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止');
    const r = lint(wrapped, { strict: true });
    const start = wrapped.split('\n')[2].indexOf('自 2023');
    assert.deepEqual(r.report.period, { range: { start: { line: 2, character: start }, end: { line: 3, character: 19 } }, from: { year: 2023, month: 1, day: 1 }, to: { year: 2023, month: 12, day: 31 } });
    assert.deepEqual(period(wrapped), []);
    const dotted = clean.replace(`统计期限${PERIOD}止`, '统计期限为2023.1.1-2023.12.31');
    assert.deepEqual([lint(dotted).report.period?.from, lint(dotted).report.period?.to], [{ year: 2023, month: 1, day: 1 }, { year: 2023, month: 12, day: 31 }]);
    assert.deepEqual(period(dotted), []);
  });

  it('a report that states no 统计期限 anywhere: one warning on the title', () => {
    const text = clean.replace(`本报告中所列数据的统计期限${PERIOD}止。`, '');
    const found = period(text);
    assert.deepEqual(found.map((f) => `${f.severity} ${at(f)}`), [`warning 0:0-0:${clean.split('\n')[0].length}`]);
    assert.equal(found[0].message, '报告没有写明统计期限（通常在开头说明：“本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止”）');
    assert.deepEqual(found[0].fixes, []);
  });

  it('a period stated elsewhere, as a bare whole year, or by its year alone is stated; text without a title is not judged', () => {
    const without = clean.replace(`本报告中所列数据的统计期限${PERIOD}止。`, '');
    const stated = [
      without.replace('本年度未收取信息处理费。', `本年度未收取信息处理费。本报告统计期限${PERIOD}止。`),
      without.replace('六部分组成。', '六部分组成。本报告所列数据时间为2023年1月1日至2023年12月31日。'),
      without.replace('六部分组成。', '六部分组成。本报告统计期限为2023年度。'),
      without.slice(without.indexOf('一、总体情况')),
    ];
    for (const text of stated) assert.deepEqual(period(text), []);
  });

  it('corpus-wild 013 (no 统计期限 anywhere), in both text forms: the warning on the title', function () {
    if (!hasWild) this.skip();
    const texts = wildTexts();
    for (const f of ['013_pingtan_zhz_2020.innertext.txt', '013_pingtan_zhz_2020.copy.txt']) {
      assert.equal(WILD_RANGES[f]['period-mismatch'][0], `0:0-0:${texts[f].split('\n')[0].length}`, `${f}: the whole title line`);
      assert.deepEqual(period(texts[f]).map((x) => `${x.severity} ${at(x)}`), WILD_RANGES[f]['period-mismatch'].map((r) => `warning ${r}`), f);
    }
  });

  it('corpus-wild 018 (PDF text): the period "自 2024 年 1 月 1 日⏎起至 2024 年 12 月 31 日止" is read', function () {
    const text = wildTexts()['018_huaian_hongze_2024.layout.txt'];
    if (!text) this.skip();
    const { report } = lint(text, { strict: true });
    assert.deepEqual(report.period, WILD_018_PERIOD);
  });

  it('silent on every other report: the corpus (001 states no period), the examples, every corpus-wild text', () => {
    const found: Record<string, string[]> = {};
    const add = (name: string, text: string) => { const f = period(text); if (f.length) found[name] = f.map(at); };
    for (const [id, { text }] of Object.entries(corpus())) add(`corpus ${id}`, text);
    for (const f of readdirSync(examplesDir).filter((x) => x !== 'README.md')) add(f, example(f));
    for (const [f, text] of Object.entries(wildTexts())) add(f, text);
    const expected: Record<string, string[]> = {
      'defects-2022-pipe.md': ['2:72-2:95'], // the period of 2021 in a 2022 report, as examples/README.md lists
    };
    for (const [id, e] of Object.entries(CORPUS)) {
      const ranges = (e.findings ?? []).filter((f) => f.includes(' period-mismatch ')).map((f) => f.split(' ')[2]);
      if (ranges.length && corpus()[id]) expected[`corpus ${id}`] = ranges;
    }
    if (hasWild) for (const [f, rules] of Object.entries(WILD_RANGES)) if (rules['period-mismatch']) expected[f] = rules['period-mismatch'];
    assert.deepEqual(found, expected);
  });
});
