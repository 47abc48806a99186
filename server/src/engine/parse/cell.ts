// Reading a cell's value for its column kind (spec §7).
import type { ColumnKind } from '../template/types';
import type { CellModel } from '../types';
import { norm } from '../text';

/** Placeholders that mean "blank" in published reports: each is a finding, never a zero. */
const PLACEHOLDER = /^(?:\/|\\|-{1,2}|—{1,2}|无|空|\.{3}|…{1,2}|×|\*)$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const MONEY_UNIT = /(?:万元|元)$/;
const COUNT_UNIT = /(?:件|条|个|项|次|人)$/;

const ALL_DIGITS = /^\d{1,12}$/;

/** Characters a value can hold besides digits, signs and separators: units and the placeholders 无/空. */
const VALUE_WORDS = new Set('无空万元件条个项次人余');

/** True when the text reads as a cell value (a number or a placeholder), not a label. */
export function isValueLike(text: string): boolean {
  if (text === '' || ALL_DIGITS.test(text)) return true;
  // Fast path: a CJK character that is no unit or placeholder makes a label ("1.属于国家秘密").
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && !VALUE_WORDS.has(text[i])) return false;
  }
  const n = norm(text).replace(/，/g, ',');
  // "12余" reads as a value (an invalid one: a count must be exact).
  return PLACEHOLDER.test(n) || NUMBER.test(n.replace(/余$/, '').replace(MONEY_UNIT, '').replace(COUNT_UNIT, ''));
}

export function readCell(text: string, kind: ColumnKind): Pick<CellModel, 'kind' | 'value' | 'invalidReason'> {
  if (/^\d{1,9}$/.test(text)) return { kind: 'number', value: Number(text) }; // the common case
  if (text.trim() === '') return { kind: 'blank', value: null };
  const n = norm(text).replace(/，/g, ',');
  if (PLACEHOLDER.test(n)) return { kind: 'placeholder', value: null };
  const stripped = kind === 'money' ? n.replace(MONEY_UNIT, '') : n.replace(COUNT_UNIT, '');
  const m = NUMBER.exec(stripped);
  if (!m) return { kind: 'invalid', value: null, invalidReason: 'text' };
  const value = Number(`${m[1] === '-' ? '-' : ''}${m[2].replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  if (kind !== 'signed' && value < 0) return { kind: 'invalid', value, invalidReason: 'negative' };
  if (kind !== 'signed' && kind !== 'money' && m[1] === '+') return { kind: 'invalid', value, invalidReason: 'text' };
  if (kind !== 'money' && m[3] !== undefined) return { kind: 'invalid', value, invalidReason: 'decimal' };
  return { kind: 'number', value };
}
