// The edits that change a label to other wording. A label printed in pieces with other text between them (a PDF's
// wrapped cell, RowModel.labelPieces) gets the wording in its first piece and its other pieces emptied: the
// figures or labels between them are left as they are.
import type { Range, TextEdit } from '../types';

export function relabel(range: Range, pieces: readonly Range[] | null, newText: string): TextEdit[] {
  if (!pieces?.length) return [{ range, newText }];
  return pieces.map((r, i) => ({ range: r, newText: i === 0 ? newText : '' }));
}
