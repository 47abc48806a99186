// Label normalisation: the form under which labels (template rows, sections, columns, headings) are compared. Used
// by the template lookups and the parser alike, so it belongs to neither.
import { norm } from './text';

// Numbering as written after folding: 一、 二. 三， (一) (一)、 1. 1、 1) (1). Anchored, no nested quantifiers.
const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.,，:：]|\([一二三四五六七八九十]{1,3}\)[、.]?|\d{1,2}[.、,，)](?!\d)|\(\d{1,2}\)[、.]?)/;
const QUOTES = /["'‘’“”]/g;
const TRAILING_MARKS = new Set('。：:；;，,、.');

/** Normalised label with its leading numbering, quotes and trailing punctuation removed. */
export function stripNumbering(label: string): string {
  return trimTrailingMarks(norm(label).replace(NUMBERING, '').replace(QUOTES, ''));
}

/** The normalised form under which labels are compared. */
export function labelKey(label: string): string {
  return stripNumbering(label);
}

/** True when the (raw) label starts with a numbering such as 一、 (一) 1. */
export function hasNumbering(label: string): boolean {
  return NUMBERING.test(norm(label));
}

/** Drop trailing punctuation. A loop, not /[…]+$/: that regex retries every run of marks and is quadratic. */
export function trimTrailingMarks(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_MARKS.has(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}
