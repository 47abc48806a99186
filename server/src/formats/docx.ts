// A Word document (.docx) → report text. fflate reads the zip: its central directory first (is the archive whole,
// what does it hold, how large does it say word/document.xml is), then that one entry, inflated as a stream and
// stopped as soon as it grows past its declared size or the limit, so a zip bomb costs neither time nor memory.
// saxes parses the XML as it arrives; the handler below turns WordprocessingML into the block tree (blocks.ts):
// paragraphs (w:p, text of w:t runs; tabs, breaks), tables (w:tbl/w:tr/w:tc, vMerge continuations marked),
// content controls' content, insertions kept and deletions, field codes and placeholder text left out.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { BlockBuilder, reportText } from './blocks';
import { Budget } from './budget';
import { isCfb, isZip } from './kind';
import { FormatError, type Extracted, type ReadLimits } from './types';

const DOCUMENT = 'word/document.xml';
/** Compressed bytes handed to the inflater at a time: at most ≈ 1,000 times as many come out of one. */
const CHUNK = 2 * 1024;
/** Inflated bytes handed to the XML parser at a time, the clock checked between them. */
const XML_CHUNK = 256 * 1024;
/**
 * Word's XML compresses about 5–20 to 1; past 100 to 1 a large entry is a zip bomb, refused before inflating
 * anything (as Apache POI does). Small entries may compress better (a template of empty cells).
 */
const MAX_RATIO = 100;
const RATIO_FROM_BYTES = 1024 * 1024;
/** The longest stretch of XML without a tag: a run of text longer than this is no document's. */
const MAX_TEXT_RUN = 1024 * 1024;

export function readDocx(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Extracted {
  const budget = new Budget(limits);
  budget.checkInput(bytes.length);
  if (isCfb(bytes)) throw cfbError(bytes);
  if (startsWithAscii(bytes, '{\\rtf')) throw new FormatError('legacyFormat', 'a Rich Text (RTF) document');
  if (!isZip(bytes)) throw new FormatError('malformed', 'not a zip archive, so not a Word (.docx) document');
  const declared = documentSize(bytes, budget);
  const builder = new BlockBuilder(budget, false);
  const xml = new DocumentXml(builder);
  inflateDocument(bytes, declared, budget, (chunk) => xml.write(chunk, budget));
  xml.close();
  const laid = reportText(builder.finish(), false, budget);
  if (laid.text.trim() === '') throw new FormatError('noText', 'the document holds no text');
  return { kind: 'docx', text: laid.text, source: null, encoding: null, tableFields: 'exact' };
}

function startsWithAscii(b: Uint8Array, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) return false;
  return true;
}

function cfbError(b: Uint8Array): FormatError {
  // An encrypted .docx keeps its package in a stream named "EncryptedPackage" (MS-OFFCRYPTO).
  if (includesUtf16(b, 'EncryptedPackage')) return new FormatError('encrypted', 'password-protected Word document');
  return new FormatError('legacyFormat', 'an OLE file: a Word 97–2003 .doc, or an encrypted document');
}

function includesUtf16(b: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (b[i + 2 * k] !== name.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** The declared size of word/document.xml, from the central directory (which also proves the archive whole). */
function documentSize(bytes: Uint8Array, budget: Budget): number {
  let size = -1;
  let compressed = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter(f) {
        entries++;
        if (f.name === DOCUMENT) { size = f.originalSize; compressed = f.size; }
        return false;
      },
    });
  } catch (err) {
    // The directory sits at the end of the archive: without it the file was cut short.
    throw new FormatError('truncated', `zip archive without its central directory (${(err as Error).message})`);
  }
  if (size < 0) {
    throw new FormatError('malformed', entries ? `no ${DOCUMENT} in the archive: not a Word document` : 'empty zip archive');
  }
  if (size > budget.limits.maxInflatedBytes) {
    throw new FormatError('tooLarge', `${DOCUMENT} declares ${size} bytes, over ${budget.limits.maxInflatedBytes}`);
  }
  if (size > RATIO_FROM_BYTES && size > MAX_RATIO * compressed) {
    throw new FormatError('tooLarge', `${DOCUMENT} would inflate ${compressed} bytes to ${size}, more than ${MAX_RATIO} to 1: a zip bomb`);
  }
  return size;
}

/** Streams word/document.xml's inflated bytes to `sink`, never more than it declared or the limit allows. */
function inflateDocument(bytes: Uint8Array, declared: number, budget: Budget, sink: (chunk: Uint8Array) => void): void {
  const cap = Math.min(declared, budget.limits.maxInflatedBytes);
  let total = 0;
  let found = false;
  let done = false;
  const unzip = new Unzip((file) => {
    if (file.name !== DOCUMENT || found) return;
    found = true;
    file.ondata = (err, chunk, final) => {
      if (err) throw err instanceof FormatError ? err : new FormatError('malformed', `${DOCUMENT}: ${err.message}`);
      total += chunk.length;
      if (total > cap) {
        throw new FormatError('tooLarge', total > declared ? `${DOCUMENT} inflates past its declared ${declared} bytes` : `${DOCUMENT} over ${cap} bytes`);
      }
      sink(chunk);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !done; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
      budget.checkTime();
    }
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw new FormatError('malformed', `${DOCUMENT}: ${(err as Error).message}`);
  }
  if (!done) throw new FormatError(found ? 'truncated' : 'malformed', `${DOCUMENT} ${found ? 'is cut short' : 'could not be read'}`);
}

// ---------------------------------------------------------------- WordprocessingML

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // Strict Open XML
]);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Elements whose whole content is left out: deleted or moved-away text, and an alternative's fallback copy. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText']);

