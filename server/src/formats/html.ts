// A saved web page → report text. parse5 builds the document tree as a browser would (implied and stray tags,
// tables fixed up per the HTML standard) and gives every node its place in the source; the walk below reads
// paragraphs and tables from it into the block tree (blocks.ts), leaving out what is not the article: scripts,
// styles, forms, navigation, site headers and footers, hidden elements.
import { defaultTreeAdapter, html as htmlSpec, parse, type DefaultTreeAdapterTypes } from 'parse5';
import { BlockBuilder, reportText, type Block } from './blocks';
import { Budget } from './budget';
import { decodePage } from './charset';
import { FormatError, type Extracted, type ReadLimits } from './types';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;
type TextNode = DefaultTreeAdapterTypes.TextNode;

/** Not part of the article's text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'form', 'button', 'select', 'textarea', 'input',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'datalist', 'dialog', 'meta', 'link',
]);
/** A page's banner and footer are dropped; an article's own <header> (its title) is kept. */
const LANDMARKS = new Set(['header', 'footer']);
const SECTIONING = new Set(['article', 'main', 'section']);
/** Elements that begin and end a paragraph (a line of the report text). */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'title', 'body', 'html', 'head',
  'blockquote', 'pre', 'address', 'article', 'section', 'main', 'header', 'footer', 'figure', 'figcaption', 'hr',
  'center', 'fieldset', 'legend', 'details', 'summary', 'caption', 'listing', 'plaintext', 'xmp', 'menu', 'hgroup',
]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function readHtml(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Extracted {
  const budget = new Budget(limits);
  budget.checkInput(bytes.length);
  const page = decodePage(bytes);
  const document = parseBounded(page.text, budget);
  const builder = new BlockBuilder(budget, true);
  new Walk(page.text, builder).run(document);
  const blocks = builder.finish();
  budget.checkTime();
  const laid = reportText(blocks, true, budget);
  if (laid.text.trim() === '') throw new FormatError('noText', 'the page holds no text');
  if (!hasTable(blocks)) throw new FormatError('notReport', 'the page holds no table');
  const map = laid.map!;
  const last = laid.text.length;
  return {
    kind: 'html',
    tableFields: 'exact',
    text: laid.text,
    source: { text: page.text, toSource: (offset) => map[Math.max(0, Math.min(last, Math.trunc(offset) || 0))] },
    encoding: page.encoding,
  };
}

/**
 * Deeper than any real page (browsers stop nesting at 512). parse5's tree building scans its stack of open
 * elements, so a page nested deeper and deeper would cost time quadratic in its size.
 */
export const MAX_DEPTH = 1000;

/** parse5 with a tree adapter that counts the nodes it creates and how deep they nest, so a hostile page stops early. */
function parseBounded(html: string, budget: Budget): DefaultTreeAdapterTypes.Document {
  const depth = new WeakMap<object, number>();
  const placed = (parent: object, child: object) => {
    const d = (depth.get(parent) ?? 0) + 1;
    if (d > MAX_DEPTH) throw new FormatError('tooLarge', `elements nested more than ${MAX_DEPTH} deep`);
    depth.set(child, d);
  };
  const treeAdapter: typeof defaultTreeAdapter = {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      budget.node();
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    createCommentNode(data) {
      budget.node();
      return defaultTreeAdapter.createCommentNode(data);
    },
    appendChild(parent, child) {
      placed(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      placed(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
  };
  return parse(html, { treeAdapter, sourceCodeLocationInfo: true });
}

/** Whether the page holds a table with a cell (at its top level; nested tables sit in cells of those). */
function hasTable(blocks: readonly Block[]): boolean {
  return blocks.some((b) => b.kind === 'table' && b.rows.some((r) => r.cells.length > 0));
}

type Role = 'inline' | 'block' | 'table' | 'row' | 'cell' | 'sectioning';

interface Frame { node: Node; next: number; role: Role }

/** Depth-first over the tree, without recursion all the same. */
class Walk {
  private sectioning = 0;
  /** Source offset of the innermost element entered: where text without a location of its own is placed. */
  private lastOffset = 0;

  constructor(private readonly src: string, private readonly out: BlockBuilder) {}

  run(root: Node): void {
    const stack: Frame[] = [{ node: root, next: 0, role: 'inline' }];
    while (stack.length) {
      const f = stack[stack.length - 1];
      const children = 'childNodes' in f.node ? f.node.childNodes : [];
      if (f.next >= children.length) {
        stack.pop();
        this.leave(f.role);
        continue;
      }
      const child = children[f.next++];
      if (child.nodeName === '#text') { this.text(child as TextNode); continue; }
      if (!('tagName' in child)) continue; // comments, doctype
      const role = this.enter(child);
      if (role !== null) stack.push({ node: child, next: 0, role });
    }
  }

  /** The element's role, or null when it is dropped (or has no content, like <br>). */
  private enter(el: Element): Role | null {
    const tag = el.tagName;
    if (el.namespaceURI !== htmlSpec.NS.HTML || DROPPED.has(tag) || isHidden(el)) return null;
    if (LANDMARKS.has(tag) && this.sectioning === 0) return null;
    const loc = el.sourceCodeLocation;
    if (loc) this.lastOffset = loc.startOffset;
    const anchor = loc ? loc.startOffset : this.lastOffset;
    switch (tag) {
      case 'br': this.out.paragraph(); return null;
      case 'table': this.out.startTable('span'); return 'table';
      case 'tr': this.out.startRow(); return 'row';
      case 'td': case 'th':
        return this.out.startCell(anchor, span(el, 'colspan', 1, 1000), span(el, 'rowspan', 0, 65534), 'none') ? 'cell' : 'inline';
    }
    if (SECTIONING.has(tag)) { this.sectioning++; this.out.paragraph(); return 'sectioning'; }
    if (BLOCKS.has(tag)) { this.out.paragraph(); return 'block'; }
    return 'inline';
  }

  private leave(role: Role): void {
    switch (role) {
      case 'table': this.out.endTable(); break;
      case 'row': this.out.endRow(); break;
      case 'cell': this.out.endCell(); break;
      case 'sectioning': this.sectioning--; this.out.paragraph(); break;
      case 'block': this.out.paragraph(); break;
    }
  }

  private text(node: TextNode): void {
    const loc = node.sourceCodeLocation;
    if (!loc) { const o = this.lastOffset; this.out.text(node.value, () => o); return; }
    const { startOffset: start, endOffset: end } = loc;
    if (end - start === node.value.length && this.src.startsWith(node.value, start)) {
      this.out.text(node.value, (i) => start + i);
      return;
    }
    const at = alignText(node.value, this.src, start, end);
    this.out.text(node.value, (i) => at[i]);
  }
}

function isHidden(el: Element): boolean {
  for (const a of el.attrs) {
    if (a.name === 'hidden') return true;
    if (a.name === 'style' && HIDDEN_STYLE.test(a.value)) return true;
  }
  return false;
}

/** A colspan or rowspan as the HTML standard reads it (non-negative integer, clamped; 1 when absent or invalid). */
function span(el: Element, name: string, min: number, max: number): number {
  const a = el.attrs.find((x) => x.name === name);
  if (!a) return 1;
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(a.value);
  if (!m) return 1;
  const n = Number.parseInt(m[1], 10);
  if (n === 0 && min === 0) return 0;
  return Math.min(max, Math.max(1, n));
}

/**
 * The source offset of each character of a text node whose value differs from its source: character
 * references (&nbsp; &#12288;) and CR LF line ends, which parse5 has already decoded.
 */
function alignText(value: string, src: string, start: number, end: number): Int32Array {
  const at = new Int32Array(value.length);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    while (j < end && src.charCodeAt(j) === 0 && value.charCodeAt(i) !== 0) j++; // NULs the parser dropped
    at[i] = Math.min(j, Math.max(start, end - 1));
    if (j >= end) continue;
    const c = value.charCodeAt(i);
    const s = src.charCodeAt(j);
    if (s === 0x26 && isReference(src, j, end, c)) {
      const units = referenceUnits(src, j, c);
      for (let k = 1; k < units && i + 1 < value.length; k++) at[++i] = j;
      j = referenceEnd(src, j, end);
    } else if (s === 0x0d && c === 0x0a) {
      j += src.charCodeAt(j + 1) === 0x0a ? 2 : 1;
    } else {
      j++;
    }
  }
  return at;
}

function isReference(src: string, j: number, end: number, decoded: number): boolean {
  if (decoded !== 0x26) return true;
  return /^&(?:amp;?|#0*38;?|#x0*26;?)/i.test(src.slice(j, Math.min(end, j + 10)));
}

function referenceEnd(src: string, j: number, end: number): number {
  let k = j + 1;
  while (k < end && k - j < 40 && /[#0-9A-Za-z]/.test(src[k])) k++;
  return k < end && src[k] === ';' ? k + 1 : k;
}

/** UTF-16 units a reference decodes to: two for a code point above U+FFFF. */
function referenceUnits(src: string, j: number, first: number): number {
  if (first >= 0xd800 && first <= 0xdbff) return 2;
  const m = /^&#(x[0-9a-f]+|\d+)/i.exec(src.slice(j, j + 12));
  if (!m) return 1;
  const cp = m[1][0].toLowerCase() === 'x' ? Number.parseInt(m[1].slice(1), 16) : Number.parseInt(m[1], 10);
  return cp > 0xffff && cp <= 0x10ffff ? 2 : 1;
}
