// .docx input: the text of word/document.xml, with each table row on one line and its cells separated by tabs
// (the row-per-line layout the engine reads). No dependency: a .docx is a zip; Node's zlib inflates it.
import { inflateRawSync } from 'node:zlib';

export class DocxError extends Error {}

/** True when the bytes start like a zip archive (a .docx is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The report text of a .docx: paragraphs as lines, table rows as tab-separated lines. */
export function docxToText(bytes: Buffer): string {
  const xml = readZipEntry(bytes, 'word/document.xml');
  if (xml === null) throw new DocxError('word/document.xml not found');
  return documentXmlToText(xml);
}

function readZipEntry(zip: Buffer, name: string): string | null {
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  const min = Math.max(0, zip.length - 65557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new DocxError('not a zip archive (no central directory)');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new DocxError('damaged zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entryName = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw new DocxError('damaged zip entry');
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) return data.toString('utf8');
      if (method === 8) return inflateRawSync(data).toString('utf8');
      throw new DocxError(`unsupported zip compression method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]);
}

/**
 * Walks the tags of document.xml once. Text runs (<w:t>) and tabs (<w:tab/>) build the current paragraph; a
 * paragraph ends a line, except inside a table cell, where paragraphs join with a space and the cell ends with
 * a tab; a table row ends a line. Merged cells (vMerge continuation) are written empty, as Word's own export does.
 */
export function documentXmlToText(xml: string): string {
  const lines: string[] = [];
  let para = '';
  let cell: string[] | null = null;
  let row: string[] | null = null;
  let depth = 0; // nested tables are flattened into their enclosing cell
  // Text runs first: otherwise "<w:t>" would match as a bare tag and its text be skipped.
  const tag = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<(\/?)(w:tab|w:br|w:p|w:tc|w:tr|w:tbl)(?:\s[^>]*?)?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1] !== undefined) { para += unescapeXml(m[1]); continue; }
    const [, , close, name, selfClose] = m;
    switch (name) {
      case 'w:tab': if (!close) para += depth > 0 ? ' ' : '\t'; break;
      case 'w:br': if (!close) para += depth > 0 ? ' ' : '\n'; break;
      case 'w:p':
        if (close || selfClose) {
          if (cell) cell.push(para); else lines.push(para);
          para = '';
        }
        break;
      case 'w:tbl': depth += close ? -1 : 1; break;
      case 'w:tr':
        if (depth !== 1) break;
        if (!close) row = [];
        else if (row) { lines.push(row.join('\t')); row = null; }
        break;
      case 'w:tc':
        if (depth !== 1) break;
        if (!close && !selfClose) cell = [];
        else if (cell && row) { row.push(cell.filter((x) => x).join(' ')); cell = null; }
        else if (selfClose && row) row.push('');
        break;
    }
  }
  if (para) lines.push(para);
  return lines.join('\n');
}
