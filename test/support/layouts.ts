// Rewrites a row-per-line report into the other layouts of spec §10, so every check runs on every layout.
// Only lines holding a tab are table lines; everything else is kept as it is.

export function toPipe(text: string, outerPipes = true): string {
  return text.split('\n').map((l) => {
    if (!l.includes('\t')) return l;
    const body = l.split('\t').join(' | ');
    return outerPipes ? `| ${body} |` : body;
  }).join('\n');
}

/** pdftotext -layout style: columns aligned by runs of spaces. Blank cells vanish there, so use clean input. */
export function toPdf(text: string): string {
  return text.split('\n').map((l) => (l.includes('\t') ? l.split('\t').join('    ') : l)).join('\n');
}

/** Each cell on its own tab-indented line, rows separated by a blank line (corpus 001/003/004). */
export function toCellPerLine(text: string): string {
  const out: string[] = [];
  for (const l of text.split('\n')) {
    if (!l.includes('\t')) { out.push(l); continue; }
    for (const cell of l.split('\t')) out.push(`\t${cell}`);
    out.push('');
  }
  return out.join('\n');
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * PDF text as pdftotext -layout really gives it: a page number between rows, a long label wrapped onto the
 * next line, and the merged label 三、本年度办理结果 printed vertically (its halves on two rows).
 */
export function toPdfWithArtefacts(text: string): string {
  const out: string[] = [];
  for (const line of toPdf(text).split('\n')) {
    if (line.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')) {
      const wrapped = line.replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，').replace(/^ {4}/, '办理结果');
      out.push(wrapped, '              只计这一情形，不计其他情形）', '', '-3-', '');
    } else if (line.startsWith('三、本年度办理结果')) {
      out.push(line.replace('三、本年度办理结果', '三、本年度'));
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

/** The cells of a row-per-line table line; the empty fields of merged label cells before the first cell dropped. */
function ownCells(line: string): string[] {
  const cells = line.split('\t');
  let first = 0;
  while (first < cells.length && cells[first].trim() === '') first++;
  return cells.slice(first);
}

/**
 * A browser's innerText of a web page whose cells hold <p> (corpus-wild *.innertext.txt): each cell a paragraph,
 * a line of tabs between cells (one tab more for each empty cell), rows apart by four blank lines. Merged label
 * cells appear once, in their first row, as in the page.
 */
export function toInnerText(text: string): string {
  return text.split('\n').map((l) => {
    if (!l.includes('\t')) return l;
    let out = '';
    let tabs = 0;
    ownCells(l).forEach((cell, i) => {
      if (i > 0) tabs++;
      if (cell === '') return;
      out += tabs ? `\n\n${'\t'.repeat(tabs)}\n\n${cell}` : cell;
      tabs = 0;
    });
    if (tabs) out += `\n\n${'\t'.repeat(tabs)}`;
    return `${out}\n\n\n\n`;
  }).join('\n');
}

/** A real copy of such a page (corpus-wild *.copy.txt): one paragraph per cell; an empty cell leaves nothing. */
export function toCopiedPage(text: string): string {
  return text.split('\n').map((l) => (l.includes('\t') ? `${ownCells(l).filter((c) => c !== '').join('\n\n')}\n` : l)).join('\n');
}

/** Rows with single spaces between cells, as retyped text and some converters give. Blank cells vanish. */
export function toSpaceRows(text: string): string {
  return text.split('\n').map((l) => (l.includes('\t') ? ownCells(l).filter((c) => c !== '').join(' ') : l)).join('\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A saved web page of a row-per-line report, as a site's editor holds it: paragraphs as <p>, each run of table
 * lines a <table> whose cells hold <p> (an empty field an empty cell), padded with &nbsp; as Word pastes it.
 */
export function toHtmlPage(text: string): string {
  const out: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body><div id="art">'];
  let rows: string[] = [];
  const flush = () => { if (rows.length) out.push(`<table border="1">${rows.join('')}</table>`); rows = []; };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      rows.push(`<tr>${line.split('\t').map((c) => (c ? `<td><p>${escapeHtml(c)}&nbsp;</p></td>` : '<td></td>')).join('')}</tr>`);
      continue;
    }
    flush();
    if (line.trim()) out.push(`<p>${escapeHtml(line)}</p>`);
  }
  flush();
  out.push('</div></body></html>');
  return out.join('\n');
}
