// narrative-mismatch reads prose as written in PDF and hard-wrapped text (a sentence over several lines), accepts
// the two usual totals of applications, tells documents from applications, and stays silent on every real report
// except where the prose really contradicts itself or the tables.
import assert from 'node:assert/strict';
import { lint, type Finding } from '../../server/src/engine';
import { parseReport } from '../../server/src/engine/parse/report';
import { paragraphs } from '../../server/src/engine/rules/prose';
import { WILD_RANGES } from '../support/corpus-expected';
import { corpus, example, examplesDir } from '../support/paths';
import { hasWild, wildTexts } from '../support/wild-texts';
import { readdirSync } from 'node:fs';

const clean = example('clean-2023-row-per-line.txt'); // 一、本年新收 26, 二、上年结转 3
const SENTENCE = '全年共收到政府信息公开申请26件，其中自然人提出20件、法人或其他组织提出6件；上年结转3件。';
const at = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
const narrative = (text: string) => lint(text, { strict: true }).findings.filter((f) => f.rule === 'narrative-mismatch');
const withSentence = (s: string) => clean.replace(SENTENCE, s);

describe('narrative-mismatch: prose wrapped over lines', () => {
  it('joins the lines of a wrapped paragraph, skipping a page number, and the finding spans the lines it quotes', () => {
    const wrapped = '  全年共收到政府信息公开\n申请25件，其中自然人提出20件、法人或其他组织提出6件；上年结\n                 -2-\n转3件。';
    const found = narrative(withSentence(wrapped));
    assert.deepEqual(found.map(at), ['14:5-15:5']);
    assert.equal(found[0].message, '正文称收到申请 25 件，但第三部分表格“一、本年新收政府信息公开申请数量”总计为 26，加上“二、上年结转政府信息公开申请数量”为 29');
    assert.deepEqual(narrative(withSentence('  全年共收到政府信息公开\n申请26件，其中自然人提出20件；上年结\n转3件。')), []);
  });

  it('paragraphs: headings, the title, table lines and aligned figures stand alone; sentences end paragraphs', () => {
    const text = [
      '某县2023年政府信息公开工作年度报告', //               0 title
      '  本报告中所列数据的统计期限自2023年1月1日', //        1 ┐
      '起至2023年12月31日止。', //                           2 ┘
      '一、总体情况', //                                     3 heading
      '  全年共收到政府信息公开申请', //                      4 ┐
      '                 -1-', //                             5 │ page number
      '26件，均已答复', //                                    6 ┘
      '（二）依申请公开情况', //                              7 sub-heading
      '全年未发生行政复议', //                                8
      '三、收到和处理政府信息公开申请情况', //                9 heading
      '一、本年新收政府信息公开申请数量\t26\t0\t0\t0\t0\t0\t26', // 10 table line
      '本年度无其他说明', //                                  11
      '规章      0      0      0', //                        12 aligned figures
      '说明文字', //                                         13
    ].join('\n');
    const parsed = parseReport(text);
    const spans = [...paragraphs(parsed, /./)].map((p) => `${parsed.index.positionAt(p.offsets[0]).line}-${parsed.index.positionAt(p.offsets[p.offsets.length - 1]).line}`);
    assert.deepEqual(spans, ['0-0', '1-2', '3-3', '4-6', '7-7', '8-8', '9-9', '11-11', '12-12', '13-13']);
  });

  it('corpus-wild 018 (PDF text): "受理政府⏎信息公开申请 17 件" is read whole; it counts one office\'s applications, so it is not compared', function () {
    const text = wildTexts()['018_huaian_hongze_2024.layout.txt'];
    if (!text) this.skip();
    assert.deepEqual(narrative(text), []);
    // Stated as the total, the same wrapped sentence is compared with table 三 (95 received).
    const total = narrative(text.replace('区政府办代表区政府受理政府', '全区共受理政府'));
    assert.deepEqual(total.map(at), ['23:21-24:11']);
    assert.match(total[0].message, /收到申请 17 件，但第三部分表格“一、本年新收政府信息公开申请数量”总计为 95/);
  });
});

describe('narrative-mismatch: which figures count applications', () => {
  it('"共受理…N件" may count 本年新收 alone (26) or with 上年结转 (29); any other figure is reported', () => {
    assert.deepEqual(narrative(withSentence('全年共受理政府信息公开申请29件。')), []);
    assert.deepEqual(narrative(withSentence('全年共受理政府信息公开申请26件。')), []);
    const found = narrative(withSentence('全年共受理政府信息公开申请28件。'));
    assert.deepEqual(found.map(at), ['14:3-14:16']);
    assert.equal(found[0].message, '正文称收到申请 28 件，但第三部分表格“一、本年新收政府信息公开申请数量”总计为 26，加上“二、上年结转政府信息公开申请数量”为 29');
  });

  it('"新收" counts this year\'s applications only', () => {
    assert.deepEqual(narrative(withSentence('本年新收政府信息公开申请29件。')).map(at), ['14:2-14:15']);
  });

  it('a count without 共, 合计, 全年… may be a part (one office, one channel) and is not compared', () => {
    assert.deepEqual(narrative(withSentence('区政府办代表区政府受理政府信息公开申请17件。全年共收到政府信息公开申请26件，其中通过网络平台收到政府信息公开申请10件。')), []);
  });

  it('"依申请公开N条" in a list of published documents counts documents, not applications', () => {
    assert.deepEqual(narrative(withSentence('全年共制发政府信息316条，其中主动公开121条、依申请公开128条、不予公开67条。')), []);
    assert.deepEqual(narrative(withSentence('全年依申请公开128条、主动公开121条。')), []);
    assert.deepEqual(narrative(withSentence('全年依申请公开25件。')).map(at), ['14:2-14:10']);
  });
});

