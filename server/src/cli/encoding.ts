// Reading a report's bytes as text, and writing text back in the same encoding.
// Recognised: UTF-8 (with/without BOM), UTF-16 LE/BE with BOM, GB18030/GBK (when the bytes are not valid UTF-8).
// Node has no GB18030 encoder, so GB18030 text can be read but not written back (see canEncode).
import { isUtf8 } from 'node:buffer';

export type EncodingId = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: EncodingId }
  | { ok: false; reason: 'binary' | 'invalid-text' | 'invalid-utf16'; encoding?: EncodingId };

/** C0 control characters other than \t \n \v \f \r and ESC-free text; a few in a real report are tolerated. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 0xfffd) n++;
  }
  return n / text.length;
}

function looksBinary(text: string): boolean {
  return text.includes('\u0000') || controlRatio(text) > 0.01;
}

export function decode(bytes: Uint8Array): DecodeResult {
  // BOMs first: UTF-16 text is full of NUL bytes, so it must be recognised before the binary check.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrict(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrict(bytes.subarray(2), 'utf-16be');
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const r = decodeStrict(bytes.subarray(3), 'utf-8-bom');
    return r.ok || r.reason === 'binary' ? r : { ok: false, reason: 'invalid-text' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  // The common case, checked and decoded natively (same verdict as a fatal TextDecoder, a few times faster).
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return looksBinary(text) ? { ok: false, reason: 'binary' } : { ok: true, text, encoding: 'utf-8' };
  }
  // Not UTF-8: try GB18030.
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return looksBinary(text) ? { ok: false, reason: 'binary' } : { ok: true, text, encoding: 'gb18030' };
  } catch {
    return { ok: false, reason: 'invalid-text' };
  }
}

function decodeStrict(body: Uint8Array, encoding: EncodingId): DecodeResult {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && body.length % 2 !== 0) {
    return { ok: false, reason: 'invalid-utf16', encoding };
  }
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    if (looksBinary(text)) return { ok: false, reason: 'binary', encoding };
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: encoding === 'utf-8-bom' ? 'invalid-text' : 'invalid-utf16', encoding };
  }
}

export function canEncode(encoding: EncodingId): boolean {
  return encoding !== 'gb18030';
}

/** The bytes of `text` in `encoding`, with the BOM the encoding implies. Throws for GB18030. */
export function encode(text: string, encoding: EncodingId): Buffer {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      le.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 'gb18030': throw new Error('no GB18030 encoder');
  }
}

/** Line-end style of a text: 'crlf' only when every line break is CRLF. */
export function lineEnds(text: string): 'crlf' | 'lf' | 'mixed' | 'none' {
  let crlf = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) { if (text.charCodeAt(i + 1) === 10) { crlf++; i++; } else other++; }
    else if (c === 10) other++;
  }
  if (crlf === 0 && other === 0) return 'none';
  if (other === 0) return 'crlf';
  if (crlf === 0) return 'lf';
  return 'mixed';
}

/** Turn every lone \n (and lone \r) into \r\n: used to keep a CRLF file CRLF after fixes inserted \n. */
export function toCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}
