// Findings on a web page's extracted text, moved to the page itself (the file a user opens).
import { LineIndex } from '../engine/text';
import type { Range } from '../engine/types';
import type { Extracted } from './types';

/**
 * Maps a range in an HTML page's extracted text to the page's source, so that a finding on a cell points at that
 * cell's text, and on an empty cell at its <td>. Null for formats whose findings refer to the extracted text
 * (Word, PDF).
 */
export function sourceRanges(doc: Extracted): ((r: Range) => Range) | null {
  const source = doc.source;
  if (!source) return null;
  const text = new LineIndex(doc.text);
  const page = new LineIndex(source.text);
  return (r) => {
    const a = text.offsetAt(r.start);
    const b = text.offsetAt(r.end);
    const start = source.toSource(a);
    const end = b > a ? Math.max(start, source.toSource(b - 1) + 1) : start;
    return { start: page.positionAt(start), end: page.positionAt(end) };
  };
}
