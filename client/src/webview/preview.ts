// The table preview's page (runs in the webview; bundled to client/out/preview.js). It draws the model the
// language server built (govReport/tables) and knows nothing of reports: no parsing, no template, no words of
// its own (they come with the model). Built with DOM calls only, so the strict CSP needs no inline anything.
import type { PreviewBalance, PreviewBlock, PreviewCell, PreviewFinding, PreviewModel, PreviewRow, PreviewTable } from '../../../server/src/engine';
import type { Position, Range } from '../../../server/src/engine/types';
import { fill } from '../../../server/src/engine/messages';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void; getState(): State | undefined; setState(s: State): void };

interface State { uri: string; scrollY: number }
type Inbound =
  | { type: 'model'; uri: string; version: number; preview: PreviewModel }
  | { type: 'cursor'; position: Position }
  | { type: 'message'; text: string };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let state: State = vscode.getState() ?? { uri: app.dataset.uri ?? '', scrollY: 0 };
/** The drawn elements that stand for a place in the report, for the cursor highlight. */
let places: { el: HTMLElement; range: Range }[] = [];
let cursor: Position | null = null;
let version = -1;

const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'] as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function reveal(range: Range): void {
  vscode.postMessage({ type: 'reveal', range });
}

/** Clicking it reveals `range` in the editor; the cursor there highlights it. */
function place(e: HTMLElement, range: Range | null): void {
  if (!range) return;
  e.classList.add('place');
  e.addEventListener('click', () => reveal(range));
  places.push({ el: e, range });
}

function worst(findings: PreviewFinding[]): string | null {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? null;
}

function tooltip(findings: PreviewFinding[], balances: PreviewBalance[], strings: Record<string, string>): string {
  return [
    ...findings.map((f) => fill(strings['tip.finding'], { severity: strings[`severity.${f.severity}`], message: f.message })),
    // An equation that cannot be checked has no expression: its finding (or the blank cell) says why.
    ...balances.filter((b) => b.text).map((b) => fill(strings['tip.balance'], { status: strings[`balance.${b.status}`], expression: b.text })),
  ].join('\n');
}

function cellElement(cell: PreviewCell, strings: Record<string, string>): HTMLTableCellElement {
  const td = el('td', `cell kind-${cell.kind}`);
  td.dataset.column = cell.columnId;
  td.append(el('span', 'value', cell.text));
  const sev = worst(cell.findings);
  if (sev) td.classList.add(`sev-${sev}`);
  const balance = cell.balances.find((b) => b.status === 'wrong') ?? cell.balances.find((b) => b.status === 'unchecked') ?? cell.balances[0];
  if (balance) {
    td.classList.add(`bal-${balance.status}`);
    td.append(el('span', `badge bal-${balance.status}`, balance.status === 'ok' ? '✓' : balance.status === 'wrong' ? '✗' : '?'));
  }
  const tip = tooltip(cell.findings, cell.balances, strings);
  td.title = cell.kind === 'blank' && !tip ? strings.blank : tip;
  place(td, cell.range);
  return td;
}

function rowElement(row: PreviewRow, strings: Record<string, string>): HTMLTableRowElement {
  const tr = el('tr', row.present ? 'row' : 'row missing');
  tr.dataset.row = row.id;
  row.labels.forEach((l, i) => {
    const th = el('th', i === row.labels.length - 1 ? 'label own' : 'label section', l.text);
    th.scope = 'row';
    if (l.rowSpan > 1) th.rowSpan = l.rowSpan;
    if (l.colSpan > 1) th.colSpan = l.colSpan;
    if (i === row.labels.length - 1) {
      const sev = worst(row.findings);
      if (sev) th.classList.add(`sev-${sev}`);
      th.title = row.present ? tooltip(row.findings, [], strings) : [strings.rowMissing, tooltip(row.findings, [], strings)].filter(Boolean).join('\n');
      place(th, row.labelRange);
    }
    tr.append(th);
  });
  for (const c of row.cells) tr.append(cellElement(c, strings));
  return tr;
}

