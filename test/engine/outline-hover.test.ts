// Outline and hover read the model: what a user sees in the Outline view and on hover.
import assert from 'node:assert/strict';
import { hoverAt, lint, outline, type OutlineNode } from '../../server/src/engine';
import { example } from '../support/paths';

const text = example('clean-2023-row-per-line.txt');
const lines = text.split('\n');
const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start));

function walk(n: OutlineNode, f: (n: OutlineNode, parent: OutlineNode | null) => void, parent: OutlineNode | null = null) {
  f(n, parent);
  for (const c of n.children) walk(c, f, n);
}
const inside = (a: OutlineNode['range'], b: OutlineNode['range']) =>
  (a.start.line > b.start.line || a.start.line === b.start.line && a.start.character >= b.start.character)
  && (a.end.line < b.end.line || a.end.line === b.end.line && a.end.character <= b.end.character);

describe('outline', () => {
  const result = lint(text);
  const [root] = outline(result.report, 'zh-CN');

  it('title → six parts in order → sub-headings and the three tables → sections → rows', () => {
    assert.equal(root.kind, 'title');
    assert.deepEqual(root.children.map((p) => p.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    const tables = root.children.flatMap((p) => p.children.filter((c) => c.kind === 'table'));
    assert.deepEqual(tables.map((t) => t.name), ['第二部分表格（主动公开政府信息情况）', '第三部分表格（收到和处理政府信息公开申请情况）', '第四部分表格（政府信息公开行政复议、行政诉讼情况）']);
    assert.deepEqual(root.children[0].children.map((c) => c.name), ['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）平台建设情况', '（五）监督保障情况']);
    const outcomes = tables[1].children.find((c) => c.name.startsWith('三、本年度办理结果'))!;
    assert.ok(outcomes.children.some((c) => c.kind === 'section' && c.name === '（三）不予公开' && c.children.length === 8));
  });
  it('every node\'s range contains its selection range and its children (as LSP requires)', () => {
    walk(root, (n, parent) => {
      assert.ok(inside(n.selectionRange, n.range), `${n.name}: selection outside range`);
      if (parent) assert.ok(inside(n.range, parent.range), `${n.name} outside ${parent.name}`);
    });
  });
});

describe('hover', () => {
  const result = lint(text);
  it('on a row label: what it counts and its article', () => {
    const line = lineOf('一、本年新收');
    const h = hoverAt(result, { line, character: 2 }, 'zh-CN')!;
    assert.match(h.markdown, /本年度新收到的政府信息公开申请/);
    assert.match(h.markdown, /\n依据：《条例》第二十七条、第二十九条、第三十一条\n/);
    assert.match(h.markdown, /✓ 勾稽关系相符：“一、本年新收政府信息公开申请数量”行“总计”列＝“自然人” 20＋“商业企业” 3＋.*＝26$/);
    assert.equal(h.range.start.line, line);
  });
  it('on the total row: the computed sums per column and whether they balance', () => {
    const line = lineOf('\t（七）总计');
    const h = hoverAt(result, { line, character: 3 }, 'zh-CN')!;
    assert.match(h.markdown, /✓ 勾稽关系相符：“（七）总计”行“自然人”列＝“（一）予以公开” 9＋“（二）部分公开” 2＋.*，其余各项为 0＝20\n/);
    assert.doesNotMatch(h.markdown, /✗/);
    assert.doesNotMatch(h.markdown, /依据/, 'a total has no article of its own');
  });
  it('on a cell: row × column, value, and for a total the sum', () => {
    const line = lineOf('\t（七）总计');
    const col = lines[line].lastIndexOf('26');
    const h = hoverAt(result, { line, character: col }, 'en')!;
    assert.match(h.markdown, /^\*\*“（七）总计” \/ “总计”\*\*\n\nFigure: 26\n/);
    assert.match(h.markdown, /✓ Adds up: “（七）总计” \/ “总计” = “自然人” 20 \+ “商业企业” 4 \+ .* = 26/);
    const zh = hoverAt(result, { line, character: col }, 'zh-CN')!;
    assert.match(zh.markdown, /^\*\*“（七）总计”行“总计”列\*\*\n\n填报数：26\n/);
  });
  it('on an unbalanced total: says so, with both sides', () => {
    const bad = text.replace('\t（七）总计\t20\t', '\t（七）总计\t21\t');
    const r = lint(bad);
    const line = lineOf('\t（七）总计');
    const h = hoverAt(r, { line, character: 3 }, 'zh-CN')!;
    assert.match(h.markdown, /✗ 勾稽关系不符：“（七）总计”行“自然人”列填写 21，各项之和为 20（“（一）予以公开” 9＋.*）\n/);
  });
  it('on a column header and on a part heading', () => {
    const line = lineOf('\t自然人');
    assert.match(hoverAt(result, { line, character: 2 }, 'zh-CN')!.markdown, /自然人提出的申请/);
    assert.match(hoverAt(result, { line: lineOf('四、政府信息公开'), character: 3 }, 'zh-CN')!.markdown, /行政复议/);
  });
  it('outside any table or heading: nothing', () => {
    assert.equal(hoverAt(result, { line: 2, character: 5 }, 'zh-CN'), null);
  });
});
