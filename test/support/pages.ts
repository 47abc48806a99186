// Saved web pages for tests: the published reports of ../shared/corpus-wild (beside the repository, never copied
// into it), and a GBK encoder built from TextDecoder round trips (Node can decode GBK but not encode it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hasWild, wildDir } from './paths';

export { hasWild, wildDir };

export interface WildReport { id: string; name: string; html: string; innertext: string | null }

/** Every report of corpus-wild that has a saved page, with its browser text when there is one. */
export function wildPages(): WildReport[] {
  if (!hasWild) return [];
  return readdirSync(wildDir).filter((f) => f.endsWith('.html')).sort().map((f) => {
    const base = f.slice(0, -'.html'.length);
    const inner = path.join(wildDir, `${base}.innertext.txt`);
    return { id: f.slice(0, 3), name: f, html: path.join(wildDir, f), innertext: existsSync(inner) ? readFileSync(inner, 'utf8') : null };
  });
}

let gbkTable: Map<string, number> | null = null;

/** Every two-byte GBK code, decoded once: character → code. */
function gbk(): Map<string, number> {
  if (gbkTable) return gbkTable;
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  const bytes = Uint8Array.from(codes.flatMap((c) => [c >> 8, c & 0xff]));
  const chars = new TextDecoder('gbk').decode(bytes);
  if (chars.length !== codes.length) throw new Error('GBK table: a code did not decode to one character');
  gbkTable = new Map();
  for (let i = 0; i < codes.length; i++) if (chars[i] !== '\ufffd' && !gbkTable.has(chars[i])) gbkTable.set(chars[i], codes[i]);
  return gbkTable;
}

/** `text` in GBK; a character GBK lacks becomes a numeric character reference, as browsers save pages. */
export function toGbk(text: string): Buffer {
  const table = gbk();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) { out.push(cp); continue; }
    const code = table.get(ch);
    if (code === undefined) for (const b of Buffer.from(`&#${cp};`)) out.push(b);
    else out.push(code >> 8, code & 0xff);
  }
  return Buffer.from(out);
}
