// What kind of published document a file is, from its bytes (signature) and, failing that, its name. Small and
// free of the readers' libraries, so that the CLI can decide for every file without loading them.
import type { FormatKind } from './types';

/** Extensions of the files the readers are for (a directory given to the CLI is searched for some of them). */
export const DOCUMENT_EXTENSIONS: Readonly<Record<string, FormatKind>> = {
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.docx': 'docx', '.doc': 'docx', '.pdf': 'pdf',
};

/**
 * The kind of document `bytes` hold, or null for plain text (read by the CLI's text decoder instead). The bytes
 * decide first, so a .doc that is really a web page (as many sites serve) is read as one, and a Word 97–2003
 * .doc (an OLE file) goes to the Word reader, which names it.
 */
export function documentKind(bytes: Uint8Array, fileName: string): FormatKind | null {
  if (isZip(bytes) || isCfb(bytes)) return 'docx';
  if (isPdf(bytes)) return 'pdf';
  if (looksLikeHtml(bytes)) return 'html';
  return DOCUMENT_EXTENSIONS[extension(fileName)] ?? null;
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && b[3] === b[2] + 1;
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: a Word 97–2003 .doc, or a password-protected .docx (which Word stores as one). */
export function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && CFB_SIGNATURE.every((x, i) => b[i] === x);
}

/** "%PDF-" within the first KB (some producers put bytes before it, which readers accept: PDF 32000-1 annex H). */
export function isPdf(b: Uint8Array): boolean {
  // Searched in the bytes: a string of the first KB built for every text file cost the CLI ≈ 2 % of its linting time.
  return indexOfAscii(b, '%PDF-', 0, 1024) >= 0;
}

/** Where the ASCII text `ascii` first is in `bytes[from, to)`, or -1. */
export function indexOfAscii(bytes: Uint8Array, ascii: string, from: number, to: number): number {
  const end = Math.min(to, bytes.length) - ascii.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < ascii.length; k++) if (bytes[i + k] !== ascii.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Markup at the start, after a byte-order mark and white space: a web page whatever its name (.doc, .txt). */
function looksLikeHtml(b: Uint8Array): boolean {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && i < 1024 && (b[i] === 0x20 || (b[i] >= 0x09 && b[i] <= 0x0d))) i++;
  const head = String.fromCharCode(...b.subarray(i, i + 15)).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<meta') || head.startsWith('<head');
}

function extension(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