type Role = 'none' | 'p' | 'r' | 'rPr' | 't' | 'tbl' | 'tr' | 'tc' | 'tcPr' | 'sdt' | 'sdtPr' | 'txbx';

class DocumentXml {
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private readonly roles: Role[] = [];
  /** Depth inside a left-out element (0: reading). */
  private skip = 0;
  private runHidden = false;
  /** For each open content control, whether it shows placeholder text (w:showingPlcHdr). */
  private readonly placeholders: boolean[] = [];
  private root = true;
  /** XML characters written since the last tag. */
  private sinceTag = 0;

  constructor(private readonly out: BlockBuilder) {
    this.parser.on('opentag', (t) => this.openTag(t));
    this.parser.on('closetag', () => this.closeTag());
    this.parser.on('text', (s) => this.text(s));
    this.parser.on('cdata', (s) => this.text(s));
    this.parser.on('error', (e) => { throw new FormatError('malformed', `${DOCUMENT}: ${e.message}`); });
  }

  write(bytes: Uint8Array, budget: Budget): void {
    // The XML declaration's encoding: UTF-8, or UTF-16 with its byte-order mark.
    this.decoder ??= new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8');
    for (let at = 0; at < bytes.length; at += XML_CHUNK) {
      const s = this.decoder.decode(bytes.subarray(at, at + XML_CHUNK), { stream: true });
      this.sinceTag += s.length;
      this.parser.write(s);
      // The parser holds a text node whole until the next tag: a tagless stretch must not grow without end.
      if (this.sinceTag > MAX_TEXT_RUN) throw new FormatError('tooLarge', `${DOCUMENT} has more than ${MAX_TEXT_RUN} characters without a tag`);
      budget.checkTime();
    }
  }

  close(): void {
    if (!this.decoder) throw new FormatError('malformed', `${DOCUMENT} is empty`);
    this.parser.write(this.decoder.decode());
    this.parser.close();
  }

  private openTag(tag: SaxesTagNS): void {
    this.sinceTag = 0;
    if (this.root) {
      this.root = false;
      if (!W_NS.has(tag.uri) || tag.local !== 'document') throw new FormatError('malformed', `${DOCUMENT} is not a WordprocessingML document`);
    }
    if (this.skip > 0 || this.skipped(tag)) { this.skip++; return; }
    this.roles.push(W_NS.has(tag.uri) ? this.openW(tag) : 'none');
  }

  private skipped(tag: SaxesTagNS): boolean {
    if (tag.uri === MC_NS) return tag.local === 'Fallback';
    if (!W_NS.has(tag.uri)) return false;
    if (SKIPPED.has(tag.local)) return true;
    // A content control showing its placeholder ("单击此处输入文字") holds no text of the report.
    return tag.local === 'sdtContent' && this.placeholders.at(-1) === true;
  }

  private get parent(): Role { return this.roles[this.roles.length - 1] ?? 'none'; }

  private openW(tag: SaxesTagNS): Role {
    const inRun = this.parent === 'r';
    switch (tag.local) {
      case 'p': this.out.paragraph(); return 'p';
      case 'r': this.runHidden = false; return 'r';
      case 'rPr': return inRun ? 'rPr' : 'none';
      case 'vanish': if (this.parent === 'rPr') this.runHidden = isOn(tag); return 'none';
      case 't': return inRun ? 't' : 'none';
      case 'tab': case 'ptab': if (inRun && !this.runHidden) this.out.tab(); return 'none';
      case 'br': case 'cr': if (inRun && !this.runHidden) this.out.paragraph(); return 'none';
      case 'noBreakHyphen': if (inRun && !this.runHidden) this.out.text('-'); return 'none';
      case 'tbl': this.out.startTable('marked'); return 'tbl';
      case 'tr': this.out.startRow(); return 'tr';
      case 'tc': return this.out.startCell(-1, 1, 1, 'none') ? 'tc' : 'none';
      case 'tcPr': return this.parent === 'tc' ? 'tcPr' : 'none';
      case 'vMerge': if (this.parent === 'tcPr' && attr(tag, 'val') !== 'restart') this.out.markCell('up'); return 'none';
      case 'hMerge': if (this.parent === 'tcPr' && attr(tag, 'val') !== 'restart') this.out.markCell('left'); return 'none';
      case 'sdt': this.placeholders.push(false); return 'sdt';
      case 'sdtPr': return this.parent === 'sdt' ? 'sdtPr' : 'none';
      case 'showingPlcHdr': if (this.parent === 'sdtPr') this.placeholders[this.placeholders.length - 1] = isOn(tag); return 'none';
      case 'txbxContent': this.out.suspend(); return 'txbx';
      default: return 'none';
    }
  }

  private closeTag(): void {
    this.sinceTag = 0;
    if (this.skip > 0) { this.skip--; return; }
    switch (this.roles.pop()) {
      case 'p': this.out.paragraph(); break;
      case 'tbl': this.out.endTable(); break;
      case 'tr': this.out.endRow(); break;
      case 'tc': this.out.endCell(); break;
      case 'sdt': this.placeholders.pop(); break;
      case 'txbx': this.out.resume(); break;
    }
  }

  private text(s: string): void {
    if (this.skip === 0 && this.parent === 't' && !this.runHidden) this.out.text(s);
  }
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local && W_NS.has(a.uri)) return a.value;
  return undefined;
}

/** A Word on/off property: on unless w:val says false. */
function isOn(tag: SaxesTagNS): boolean {
  const v = attr(tag, 'val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
}
