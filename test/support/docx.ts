// Builds a minimal .docx (a zip holding word/document.xml) for tests: rows of cells become Word table rows.
import { deflateRawSync } from 'node:zlib';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A report as Word would hold it: tab-separated lines become table rows, other lines paragraphs. */
export function reportToDocumentXml(text: string): string {
  const body: string[] = [];
  let table: string[] | null = null;
  const para = (s: string) => `<w:p w:rsidR="00A1"><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      table ??= [];
      table.push(`<w:tr><w:trPr/>${line.split('\t').map((c) => (c ? `<w:tc><w:tcPr/>${para(c)}</w:tc>` : '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>')).join('')}</w:tr>`);
      continue;
    }
    if (table) { body.push(`<w:tbl><w:tblPr/>${table.join('')}</w:tbl>`); table = null; }
    body.push(line ? para(line) : '<w:p/>');
  }
  if (table) body.push(`<w:tbl>${table.join('')}</w:tbl>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
}

/** A zip with the given entries, deflated (method 8) or stored (method 0). CRCs are left 0: readers here skip them. */
export function zip(entries: Record<string, string>, method: 0 | 8 = 8): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content, 'utf8');
    const data = method === 8 ? deflateRawSync(raw) : raw;
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(raw.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(raw.length, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(entries).length, 8); end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
