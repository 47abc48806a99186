// Builds .docx files for tests: WordprocessingML from paragraphs and tables (merged cells as Word writes them),
// zipped with fflate; and the hostile archives (zip bombs, lying sizes) that a reader must refuse.
import { deflateRawSync, constants } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A table cell: its paragraphs, horizontal span (gridSpan) and vertical merge (vMerge). */
export interface WordCell { text?: string | string[]; span?: number; vMerge?: 'restart' | 'continue' }

export function paragraph(text: string): string {
  return text ? `<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>` : '<w:p/>';
}

/** A cell `width` twips wide. */
export function cell(c: WordCell, width = 900): string {
  const props = `${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge ? '<w:vMerge/>' : ''}`;
  const paras = typeof c.text === 'string' ? [c.text] : c.text ?? [''];
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${props}</w:tcPr>${paras.map(paragraph).join('')}</w:tc>`;
}

/** The text width of an A4 page with Word's default margins, in twips: tables are laid out across it. */
const PAGE_TEXT_WIDTH = 9000;

/**
 * A table as Word lays one out: a grid column for every cell of the widest row, each as wide as its longest text
 * asks (within bounds), the whole as wide as the page; a merged cell spans its grid columns.
 */
export function table(rows: readonly WordCell[][]): string {
  const columns = Math.max(1, ...rows.map((r) => r.reduce((n, c) => n + (c.span ?? 1), 0)));
  const chars = new Array<number>(columns).fill(4);
  for (const r of rows) {
    let col = 0;
    for (const c of r) {
      const longest = Math.max(0, ...(typeof c.text === 'string' ? [c.text] : c.text ?? ['']).map((t) => t.length));
      if ((c.span ?? 1) === 1) chars[col] = Math.max(chars[col], Math.min(longest, 14));
      col += c.span ?? 1;
    }
  }
  const total = chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((n) => Math.round((PAGE_TEXT_WIDTH * n) / total));
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const rowXml = (r: readonly WordCell[]) => {
    let col = 0;
    return r.map((c) => {
      const span = c.span ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return cell(c, width);
    }).join('');
  };
  return `<w:tbl><w:tblPr><w:tblW w:w="${PAGE_TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.map((r) => `<w:tr><w:trPr/>${rowXml(r)}</w:tr>`).join('')}</w:tbl>`;
}

/** Single lines around and between all cells, as the template's tables have them. */
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="wps"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/**
 * A report as Word would hold it: tab-separated lines become table rows, an empty field an empty cell; or, with
 * `merged`, laid out as the template's tables are (see mergedRows).
 */
export function reportToDocumentXml(text: string, { merged = false } = {}): string {
  const body: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) body.push(table(merged ? mergedRows(lines) : lines.map((l) => l.split('\t').map((t) => ({ text: t })))));
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) { lines.push(line); continue; }
    flush();
    body.push(paragraph(line));
  }
  flush();
  return documentXml(body.join(''));
}

const FIGURE = /^(?:[+-]?\d[\d,.]*|\/|—|-|无)$/;

/**
 * Row-per-line table lines as the template's Word tables hold them (the rules of scripts/make-pdf-fixtures.mjs):
 * a leading empty field is the merged cell above it (vMerge), an empty field after a label widens that label
 * (gridSpan), and a row's labels stretch to the first of its figures, so that every column of figures is one
 * grid column. Each row lists a cell for every grid column, a continuation of a merge from above included.
 */