describe('narrative-mismatch on real reports', () => {
  const real = (f: Finding) => `${f.rule} ${at(f)}`;
  it('no false alarm on the corpus and the examples', () => {
    for (const [id, { text }] of Object.entries(corpus())) assert.deepEqual(narrative(text).map(real), [], id);
    for (const f of readdirSync(examplesDir).filter((x) => x !== 'README.md')) assert.deepEqual(narrative(example(f)).map(real), [], f);
  });

  it('corpus-wild, every text form: only 001\'s "共61条" whose parts add up to 76', function () {
    if (!hasWild) this.skip();
    const expected = (file: string) => (WILD_RANGES[file]?.['narrative-mismatch'] ?? []).map((r) => `narrative-mismatch ${r}`);
    assert.ok(expected('001_pingtan_czj_2024.copy.txt').length > 0);
    for (const [file, text] of Object.entries(wildTexts())) assert.deepEqual(narrative(text).map(real), expected(file), file);
    assert.equal(narrative(wildTexts()['001_pingtan_czj_2024.copy.txt'])[0].message, '“共61条”的各分项之和为 76，超过总数');
  });
});

describe('narrative-mismatch: the figures a reviewer checks by hand', () => {
  const PROSE = '上年结转3件。本年度办结26件，其中予以公开12件，部分公开3件，不予公开2件，无法提供6件，不予处理2件，其他处理1件；结转下年度继续办理3件';
  const withProse = (s: string) => clean.replace(PROSE, s);
  const found = (text: string) => narrative(text).map((f) => `${at(f)} ${f.message}`);

  it('上年结转, 办结 and 结转下年度 against the totals of 二、上年结转, （七）总计 and 四、结转下年度继续办理', () => {
    assert.deepEqual(found(withProse(PROSE)), []);
    assert.deepEqual(found(withProse(PROSE.replace('上年结转3件', '上年结转2件').replace('办结26件', '办结25件').replace('继续办理3件', '继续办理4件'))), [
      '14:40-14:46 正文称上年结转 2 件，但第三部分表格“二、上年结转政府信息公开申请数量”总计为 3',
      '14:50-14:55 正文称办结 25 件，但第三部分表格“（七）总计”行“总计”列为 26',
      '14:101-14:112 正文称结转下年度 4 件，但第三部分表格“四、结转下年度继续办理”总计为 3',
    ]);
    assert.deepEqual(found(withProse(PROSE.replace('结转下年度继续办理3件', '结转至2024年4件'))).map((s) => s.split(' ')[1]), ['正文称结转下年度']);
  });

  it('other business closed or carried over is not compared: hotline calls, petitions, 办件', () => {
    const text = withProse(`${PROSE}。全年办结12345热线诉求120件，办结信访件8件`);
    assert.deepEqual(found(text), []);
  });

  it('行政复议 and 行政诉讼 cases apart, together and each, against table 四 (复议 2, 诉讼 1 + 0)', () => {
    const case2 = (s: string) => found(withSentence(`${s}全年共收到政府信息公开申请26件，其中自然人提出20件、法人或其他组织提出6件；上年结转3件。`));
    assert.deepEqual(case2('因政府信息公开工作被申请行政复议2件、被提起行政诉讼1件。'), []);
    assert.deepEqual(case2('因政府信息公开工作被申请行政复议3件、行政诉讼2起。'), [
      '14:12-14:18 正文称行政复议 3 件，但第四部分表格“行政复议·总计”列为 2',
      '14:19-14:25 正文称行政诉讼 2 件，但第四部分表格中行政诉讼两项“总计”之和为 1（未经复议直接起诉 1，复议后起诉 0）',
    ]);
    assert.deepEqual(case2('发生政府信息公开行政复议和行政诉讼案件共4件。'), ['14:8-14:22 正文称行政复议和行政诉讼共 4 件，但第四部分表格三项“总计”之和为 3']);
    assert.deepEqual(case2('政府信息公开行政复议和行政诉讼各1件。').map((s) => s.split(' ')[1]), ['正文称行政复议']);
    // Not about disclosure: a government counting all its reconsiderations.
    assert.deepEqual(case2('全区办理行政复议案件120件。'), []);
  });
});
