// The character encoding of a saved web page, as a browser finds it: a byte-order mark, else the charset the page
// declares in its first 1024 bytes (the HTML standard's prescan: <meta charset> or <meta http-equiv
// content="…; charset=…">), else UTF-8 when the bytes are valid UTF-8 and GB18030 (the usual Chinese default,
// a superset of GBK and GB2312) when they are not. Decoding is TextDecoder's, which knows the WHATWG labels.

export interface DecodedPage { text: string; encoding: string }

const PRESCAN_BYTES = 1024;

export function decodePage(bytes: Uint8Array): DecodedPage {
  const encoding = bomEncoding(bytes) ?? prescan(bytes.subarray(0, PRESCAN_BYTES)) ?? (isUtf8(bytes) ? 'utf-8' : 'gb18030');
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The encoding a label names (WHATWG "get an encoding"), as a browser applies it to a page. */
export function encodingOfLabel(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
  if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8'; // a declaration cannot switch to UTF-16
  if (name === 'x-user-defined') return 'windows-1252';
  return name;
}

const SPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

function startsWith(b: Uint8Array, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (lower(b[at + i] ?? -1) !== ascii.charCodeAt(i)) return false;
  return true;
}

function indexOf(b: Uint8Array, from: number, ascii: string): number {
  for (let i = from; i + ascii.length <= b.length; i++) if (startsWith(b, i, ascii)) return i;
  return -1;
}

/** The HTML standard's prescan of a byte stream for its encoding. */
function prescan(b: Uint8Array): string | null {
  let pos = 0;
  while (pos < b.length) {
    if (startsWith(b, pos, '<!--')) {
      const end = indexOf(b, pos + 2, '-->');
      if (end < 0) return null;
      pos = end + 3;
    } else if (startsWith(b, pos, '<meta') && (SPACE.has(b[pos + 5]) || b[pos + 5] === 0x2f)) {
      const r = metaEncoding(b, pos + 6);
      if (r.encoding) return r.encoding;
      pos = r.next;
    } else if (b[pos] === 0x3c && (isLetter(b[pos + 1]) || (b[pos + 1] === 0x2f && isLetter(b[pos + 2])))) {
      pos += 2;
      while (pos < b.length && !SPACE.has(b[pos]) && b[pos] !== 0x3e) pos++;
      let a: Attribute | null;
      while ((a = attribute(b, pos)) !== null) pos = a.next;
      pos = skipAttributes(b, pos) + 1;
    } else if (b[pos] === 0x3c && (b[pos + 1] === 0x21 || b[pos + 1] === 0x2f || b[pos + 1] === 0x3f)) {
      while (pos < b.length && b[pos] !== 0x3e) pos++;
      pos++;
    } else {
      pos++;
    }
  }
  return null;
}

function skipAttributes(b: Uint8Array, pos: number): number {
  while (pos < b.length && b[pos] !== 0x3e) pos++;
  return pos;
}

function metaEncoding(b: Uint8Array, pos: number): { encoding: string | null; next: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  let a: Attribute | null;
  while ((a = attribute(b, pos)) !== null) {
    pos = a.next;
    if (seen.has(a.name)) continue;
    seen.add(a.name);
    if (a.name === 'http-equiv') gotPragma ||= a.value === 'content-type';
    else if (a.name === 'content' && charset === null) {
      const label = charsetInContent(a.value);
      if (label !== null) { charset = encodingOfLabel(label); needPragma = true; }
    } else if (a.name === 'charset') {
      charset = encodingOfLabel(a.value);
      needPragma = false;
    }
  }
  const next = skipAttributes(b, pos) + 1;
  if (needPragma === null || (needPragma && !gotPragma) || charset === null) return { encoding: null, next };
  return { encoding: charset, next };
}

interface Attribute { name: string; value: string; next: number }

/** The HTML standard's "get an attribute" over bytes (names and values lower-cased, as the standard does). */
function attribute(b: Uint8Array, pos: number): Attribute | null {
  while (pos < b.length && (SPACE.has(b[pos]) || b[pos] === 0x2f)) pos++;
  if (pos >= b.length || b[pos] === 0x3e) return null;
  let name = '';
  for (;; pos++) {
    if (pos >= b.length) return null;
    const c = b[pos];
    if (c === 0x3d && name) { pos++; break; }
    if (SPACE.has(c)) {
      while (pos < b.length && SPACE.has(b[pos])) pos++;
      if (b[pos] !== 0x3d) return { name, value: '', next: pos };
      pos++;
      break;
    }
    if (c === 0x2f || c === 0x3e) return { name, value: '', next: pos };
    name += String.fromCharCode(lower(c));
  }
  while (pos < b.length && SPACE.has(b[pos])) pos++;
  if (pos >= b.length) return null;
  const q = b[pos];
  let value = '';
  if (q === 0x22 || q === 0x27) {
    for (pos++; pos < b.length; pos++) {
      if (b[pos] === q) return { name, value, next: pos + 1 };
      value += String.fromCharCode(lower(b[pos]));
    }
    return null;
  }
  if (q === 0x3e) return { name, value: '', next: pos };
  for (; pos < b.length && !SPACE.has(b[pos]) && b[pos] !== 0x3e; pos++) value += String.fromCharCode(lower(b[pos]));
  return pos < b.length ? { name, value, next: pos } : null;
}

/** The HTML standard's "extract a character encoding from a meta element" (content="text/html; charset=gbk"). */
function charsetInContent(s: string): string | null {
  let i = 0;
  for (;;) {
    const at = s.indexOf('charset', i);
    if (at < 0) return null;
    i = at + 7;
    while (SPACE.has(s.charCodeAt(i))) i++;
    if (s[i] !== '=') continue;
    i++;
    while (SPACE.has(s.charCodeAt(i))) i++;
    const q = s[i];
    if (q === '"' || q === "'") {
      const end = s.indexOf(q, i + 1);
      return end < 0 ? null : s.slice(i + 1, end);
    }
    let end = i;
    while (end < s.length && !SPACE.has(s.charCodeAt(end)) && s[end] !== ';') end++;
    return end > i ? s.slice(i, end) : null;
  }
}
