// Content detection for plain-text documents (no vscode import: unit-testable anywhere).
const MAX_TITLE_LINES = 10;

/**
 * True when one of the first non-blank lines (or two adjacent ones: titles are often split over two
 * lines) reads like the title of an annual disclosure report.
 */
export function looksLikeReport(text: string): boolean {
  const lines: string[] = [];
  // only scan the head of the document; never split a huge file
  const head = text.length > 8000 ? text.slice(0, 8000) : text;
  for (const raw of head.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\*\*|\s+/g, '');
    if (line) lines.push(line);
    if (lines.length >= MAX_TITLE_LINES) break;
  }
  const title = /信息公开.{0,12}报告/;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 80) continue; // a paragraph, not a title
    if (title.test(line)) return true;
    const next = lines[i + 1];
    if (next !== undefined && /政府信息公开/.test(line) && /年度.{0,6}报告/.test(next)) return true;
  }
  return false;
}