export function mergedRows(lines: readonly string[]): WordCell[][] {
  interface Placed { text: string; col: number; span: number; rows: number; row: number }
  const fields = lines.map((l) => l.split('\t'));
  // A row's figures: the fields after its last label (a blank among them a blank cell).
  const figures = (f: string[]) => {
    let n = 0;
    while (n < f.length && (FIGURE.test(f[f.length - 1 - n]) || f[f.length - 1 - n] === '')) n++;
    return f.slice(f.length - n).some((x) => x !== '') ? n : 0;
  };
  const width = Math.max(...fields.map((f) => f.length));
  const above: (Placed | null)[] = new Array<Placed | null>(width).fill(null);
  const placed: Placed[][] = [];
  fields.forEach((f, row) => {
    const v = figures(f);
    const cells: Placed[] = [];
    let col = 0;
    let k = 0;
    for (; k < f.length && f[k] === '' && above[col]; k++) { const c = above[col]!; c.rows++; col = c.col + c.span; }
    for (; k < f.length; k++) {
      const isLabel = k < f.length - v;
      if (f[k] === '' && cells.length && isLabel) { cells[cells.length - 1].span++; col++; continue; }
      const c: Placed = { text: f[k], col, span: 1, rows: 1, row };
      if (isLabel && v > 0 && k === f.length - v - 1) c.span = Math.max(1, width - v - col);
      cells.push(c);
      col += c.span;
    }
    while (col < width) {
      const c = above[col];
      if (c?.col === col) { c.rows++; col += c.span; } else if (cells.length) { cells[cells.length - 1].span += width - col; col = width; } else break;
    }
    for (const c of cells) for (let i = c.col; i < c.col + c.span; i++) above[i] = c;
    placed.push(cells);
  });
  // Every grid slot of every row: a cell that starts there, or the continuation of one from above.
  const all = placed.flat();
  return placed.map((_, row) => {
    const out: WordCell[] = [];
    for (let col = 0; col < width;) {
      const own = all.find((c) => c.row === row && c.col === col);
      const cover = own ?? all.find((c) => c.col === col && c.row < row && c.row + c.rows > row);
      if (!cover) { out.push({ text: '' }); col++; continue; }
      out.push({ text: own ? own.text : '', span: cover.span, vMerge: cover.rows > 1 ? (own ? 'restart' : 'continue') : undefined });
      col += cover.span;
    }
    return out;
  });
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
/** The package's relationship to its main part: without it Word and LibreOffice refuse the file. */
const PACKAGE_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx holding `document` as word/document.xml (plus any other entries), deflated or stored. */
export function docx(document: string, other: Record<string, string> = {}, level: 0 | 6 = 6): Buffer {
  const entries: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(PACKAGE_RELS) };
  for (const [name, content] of Object.entries({ 'word/document.xml': document, ...other })) entries[name] = strToU8(content);
  return Buffer.from(zipSync(entries, { level }));
}

/** A zip of the given entries only (no word/document.xml unless given). */
export function zip(entries: Record<string, string>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))));
}

/**
 * A zip bomb: word/document.xml starts like a document and goes on with `megabytes` MB of spaces, from a file of
 * about a kilobyte per megabyte (each megabyte a full-flushed deflate block, so copies can follow each other).
 * The central directory declares `declaredSize` bytes (a liar declares few, an honest bomb many).
 */
