// Saved web pages: parse5's tree read as report text (paragraphs as lines, table rows as tab-separated cells,
// merged cells where they start), in the page's charset, with every character mapped back to the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { FormatError, readDocument, sourceRanges, type Extracted } from '../../server/src/formats';
import { MAX_DEPTH, readHtml } from '../../server/src/formats/html';
import { MAX_NODES } from '../../server/src/formats/budget';
import { hasWild, toGbk, wildDir, wildPages } from '../support/pages';

const page = (body: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const read = (html: string) => readHtml(Buffer.from(html, 'utf8'));
const textOf = (html: string) => read(page(html)).text;
const fails = (code: string) => (e: unknown) => e instanceof FormatError && e.code === code;

/** The lines of table 三, between the headings of parts 三 and 四. */
function table3(text: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.trim().startsWith('三、收到和处理政府信息公开申请情况'));
  const to = lines.findIndex((l, i) => i > from && l.trim().startsWith('四、政府信息公开行政'));
  assert.ok(from >= 0 && to > from, 'table 三 is found between the headings of parts 三 and 四');
  return lines.slice(from + 1, to);
}

/** The figures of table 三: fields (or the browser's lines) that are whole numbers, in order. */
function table3Figures(text: string): string[] {
  return table3(text).flatMap((l) => l.split('\t')).map((s) => s.replace(/[\s\u00a0\u3000]/g, '')).filter((s) => /^\d+$/.test(s));
}

/** Every character of the text comes from the page: the same character there, or the reference (&nbsp;) that made it. */
function assertMapped(d: Extracted): void {
  const src = d.source!.text;
  for (let i = 0; i < d.text.length; i++) {
    const c = d.text[i];
    if (c === '\t' || c === '\n' || c === ' ') continue;
    const s = src[d.source!.toSource(i)];
    assert.ok(s === c || s === '&', `text offset ${i} (${c}) maps to ${JSON.stringify(src.slice(d.source!.toSource(i), d.source!.toSource(i) + 10))}`);
  }
}

