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
