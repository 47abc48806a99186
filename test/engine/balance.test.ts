// The balance rules never propose a negative count, and when （七）总计 breaks R3 and R1 (or R2) at once, every one
// of them points at （七）总计 and only R3 offers a value: the cell that breaks two equations is the wrong one. The
// messages give the figure as written first and name cells as a reviewer does.
import assert from 'node:assert/strict';
import { fixAll, lint, type Finding } from '../../server/src/engine';
import { example } from '../support/paths';
import { withTable3 } from '../support/table3';

const clean = example('clean-2023-row-per-line.txt');
const at = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
const balance = (text: string) => lint(text, { strict: true }).findings.filter((f) => f.rule.startsWith('balance-'));
const show = (f: Finding) => `${f.severity} ${f.rule} ${at(f)} fixes=[${f.fixes.map((x) => x.edits.map((e) => e.newText).join(',')).join('|')}]`;
const TOTAL_LINE = 73; // \t（七）总计\t… : 自然人 at 7–8, 其他 at 17–18, 总计 at 19–20

describe('balance rules: the wrong cell, never a negative value', () => {
  it('corpus-wild 005 figures: （七）总计 3 against outcomes 1 + 1 (自然人) and 0 against 1 (其他): R3 and R1 both point at （七）总计', () => {
    // Table 三 of corpus-wild 005 (农业农村局 2021), figure for figure, in the clean example's row-per-line text.
    const text = withTable3(clean, {
      '一、本年新收': [2, 0, 0, 0, 0, 1, 3],
      '（一）予以公开': [1, 0, 0, 0, 0, 0, 1],
      '1.本机关不掌握': [1, 0, 0, 0, 0, 1, 2],
      '（七）总计': [3, 0, 0, 0, 0, 0, 3],
    }).replace(/全年共收到政府信息公开申请26件[^\n]*/, '全年共收到政府信息公开申请3件。');
    const found = lint(text, { strict: true }).findings;
    assert.deepEqual(found.map(show), [
      `error balance-carryover ${TOTAL_LINE}:7-${TOTAL_LINE}:8 fixes=[]`,
      `error balance-outcome-total ${TOTAL_LINE}:7-${TOTAL_LINE}:8 fixes=[2]`,
      `error balance-carryover ${TOTAL_LINE}:17-${TOTAL_LINE}:18 fixes=[]`,
      `error balance-outcome-total ${TOTAL_LINE}:17-${TOTAL_LINE}:18 fixes=[1]`,
    ]);
    assert.equal(found[0].message, '“自然人”列勾稽关系不符：第一项加第二项之和为 2（“一、本年新收政府信息公开申请数量” 2＋“二、上年结转政府信息公开申请数量” 0），'
      + '第三项加第四项之和为 3（“（七）总计” 3＋“四、结转下年度继续办理” 0）；其中“（七）总计”行“自然人”列填写 3，与它自己的各项之和 2 也不符，请先核对该格');
    assert.equal(found[1].message, '“（七）总计”行“自然人”列填写 3，各项之和为 2（“（一）予以公开” 1＋“（四）1.本机关不掌握相关政府信息” 1，其余各项为 0），请核对合计或各项');
    assert.deepEqual(found[1].fixes.map((x) => x.title), ['“（七）总计”行“自然人”列改为各项之和 2（请先核对各项）']);
    assert.match(found[2].message, /^“其他”列勾稽关系不符：.*；其中“（七）总计”行“其他”列填写 0，与它自己的各项之和 1 也不符，请先核对该格$/);
    // Accepting R3's values balances everything in one pass.
    const r = fixAll(text, (t, o) => lint(t, { ...o, strict: true }), { suggestions: true });
    assert.deepEqual(r.result.findings.map(show), []);
    assert.equal(r.applied, 2);
  });

  it('a wrong （七）总计·自然人 gets R3\'s value; R1 and R2 point at the same cell without proposing other cells', () => {
    const text = clean.replace('\t（七）总计\t20\t', '\t（七）总计\t21\t');
    assert.deepEqual(balance(text).map(show), [
      `error balance-carryover ${TOTAL_LINE}:7-${TOTAL_LINE}:9 fixes=[]`,
      `error balance-outcome-total ${TOTAL_LINE}:7-${TOTAL_LINE}:9 fixes=[20]`,
      `error balance-row-total ${TOTAL_LINE}:7-${TOTAL_LINE}:9 fixes=[]`,
    ]);
    const r = fixAll(text, (t, o) => lint(t, { ...o, strict: true }), { suggestions: true });
    assert.equal(r.text, clean);
  });

  it('R1 whose computed 结转下年度 would be negative: no fix, shown on （七）总计, the message names the cells to check', () => {
    // 一·自然人 17 (total 23, so R2 holds): 17 + 2 − 20 = −1 in the 自然人 column; the 总计 column gives 0.
    const text = clean.replace('一、本年新收政府信息公开申请数量\t20\t3\t0\t1\t2\t0\t26', '一、本年新收政府信息公开申请数量\t17\t3\t0\t1\t2\t0\t23');
    const found = balance(text);
    assert.deepEqual(found.map(show), [
      `error balance-carryover ${TOTAL_LINE}:7-${TOTAL_LINE}:9 fixes=[]`,
      `error balance-carryover ${TOTAL_LINE + 1}:24-${TOTAL_LINE + 1}:25 fixes=[0]`,
    ]);
    assert.equal(found[0].message, '“自然人”列勾稽关系不符：第三项（“（七）总计” 20）已大于第一项加第二项之和 19（“一、本年新收政府信息公开申请数量” 17＋“二、上年结转政府信息公开申请数量” 2），请核对各项');
    const en = lint(text, { strict: true, locale: 'en' }).findings.find((f) => f.rule === 'balance-carryover')!;
    assert.equal(en.message, 'Column “自然人” does not balance: the total closed (“（七）总计” 20) is larger than received plus carried over, 19 '
      + '(“一、本年新收政府信息公开申请数量” 17 + “二、上年结转政府信息公开申请数量” 2): check the items');
  });

  it('no fix anywhere proposes a value below 0', () => {
    const texts = [
      clean.replace('\t（七）总计\t20\t4\t0\t1\t1\t0\t26', '\t（七）总计\t30\t4\t0\t1\t1\t0\t36'),
      clean.replace('二、上年结转政府信息公开申请数量\t2\t1\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'),
    ];
    for (const text of texts) {
      const values = lint(text, { strict: true }).findings.flatMap((f) => f.fixes.flatMap((x) => x.edits.map((e) => e.newText)));
      assert.ok(values.every((v) => !v.startsWith('-')), values.join(' '));
    }
  });
});
