// What reviewers check by hand in one report: a part 五 without substance (section-content) and the publication
// date against the deadline of 条例 第四十九条 (publication-deadline); no false alarm on the real reports.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { lint, type Finding } from '../../server/src/engine';
import { corpus, example, examplesDir } from '../support/paths';
import { hasWild, wildTexts } from '../support/wild-texts';

const clean = example('clean-2023-row-per-line.txt');
const FIVE = clean.slice(clean.indexOf('五、存在的主要问题及改进情况') + 15, clean.indexOf('六、其他需要报告的事项'));
const of = (rule: string, text: string, options = {}) => lint(text, { strict: true, ...options }).findings.filter((f) => f.rule === rule);
const show = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.message}`;

describe('section-content: a part 五 without substance', () => {
  it('"无。" or one sentence of boilerplate under 60 characters: a warning on the heading quoting it', () => {
    assert.deepEqual(of('section-content', clean).map(show), []);
    assert.deepEqual(of('section-content', clean.replace(FIVE, '\n\n无。\n\n')).map(show), ['83:0-83:14 warning 第五部分“存在的主要问题及改进情况”只有 2 个字（“无。”），应写明本年度工作中存在的主要问题和采取的改进措施']);
    const boilerplate = '本年度政府信息公开工作总体良好，今后将继续加强和改进各项工作，不断提高公开质量。';
    assert.deepEqual(of('section-content', clean.replace(FIVE, `\n\n${boilerplate}\n\n`)).map((f) => f.message), [
      '第五部分“存在的主要问题及改进情况”只有 40 个字（“本年度政府信息公开工作总体良好，今后将继续加强和…”），应写明本年度工作中存在的主要问题和采取的改进措施',
    ]);
  });

  it('the length is a setting; the empty part keeps its own message', () => {
    assert.deepEqual(of('section-content', clean, { ruleOptions: { partFiveMinLength: 200 } }).map((f) => f.message.slice(0, 26)), ['第五部分“存在的主要问题及改进情况”只有 185 个']);
    assert.deepEqual(of('section-content', clean.replace(FIVE, '\n\n')).map((f) => f.message), ['第五部分“存在的主要问题及改进情况”不得为空']);
  });
});

describe('publication-deadline', () => {
  const signed = (date: string, text = clean) => text.replace(/2024年1月20日\s*$/, `${date}\n`);

  it('a department signing after 31 January: an info on the date; on time or earlier: nothing', () => {
    assert.deepEqual(of('publication-deadline', clean), []);
    assert.deepEqual(of('publication-deadline', signed('2024年2月3日')).map(show), [
      '94:0-94:9 info 报告日期 2024年2月3日 晚于部门年度报告的公布期限 2024年1月31日（依据：《条例》第四十九条，部门每年1月31日前公布上一年度的年度报告）',
    ]);
    assert.deepEqual(of('publication-deadline', signed('二〇二四年二月三日')).map((f) => f.message.slice(0, 14)), ['报告日期 2024年2月3日']);
    assert.deepEqual(of('publication-deadline', signed('2024年1月31日')), []);
  });

  it('a government has until 31 March; the kind of organ can be set', () => {
    const governmentReport = clean.replace('某市某区某街道办事处2023年', '某市某区人民政府2023年');
    const government = signed('2024年3月1日', governmentReport);
    assert.deepEqual(of('publication-deadline', government), []);
    assert.deepEqual(of('publication-deadline', signed('2024年4月2日', governmentReport)).map((f) => f.message.split('（')[0]), ['报告日期 2024年4月2日 晚于政府年度报告的公布期限 2024年3月31日']);
    assert.equal(of('publication-deadline', government, { ruleOptions: { organKind: 'department' } }).length, 1);
    assert.equal(of('publication-deadline', signed('2024年3月1日'), { ruleOptions: { organKind: 'government' } }).length, 0);
  });

  it('a "发布时间" line near the start is the date; a report without a date is not checked', () => {
    const page = clean.replace('\n\n本报告根据', '\n发布时间：2024-02-20\n\n本报告根据');
    assert.deepEqual(of('publication-deadline', page).map(show), ['1:0-1:15 info 报告日期 2024年2月20日 晚于部门年度报告的公布期限 2024年1月31日（依据：《条例》第四十九条，部门每年1月31日前公布上一年度的年度报告）']);
    assert.deepEqual(of('publication-deadline', clean.replace(/2024年1月20日\s*$/, '')), []);
  });
});

describe('no false alarm on the real reports and the examples (section-content, publication-deadline)', () => {
  const rules = ['section-content', 'publication-deadline'];
  const loud = (text: string) => lint(text).findings.filter((f) => rules.includes(f.rule) && f.message.includes('只有') || f.rule === 'publication-deadline').map(show);
  it('corpus, corpus-wild and examples other than year-pair-2023 (signed on 6 February on purpose)', () => {
    for (const [id, { text }] of Object.entries(corpus())) assert.deepEqual(loud(text), [], id);
    if (hasWild) for (const [file, text] of Object.entries(wildTexts())) assert.deepEqual(loud(text), [], file);
    for (const f of readdirSync(examplesDir).filter((x) => x !== 'README.md' && x !== 'year-pair-2023.txt')) assert.deepEqual(loud(example(f)), [], f);
    assert.deepEqual(loud(example('year-pair-2023.txt')).map((s) => s.slice(0, 12)), ['94:0-94:9 in']);
  });
});
