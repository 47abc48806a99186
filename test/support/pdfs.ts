// Hand-made PDFs for tests: a one-page PDF of a given content stream and font, and a stream that inflates
// without bound (a "flate bomb") that a reader must stop.
import zlib from 'node:zlib';

/**
 * A one-page PDF of a content stream (FlateDecode when `deflate`: zlib's, or the given deflater's) and a font as
 * object 5, /F1 (and its parts after it; `moreFonts` names further fonts among them, as in '/F2 8 0 R').
 */
export function onePagePdf(content: Buffer, font: string[], deflate: boolean | ((content: Buffer) => Buffer) = false, moreFonts = ''): Uint8Array {
  const deflater = deflate === true ? (c: Buffer) => zlib.deflateSync(c, { level: 1 }) : deflate;
  const data = deflater ? deflater(content) : content;
  const stream = Buffer.concat([Buffer.from(`<< /Length ${data.length}${deflate ? ' /Filter /FlateDecode' : ''} >>\nstream\n`), data, Buffer.from('\nendstream')]);
  const objs: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R ${moreFonts} >> >> >>`,
    stream,
    ...font,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objs.forEach((o, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A page whose content stream inflates to `mib` MiB (spaces after a line of text): a 1 MB file. */
export function flateBomb(mib: number): Uint8Array {
  const content = Buffer.concat([Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n'), Buffer.alloc(mib * 1048576, 0x20)]);
  return onePagePdf(content, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'], true);
}

/** STSong-Light named and not embedded (objects 5–7: the font, its CIDFont, its descriptor), in a CMap of Adobe-GB1. */
export function stSongFont(encoding: string): string[] {
  return [
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [6 0 R] >>`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
}
