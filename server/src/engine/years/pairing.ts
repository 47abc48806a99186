// Which report is last year's of which: the reports of one office (the office named in the title, normalised) for
// consecutive years, or the pairs the user named. Pure: the adapters give each report's facts and an id.
import type { YearFacts } from '../types';

export interface PairingInput {
  /** The adapter's name for the report (a path, a URI). */
  id: string;
  facts: YearFacts | null;
  /** An explicit pairing: the id of last year's report (wins over matching by office and year). */
  previous?: string;
}

/** Several reports of one office claim last year: none is compared until the user pairs them explicitly. */
export interface PairingNote { office: string; year: number; ids: string[] }

export interface Pairing {
  /** id → id of last year's report. */
  previous: Map<string, string>;
  notes: PairingNote[];
}

export function pairReports(inputs: readonly PairingInput[]): Pairing {
  const byOfficeYear = new Map<string, string[]>();
  const key = (office: string, year: number) => `${year}\u0000${office}`;
  for (const r of inputs) {
    if (!r.facts?.office || r.facts.year === null) continue;
    const k = key(r.facts.office, r.facts.year);
    const list = byOfficeYear.get(k);
    if (list) list.push(r.id); else byOfficeYear.set(k, [r.id]);
  }
  const previous = new Map<string, string>();
  const notes = new Map<string, PairingNote>();
  for (const r of inputs) {
    if (r.previous !== undefined) { if (r.previous !== r.id) previous.set(r.id, r.previous); continue; }
    if (!r.facts?.office || r.facts.year === null) continue;
    const k = key(r.facts.office, r.facts.year - 1);
    const candidates = byOfficeYear.get(k) ?? [];
    if (candidates.length === 1) previous.set(r.id, candidates[0]);
    else if (candidates.length > 1 && !notes.has(k)) notes.set(k, { office: r.facts.officeName ?? r.facts.office, year: r.facts.year - 1, ids: candidates });
  }
  return { previous, notes: [...notes.values()] };
}
