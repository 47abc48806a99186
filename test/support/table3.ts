// Rewrites table 三 of a row-per-line report with other figures, so a fixture can carry the figures of a real table.

/** Table 三 figures by row label prefix ("一、本年新收", "（七）总计", "1.本机关不掌握"); rows not named get zeros. */
export type Table3Figures = Record<string, number[]>;

/** Replace the seven figures of every row from 一、本年新收 to 四、结转下年度 of a row-per-line text. */
export function withTable3(text: string, figures: Table3Figures): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const last = lines.findIndex((l, i) => i > first && l.startsWith('四、结转下年度'));
  if (first < 0 || last < 0) throw new Error('no row-per-line table 三');
  const used = new Set<string>();
  for (let i = first; i <= last; i++) {
    const fields = lines[i].split('\t');
    const label = fields[fields.length - 8];
    const key = Object.keys(figures).find((k) => label.startsWith(k));
    if (key) used.add(key);
    const values = key ? figures[key] : [0, 0, 0, 0, 0, 0, 0];
    lines[i] = [...fields.slice(0, -7), ...values.map(String)].join('\t');
  }
  const unused = Object.keys(figures).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`no row of table 三 starts with ${unused.join(', ')}`);
  return lines.join('\n');
}