function blockElement(block: PreviewBlock, strings: Record<string, string>): HTMLElement {
  const wrap = el('div', 'block');
  if (block.heading) wrap.append(el('h3', 'heading', block.heading));
  const table = el('table', 'grid');
  const head = el('thead');
  block.header.forEach((level, i) => {
    const tr = el('tr');
    if (i === 0 && block.labelColumns > 0) {
      const corner = el('th', 'corner', block.corner ?? '');
      corner.colSpan = block.labelColumns;
      corner.rowSpan = block.header.length;
      tr.append(corner);
    }
    for (const h of level) {
      const th = el('th', h.columnId ? 'column' : 'group', h.text);
      th.scope = 'col';
      if (h.colSpan > 1) th.colSpan = h.colSpan;
      if (h.rowSpan > 1) th.rowSpan = h.rowSpan;
      tr.append(th);
    }
    head.append(tr);
  });
  const body = el('tbody');
  for (const r of block.rows) body.append(rowElement(r, strings));
  table.append(head, body);
  wrap.append(table);
  return wrap;
}

function tableElement(t: PreviewTable, strings: Record<string, string>): HTMLElement {
  const section = el('section', t.found ? 'table' : 'table not-found');
  section.dataset.table = t.id;
  section.append(el('h2', 'title', t.title));
  for (const n of t.notes) {
    const p = el('p', 'note', n.text);
    place(p, n.range);
    section.append(p);
  }
  for (const f of t.findings) section.append(el('p', `finding sev-${f.severity}`, fill(strings['tip.finding'], { severity: strings[`severity.${f.severity}`], message: f.message })));
  for (const b of t.blocks) section.append(blockElement(b, strings));
  if (t.balances.length) {
    const list = el('ul', 'balances');
    list.setAttribute('aria-label', strings.balances);
    for (const b of t.balances) {
      const li = el('li', b.wrong ? 'bal-wrong' : 'bal-ok');
      li.append(el('span', 'rule', `${b.description}：`), el('span', 'summary', b.summary));
      list.append(li);
    }
    const h = el('h4', 'balances-title', strings.balances);
    section.append(h, list);
  }
  return section;
}

function render(uri: string, preview: PreviewModel): void {
  places = [];
  const page = el('div', 'page');
  const head = el('header', 'head');
  head.append(el('h1', 'doc-title', preview.title ?? ''), el('p', 'template', preview.templateName ?? ''));
  const legend = el('p', 'legend');
  for (const s of SEVERITY_ORDER) legend.append(el('span', `key sev-${s}`, preview.strings[`severity.${s}`]));
  legend.append(el('span', 'key bal-ok', `✓ ${preview.strings['balance.ok']}`), el('span', 'key bal-wrong', `✗ ${preview.strings['balance.wrong']}`),
    el('span', 'key bal-unchecked', `? ${preview.strings['balance.unchecked']}`));
  head.append(legend, el('p', 'hint', preview.strings.hint));
  page.append(head);
  if (!preview.tables.some((t) => t.found)) page.append(el('p', 'note', preview.strings.noTables));
  for (const t of preview.tables) page.append(tableElement(t, preview.strings));
  const y = window.scrollY;
  app.replaceChildren(page);
  // The same document: stay where the reader was; another one (or a restored panel): where it was left.
  window.scrollTo(0, uri === state.uri ? y || state.scrollY : 0);
  state = { uri, scrollY: window.scrollY };
  vscode.setState(state);
  highlight();
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const contains = (r: Range, p: Position) => !before(p, r.start) && !before(r.end, p);

function highlight(): void {
  for (const old of document.querySelectorAll('.cursor')) old.classList.remove('cursor');
  if (!cursor) return;
  const hit = places.find((x) => contains(x.range, cursor!));
  if (!hit) return;
  hit.el.classList.add('cursor');
  const box = hit.el.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) hit.el.scrollIntoView({ block: 'center' });
}

window.addEventListener('message', (event: MessageEvent<Inbound>) => {
  const m = event.data;
  if (m.type === 'model') {
    // A reply overtaken by a newer one is dropped.
    if (m.uri === state.uri && m.version < version) return;
    version = m.version;
    render(m.uri, m.preview);
  } else if (m.type === 'cursor') {
    cursor = m.position;
    app.dataset.cursor = `${cursor.line}:${cursor.character}`;
    highlight();
  } else if (m.type === 'message') {
    app.replaceChildren(el('p', 'note', m.text));
  }
});

window.addEventListener('scroll', () => {
  state = { ...state, scrollY: window.scrollY };
  vscode.setState(state);
}, { passive: true });

vscode.postMessage({ type: 'ready' });
