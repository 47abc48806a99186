// Year against year in the CLI: which files are last year's reports of which (the pairs the user named with
// --previous or the configuration's `pairs`, else the office and year of their titles), the files read only to be
// compared with (named as last year's report but not given to check), and the findings that the comparison adds
// to each result. Runs in the main thread on the facts the workers sent back: comparing is cheap.
import * as path from 'node:path';
import { lintOptionsOf, resolveSettings } from '../config/resolve';
import type { FileSettings, ProjectConfig } from '../config/types';
import { byPlace, compareYears, pairReports, type Locale, type PairingNote } from '../engine';
import { toDiagnostics, type FileResult } from './lintFile';

export interface YearPlan {
  /** The files to read: those given, then the ones read only for comparison. */
  files: string[];
  /** How many of `files` are to be checked and printed (the rest are last year's reports named explicitly). */
  visible: number;
  /** Explicit pairs: index → index of last year's report. */
  explicit: Map<number, number>;
}

/** Add last year's reports named by --previous or the configuration's pairs that are not among `files`. */
export function planYears(files: readonly string[], previous: string | null, config: ProjectConfig | null): YearPlan {
  const all = [...files];
  const explicit = new Map<number, number>();
  const indexOf = (file: string) => {
    const abs = path.resolve(file);
    let k = all.findIndex((f) => path.resolve(f) === abs);
    if (k < 0) { k = all.length; all.push(file); }
    return k;
  };
  if (previous !== null && files.length === 1) explicit.set(0, indexOf(previous));
  for (const p of config?.pairs ?? []) {
    const current = files.findIndex((f) => path.resolve(f) === path.resolve(config!.dir, p.current));
    if (current >= 0 && !explicit.has(current)) explicit.set(current, indexOf(path.join(config!.dir, p.previous)));
  }
  return { files: all, visible: files.length, explicit };
}

export interface Compared {
  /** index → index of last year's report it was compared with. */
  previous: Map<number, number>;
  notes: PairingNote[];
}

/**
 * Pair the results and add the year-against-year findings to each visible result that has last year's report
 * (in place). Related locations without a file are in the result's own file.
 */
export function compareResults(results: FileResult[], plan: YearPlan, settings: { base: FileSettings; config: ProjectConfig | null }, locale: Locale): Compared {
  const inputs = results.slice(0, plan.visible).map((r, i) => ({
    id: String(i), facts: r.facts, ...(plan.explicit.has(i) ? { previous: String(plan.explicit.get(i)) } : {}),
  }));
  const pairing = pairReports(inputs);
  const previous = new Map<number, number>();
  for (const [id, prevId] of pairing.previous) {
    const i = Number(id);
    const j = Number(prevId);
    const cur = results[i];
    const prev = results[j];
    if (!cur.facts || !prev?.facts) continue;
    previous.set(i, j);
    const options = lintOptionsOf(resolveSettings(settings.base, settings.config, cur.file), locale);
    const { findings } = compareYears(cur.facts, { facts: prev.facts, file: prev.file, label: path.basename(prev.file) }, options);
    if (!findings.length) continue;
    const added = toDiagnostics(findings.map((f) => ({ ...f, related: f.related?.map((x) => ({ ...x, file: x.file ?? cur.file })) })));
    cur.diagnostics = [...cur.diagnostics, ...added].sort(byPlace);
  }
  return { previous, notes: pairing.notes.map((n) => ({ ...n, ids: n.ids.map((id) => results[Number(id)].file) })) };
}