describe('formats: saved web pages (corpus-wild)', function () {
  before(function () {
    if (!hasWild) { console.log(`    (skipped: corpus-wild not found at ${wildDir})`); this.skip(); }
  });

  for (const p of wildPages()) {
    it(`${p.name}: reads as text whose table 三 holds every figure of the browser's text, 7 a row`, () => {
      const d = read(fs.readFileSync(p.html, 'utf8'));
      assert.equal(d.kind, 'html');
      assert.equal(d.encoding, 'utf-8');
      const figures = table3Figures(d.text);
      assert.deepEqual(figures, table3Figures(p.innertext!));
      const rows = table3(d.text).filter((l) => /^\t*[^\t]*\D[^\t]*(\t[^\t]*\D[^\t]*)?(\t\d+){7}$/.test(l));
      assert.equal(rows.length * 7, figures.length, 'the figures stand in rows of seven tab-separated cells after the labels');
      assertMapped(d);
    });
  }

  it('a GBK copy of a page (declared in <meta charset>, in http-equiv, or not at all) reads as the same text', () => {
    const p = wildPages().find((x) => x.id === '005')!;
    const html = fs.readFileSync(p.html, 'utf8');
    const base = read(html);
    const variants: [string, string][] = [
      [html.replace('<meta charset="utf-8">', '<meta charset="gbk">'), 'gbk'],
      [html.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'],
      [html.replace('<meta charset="utf-8">', '<!-- saved --><META content="text/html; charset=GB18030" http-equiv=content-type>'), 'gb18030'],
      [html.replace('<meta charset="utf-8">', ''), 'gb18030'],
    ];
    for (const [source, encoding] of variants) {
      const bytes = toGbk(source);
      assert.ok(!bytes.equals(Buffer.from(source, 'utf8')));
      const d = readHtml(bytes);
      assert.equal(d.encoding, encoding);
      assert.equal(d.text, base.text);
      assert.equal(d.source!.text, source);
      assertMapped(d);
    }
  });
});

describe('formats: HTML tables', () => {
  it('expands rowspan and colspan: a label merged from above is an empty field before the row\'s first own cell', () => {
    const html = '<table>'
      + '<tr><td colspan="3" rowspan="3">说明</td><td colspan="7">申请人情况</td></tr>'
      + '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>'
      + '<tr><td>商业企业</td><td>科研机构</td></tr>'
      + '<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td></tr>'
      + '<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr>'
      + '<tr><td>2.其他法律行政法规禁止公开</td><td>0</td></tr>'
      + '</table>';
    assert.equal(textOf(html), [
      '说明\t申请人情况',
      '\t自然人\t法人或其他组织\t总计',
      '\t\t商业企业\t科研机构',
      '三、本年度办理结果\t（一）予以公开\t1',
      '\t（三）不予公开\t1.属于国家秘密\t0',
      '\t\t2.其他法律行政法规禁止公开\t0',
    ].join('\n'));
  });

  it('a value merged over rows appears once, and the rows it covers after their first cell get no blank for it', () => {
    const html = '<table><tr><td>行政许可</td><td rowspan="2">5</td><td>1</td></tr><tr><td>行政强制</td><td>2</td></tr>'
      + '<tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr></table>';
    assert.equal(textOf(html), '行政许可\t5\t1\n行政强制\t2\na\tb\n\tc\n\td');
  });

  it('keeps an empty cell as an empty field and leaves out rows without a cell of their own', () => {
    const html = '<table><tr><td rowspan="2">x</td><td></td><td><p>&nbsp;</p></td><td>3</td></tr><tr></tr><tr><td></td><td></td></tr></table>';
    assert.equal(textOf(html), 'x\t\t\t3\n\t');
  });

  it('joins the paragraphs of a cell and trims its padding; words and numbers keep a space between them', () => {
    const html = '<table><tr>'
      + '<td><p>&nbsp;商业</p><p>企业&#12288;</p></td>'
      + '<td><p>社会\u200b公益</p><p></p><p>组织</p></td>'
      + '<td>\u3000\u00a03\u00ad\u00a0</td>'
      + '<td><p>1</p><p>2</p></td>'
      + '<td>受理政府\n  信息公开申请 17 件</td>'
      + '<td>甲<br>乙</td><td>a<br>b</td>'
      + '</tr></table>';
    assert.equal(textOf(html), '商业企业\t社会公益组织\t3\t1 2\t受理政府信息公开申请 17 件\t甲乙\ta b');
  });

  it('reads the text around tables as paragraphs in document order, block elements as lines', () => {
    const html = '<div class="title">某局2023年政府信息公开工作年度报告</div><p>一、总体情况</p><p>第一行<br>第二行 <b>加粗</b></p>'
      + '<p>三、收到和处理政府信息公开申请情况</p><table><caption>表三</caption><tr><td>一、本年新收</td><td>3</td></tr></table>'
      + '<ul><li>甲</li><li>乙</li></ul>后记';
    assert.equal(textOf(html), '某局2023年政府信息公开工作年度报告\n一、总体情况\n第一行\n第二行 加粗\n三、收到和处理政府信息公开申请情况\n表三\n一、本年新收\t3\n甲\n乙\n后记');
  });

  it('leaves out scripts, styles, forms, navigation, the site\'s header and footer and hidden elements, keeps an article\'s header', () => {
    const html = '<header>网站首页 | 政务公开</header><nav>导航</nav><script>var a = "<td>1</td>";</script><style>p{}</style>'
      + '<article><header><h1>报告标题</h1></header><p>正文</p><footer>文章尾注</footer></article>'
      + '<form><input value="x"><button>搜索</button></form><div hidden>隐藏</div><p style="display: none">也隐藏</p>'
      + '<table><tr><td>一、本年新收</td><td>3</td></tr></table><footer>版权所有</footer><aside>相关文章</aside>';
    const d = read(page(html, '<meta charset="utf-8"><title>页面标题</title><style>x{}</style><script>y()</script>'));
    assert.equal(d.text, '页面标题\n报告标题\n正文\n文章尾注\n一、本年新收\t3');
  });

  it('reads a page laid out in a table (a frame around the article) as the article, its own tables as rows', () => {
    const html = '<table><tr><td>栏目</td><td><p>正文</p><table><tr><td>一、本年新收</td><td>3</td></tr></table><p>完</p></td></tr></table>';
    assert.equal(textOf(html), '栏目\n正文\n一、本年新收\t3\n完');
  });

  it('flattens a small table nested in a data cell into that cell', () => {
    const html = '<table><tr><td>a</td><td>b</td><td>c</td><td>d</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>';
    assert.equal(textOf(html), 'a\tb\tc\td\tx y');
  });

  it('reads malformed HTML as a browser does: unclosed tags, stray end tags, cells outside rows', () => {
    const html = '<p>三、收到和处理<table><tr><td>一、本年新收<td>3</td></td></tr><td>二、上年结转</td><td>1'
      + '</table></td><p>四、结转<b>下年度</p></i>继续办理';
    assert.equal(read(`<html><body>${html}`).text, '三、收到和处理\n一、本年新收\t3\n二、上年结转\t1\n四、结转下年度\n继续办理');
  });
});

describe('formats: HTML source positions', () => {
  const html = page('<p>标题</p><table><tr><td>一、本年新收</td><td>&nbsp;3</td><td></td><td rowspan="2">9</td></tr>'
    + '<tr><td>二、上年&amp;结转</td></tr><tr><td rowspan="2">三、办理结果</td><td>(一)</td></tr><tr><td>(二)</td></tr></table>');
  const d = read(html);
  const src = d.source!.text;
  const at = (s: string) => src.indexOf(s);

  it('maps a cell\'s text to the cell\'s text in the page, through character references', () => {
    assert.equal(d.text, '标题\n一、本年新收\t3\t\t9\n二、上年&结转\n三、办理结果\t(一)\n\t(二)');
    assert.equal(d.source!.toSource(d.text.indexOf('一、本年新收')), at('一、本年新收'));
    assert.equal(d.source!.toSource(d.text.indexOf('3')), at('&nbsp;3') + 6);
    assert.equal(d.source!.toSource(d.text.indexOf('&结转') + 1), at('&amp;结转') + 5);
  });

  it('maps an empty cell to its <td>, and a slot covered from above to the merged cell', () => {
    const emptyField = d.text.indexOf('3\t\t') + 2;
    assert.equal(d.source!.toSource(emptyField), at('<td></td>'));
    const covered = d.text.indexOf('\t(二)');
    assert.equal(d.source!.toSource(covered), at('<td rowspan="2">三'));
  });

  it('turns a range in the text into a range in the page (line and column of the file)', () => {
    const toPage = sourceRanges(d)!;
    const line = d.text.split('\n').findIndex((l) => l.startsWith('一、'));
    const r = toPage({ start: { line, character: 7 }, end: { line, character: 8 } });
    assert.deepEqual(r, { start: { line: 0, character: at('&nbsp;3') + 6 }, end: { line: 0, character: at('&nbsp;3') + 7 } });
  });
});

describe('formats: HTML that cannot be read as a report', () => {
  it('an empty page, or one of only white space, scripts and styles, has no text', async () => {
    for (const html of ['', '   \n', page('<script>x()</script><style>p{}</style>&nbsp;')]) {
      await assert.rejects(readDocument(Buffer.from(html), 'a.html'), fails('noText'));
    }
  });

  it('a page without a table is not a report', async () => {
    await assert.rejects(readDocument(Buffer.from(page('<p>一、总体情况</p><p>没有表格。</p>')), 'a.htm'), fails('notReport'));
  });

  it('stops a page over the size, node or time limits', () => {
    const big = Buffer.from(page('<table><tr><td>1</td></tr></table>'));
    assert.throws(() => readHtml(big, { maxInputBytes: 10 }), fails('tooLarge'));
    assert.throws(() => readHtml(Buffer.from(page('<span></span>'.repeat(MAX_NODES + 1))), {}), fails('tooLarge'));
    assert.throws(() => readHtml(big, { maxMillis: -1 }), fails('timeout'));
    assert.throws(() => readHtml(Buffer.from(page(`<table><tr><td>${'字'.repeat(200)}</td></tr></table>`)), { maxTextChars: 100 }), fails('tooLarge'));
  });

  it('reads pages nested deeply, and stops one nested deeper than any real page', () => {
    const nested = (depth: number) => page(`${'<div>'.repeat(depth)}<table><tr><td>x</td><td>1</td></tr></table>${'</div>'.repeat(depth)}`);
    assert.equal(read(nested(MAX_DEPTH - 10)).text, 'x\t1');
    assert.throws(() => read(nested(MAX_DEPTH * 20)), fails('tooLarge'));
  });
});
