// Content detection for plain-text documents (no vscode import: unit-testable anywhere).
const MAX_HEAD = 8000;

/** A title: "…政府信息公开…报告", ending the line (a bracketed note such as （2021年度） may follow). */
const TITLE = /信息公开.{0,12}报告(?:[（(][^（()）]{0,12}[)）])?$/;
const MAX_TITLE = 80;
/** A title is not a sentence. */
const SENTENCE = /[，,。；;：:！？]/;
/** A numbered line (一、 （一） 1.) is an item of a list, not the second half of a title. */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;

/**
 * True when the document's own title, its first non-blank line (or the first two, as titles are often split:
 * "某某区人民政府" / "2024年政府信息公开工作年度报告"), is the title of an annual disclosure report. A note that
 * merely mentions a report ("关于……年度报告的审核意见", a sentence in its body) is not one.
 */
export function looksLikeReport(text: string): boolean {
  const lines: string[] = [];
  // only scan the head of the document; never split a huge file
  const head = text.length > MAX_HEAD ? text.slice(0, MAX_HEAD) : text;
  for (const raw of head.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^#+|\*\*|\s+/g, '');
    if (line) lines.push(line);
    if (lines.length === 2) break;
  }
  const [first = '', second = ''] = lines;
  const candidates = NUMBERED.test(second) ? [first] : [first, first + second];
  return candidates.some((t) => t.length <= MAX_TITLE && TITLE.test(t) && !SENTENCE.test(t));
}