export function zipBomb(megabytes: number, declaredSize: number): Buffer {
  const head = Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>`);
  const start = deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH });
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([start, ...Array.from({ length: megabytes }, () => block), end]);
  return rawZip('word/document.xml', data, 8, declaredSize);
}

/** A one-entry zip written by hand, with whatever sizes the test wants it to claim. */
function rawZip(name: string, data: Buffer, method: 0 | 8, declaredSize: number): Buffer {
  const n = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(declaredSize >>> 0, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(method, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(declaredSize >>> 0, 24); central.writeUInt16LE(n.length, 28);
  const cdOffset = local.length + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

/** An OLE compound file (what Word 97–2003 .doc and password-protected .docx are): the signature, then a directory. */
export function compoundFile(streamName: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entry = Buffer.alloc(128);
  Buffer.from(streamName, 'utf16le').copy(entry);
  entry.writeUInt16LE((streamName.length + 1) * 2, 64);
  return Buffer.concat([header, entry, Buffer.alloc(384)]);
}

// ---------------------------------------------------------------- the official blank template (2021 format)

const empty = (n: number): WordCell[] => Array.from({ length: n }, () => ({}));
const up = (span?: number): WordCell => ({ vMerge: 'continue', span });

function applicationsTable(): WordCell[][] {
  const rows: WordCell[][] = [
    [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', span: 3, vMerge: 'restart' }, { text: '申请人情况', span: 7 }],
    [up(3), { text: '自然人', vMerge: 'restart' }, { text: '法人或其他组织', span: 5 }, { text: '总计', vMerge: 'restart' }],
    [up(3), up(), { text: ['商业', '企业'] }, { text: ['科研', '机构'] }, { text: ['社会公益', '组织'] }, { text: ['法律服务', '机构'] }, { text: '其他' }, up()],
    [{ text: '一、本年新收政府信息公开申请数量', span: 3 }, ...empty(7)],
    [{ text: '二、上年结转政府信息公开申请数量', span: 3 }, ...empty(7)],
    [{ text: '三、本年度办理结果', vMerge: 'restart' }, { text: '（一）予以公开', span: 2 }, ...empty(7)],
    [up(), { text: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', span: 2 }, ...empty(7)],
  ];
  const groups: [string, string[]][] = [
    ['（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']],
    ['（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
    ['（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']],
    ['（六）其他处理', ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']],
  ];
  for (const [group, labels] of groups) {
    labels.forEach((label, i) => rows.push([up(), i === 0 ? { text: group, vMerge: 'restart' } : up(), { text: label }, ...empty(7)]));
  }
  rows.push([up(), { text: '（七）总计', span: 2 }, ...empty(7)]);
  rows.push([{ text: '四、结转下年度继续办理', span: 3 }, ...empty(7)]);
  return rows;
}

function reviewTable(): WordCell[][] {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [{ text: '行政复议', span: 5 }, { text: '行政诉讼', span: 10 }],
    [...outcomes.map((t): WordCell => ({ text: t, vMerge: 'restart' })), { text: '未经复议直接起诉', span: 5 }, { text: '复议后起诉', span: 5 }],
    [...outcomes.map(() => up()), ...[...outcomes, ...outcomes].map((t): WordCell => ({ text: t }))],
    empty(15),
  ];
}

function activeTable(): WordCell[][] {
  const item = (t: string): WordCell[] => [{ text: t, span: 4 }];
  return [
    item('第二十条第（一）项'),
    [{ text: '信息内容' }, { text: '本年制发件数' }, { text: '本年废止件数' }, { text: '现行有效件数' }],
    [{ text: '规章' }, ...empty(3)],
    [{ text: '行政规范性文件' }, ...empty(3)],
    item('第二十条第（五）项'),
    [{ text: '信息内容' }, { text: '本年处理决定数量', span: 3 }],
    [{ text: '行政许可' }, { span: 3 }],
    item('第二十条第（六）项'),
    [{ text: '信息内容' }, { text: '本年处理决定数量', span: 3 }],
    [{ text: '行政处罚' }, { span: 3 }],
    [{ text: '行政强制' }, { span: 3 }],
    item('第二十条第（八）项'),
    [{ text: '信息内容' }, { text: '本年收费金额（单位：万元）', span: 3 }],
    [{ text: '行政事业性收费' }, { span: 3 }],
  ];
}

/** The blank official template of the 2021 format as a Word document: headings, empty paragraphs, empty tables. */
export function blankTemplateDocx(): Buffer {
  const body = [
    paragraph('XX（行政机关名称）2023年政府信息公开工作年度报告'),
    paragraph('一、总体情况'), paragraph(''),
    paragraph('二、主动公开政府信息情况'), table(activeTable()),
    paragraph('三、收到和处理政府信息公开申请情况'), table(applicationsTable()),
    paragraph('四、政府信息公开行政复议、行政诉讼情况'), table(reviewTable()),
    paragraph('五、存在的主要问题及改进情况'), paragraph(''),
    paragraph('六、其他需要报告的事项'), paragraph(''),
  ];
  return docx(documentXml(body.join('')));
}
