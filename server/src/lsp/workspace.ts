// The folder of reports: every report of the workspace is checked in the background, not only the open ones, so
// that the Problems panel lists them all and year-against-year rules find last year's report. The files are read
// and linted by the CLI's worker pool (cli/pool.ts: threads with time budgets, a crash or hang costs one file),
// never on the server's own thread, so edits of the open report stay as fast as without the pass; progress goes
// through window/workDoneProgress; changes on disk (workspace/didChangeWatchedFiles) are checked again, a few at a
// time. Results of documents open in the editor come from the editor's text (session.ts), not from disk.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  type Connection, type Diagnostic, type FileEvent, type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { findConfig, loadConfig } from '../config/load';
import { configErrorText } from '../config/messages';
import { format } from '../engine/messages';
import { lspMessages } from './messages';
import { lintOptionsOf, resolveSettings } from '../config/resolve';
import type { ProjectConfig } from '../config/types';
import { byPlace, compareYears, pairReports, type Finding, type LintResult, type Locale, type PreviousYear, type YearFacts } from '../engine';
import { norm } from '../engine/text';
import { startPool, type Pool } from '../cli/pool';
import { fileBudgetMs } from '../cli/threads';
import type { TaskOptions } from '../cli/worker';
import type { FileResult } from '../cli/lintFile';
import { toDiagnostic } from './convert';
import { EXTRACT_SCHEME } from '../protocol';
import { REPORTS_CHANGED, type ReportInfo } from '../protocol';
import type { Settings } from './settings';
import { filesExcludeOf, findReportFiles, wanted, workspaceSettingsOf, type FolderRules } from './workspaceFiles';

/** What the workspace asks of the rest of the server (session.ts). */
export interface WorkspaceHost {
  connection: Connection;
  log(what: string, err?: unknown): void;
  locale(): Locale;
  /** The govReport settings for a scope, as the client gives them (validated), and a raw section. */
  settings(scopeUri: string): Promise<Settings>;
  section(scopeUri: string, section: string): Promise<unknown>;
  isOpen(uri: string): boolean;
  /** The open documents' lint results (with last year's findings), for the Reports view. */
  openResults(): Promise<{ uri: string; result: LintResult }[]>;
  /** Lint the open documents again (last year's report may have changed). */
  revalidateOpen(): void;
  /** The bundle to start worker threads from (null: no background pass). */
  script: string | null;
  progress: boolean;
  watch: boolean;
}

/** A workspace folder: which files it checks, and the settings its reports are checked with. */
interface Folder extends FolderRules { base: Settings }

interface Entry {
  file: string;
  /** Where its diagnostics are published: the file, or the text of a Word document or PDF. */
  uri: string;
  kind: ReportInfo['kind'];
  folder: Folder;
  result: FileResult;
  /** Findings of the year-against-year rules, and last year's report (its uri). */
  year: Finding[];
  previous: string | null;
}

/** Only files whose title names a report are reports (a README.md or a note in the folder is not). */
const REPORT_TITLE = /信息公开.{0,15}报告/;
const CHANGE_DELAY_MS = 300;
/** The longest the background pass holds for the lint of an open document, and how long it stays quiet after it. */
const EDIT_HOLD_MS = 100;
const QUIET_MS = 15;
/**
 * Keystrokes closer than this are typing: between two of them the pass works only until LEAD_SHARE of the interval
 * before the next is due, so that its thread is between files when it comes (a file under way is not interrupted,
 * and on two cores its work slows the edit's lint even at a lower priority).
 */
const TYPING_MS = 400;
const LEAD_SHARE = 0.3;

export class Workspace {
  private folders: Folder[] = [];
  private readonly entries = new Map<string, Entry>();
  /** The same entries by file: a pass looks up each file's old entry (a scan of the entries made a pass O(n²)). */
  private readonly entryByFile = new Map<string, Entry>();
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = new Set<string>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private roots: string[] = [];
  private warned = new Set<string>();
  /** Entries to publish, one per turn of the event loop, so that an edit of an open report never waits behind them. */
  private readonly toPublish = new Set<Entry>();
  private publishing = false;
  private drainWaiters: (() => void)[] = [];
  /** Configurations of directories outside the workspace folders. */
  private readonly configs = new Map<string, ProjectConfig | null>();
  /** The entries by year and office (officeYearKey), kept as entries come and go: looked up on every edit. */
  private readonly byOfficeYear = new Map<string, Entry[]>();
  /** An open document is being linted (or was just published): the pass and its publications wait. */
  private held = false;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pool of the pass under way, held while the user types. */
  private pool: Pool | null = null;
  /** The last keystroke (performance.now()), the time since the one before, and the hold before the next one. */
  private lastKeystroke = -Infinity;
  private keystrokeInterval = Infinity;
  private leadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: WorkspaceHost) {}

  get active(): boolean { return this.roots.length > 0 && this.host.script !== null; }

  /** Start with the workspace folders (file: URIs): watch them and check every report in them. */
  start(folderUris: string[]): void {
    this.roots = folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    if (!this.active) return;
    if (this.host.watch) {
      void this.host.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{txt,md,docx,html,htm,pdf}' }, { globPattern: '**/gov-report.config.json' }],
      }).catch((err: unknown) => this.host.log('register file watchers', err));
    }
    this.enqueue(() => this.fullPass());
  }

  /** Settings or the configuration changed: everything is checked again. */
  settingsChanged(): void {
    this.configs.clear();
    if (this.active) this.enqueue(() => this.fullPass());
  }

  filesChanged(changes: readonly FileEvent[]): void {
    if (!this.active) return;
    if (changes.some((c) => c.uri.endsWith('/gov-report.config.json'))) { this.settingsChanged(); return; }
    for (const c of changes) this.changed.add(c.uri);
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      const uris = [...this.changed];
      this.changed.clear();
      this.enqueue(() => this.partialPass(uris));
    }, CHANGE_DELAY_MS);
  }

  /** A document was closed: its diagnostics are those of the file on disk again (or none). */
  closed(uri: string): Diagnostic[] {
    const e = this.entries.get(uri);
    return e ? this.diagnosticsOf(e) : [];
  }

  /** The project configuration for a file (its workspace folder's, else the nearest above it), or null. */
  configFor(file: string): ProjectConfig | null {
    const folder = this.folders.find((f) => !path.relative(f.root, file).startsWith('..'));
    if (folder) return folder.config;
    // Outside the folders (looked up on every edit): once per directory until the configuration changes.
    const dir = path.dirname(file);
    if (!this.configs.has(dir)) this.configs.set(dir, this.loadConfigAt(dir));
    return this.configs.get(dir)!;
  }

  /** The settings of an open document: the editor's, and the configuration's for the files it names. */
  resolve(uri: string, base: Settings): Settings {
    if (!uri.startsWith('file:')) return base;
    const file = fileURLToPath(uri);
    return resolveSettings(base, this.configFor(file), file);
  }

  /** Last year's report of an open document's office in the workspace (explicit pairs first), or null. */
  previousFor(uri: string, facts: YearFacts | undefined): PreviousYear | null {
    if (!facts) return null;
    // As pairReports decides for the files on disk: an explicit pair first, else the one report of the office for
    // the year before (none when there are several).
    const explicit = this.explicitPrevious(uri);
    let prev = explicit ? this.entries.get(explicit) : undefined;
    if (!explicit && facts.office && facts.year !== null) {
      const candidates = this.byOfficeYear.get(officeYearKey(facts.office, facts.year - 1))?.filter((e) => e.uri !== uri) ?? [];
      if (candidates.length === 1) prev = candidates[0];
    }
    return prev?.result.facts ? { facts: prev.result.facts, file: prev.uri, label: path.basename(prev.file) } : null;
  }

  /** An entry in, in place of the one of its uri and the one of its file (the indexes follow). */
  private setEntry(e: Entry): void {
    const old = this.entries.get(e.uri);
    if (old) this.unindex(old);
    // The file's result may now be published under another uri (a file that was text and is now a Word document):
    // the entry of the old uri goes, with its diagnostics.
    const before = this.entryByFile.get(e.file);
    if (before && before.uri !== e.uri) this.drop(before);
    this.entries.set(e.uri, e);
    this.entryByFile.set(e.file, e);
    const key = officeYearKeyOf(e);
    if (key === null) return;
    const list = this.byOfficeYear.get(key);
    if (list) list.push(e); else this.byOfficeYear.set(key, [e]);
  }

  private unindex(e: Entry): void {
    const key = officeYearKeyOf(e);
    const list = key === null ? undefined : this.byOfficeYear.get(key);
    if (!list || key === null) return;
    const rest = list.filter((x) => x !== e);
    if (rest.length) this.byOfficeYear.set(key, rest); else this.byOfficeYear.delete(key);
  }

  /** Every report: from disk, or for an open one from the editor's text. */
  async reports(): Promise<ReportInfo[]> {
    const open = await this.host.openResults();
    const openUris = new Set(open.map((o) => o.uri));
    const out = [...this.entries.values()].filter((e) => !openUris.has(e.uri)).map((e) => this.infoOf(e));
    for (const o of open) {
      if (!o.result.facts || !isReportTitle(o.result.facts.title)) continue;
      const previous = this.previousFor(o.uri, o.result.facts)?.file ?? null;
      out.push(openInfo(o.uri, o.result, this.entries.get(o.uri), this.labelOf(o.uri), previous));
    }
    return out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }

  /** Tell the client that the list may have changed (debounced: an edit per keystroke is one notification). */
  notify(): void {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => { void this.host.connection.sendNotification(REPORTS_CHANGED).catch(() => undefined); }, 100);
  }

  /** Resolves once every queued publication was sent. */
  private drained(): Promise<void> {
    return this.publishing ? new Promise((resolve) => this.drainWaiters.push(resolve)) : Promise.resolve();
  }

  /** Wait for the passes queued so far (tests, the summary command). */
  idle(): Promise<void> { return this.queue; }

  // ------------------------------------------------------------------ passes

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((err: unknown) => this.host.log('workspace pass', err));
  }

  private async fullPass(): Promise<void> {
    this.folders = await Promise.all(this.roots.map((root) => this.rulesOf(root)));
    const found = await Promise.all(this.folders.map((f) => findReportFiles(f)));
    found.forEach((r, k) => { if (r.capped) this.host.log(`${this.folders[k].root}: more than ${this.folders[k].settings.maxFiles} report files; the rest are not checked in the background`); });
    const keep = new Set(found.flatMap((r) => r.files));
    for (const e of [...this.entries.values()]) if (!keep.has(e.file)) this.drop(e);
    const progress = await this.beginProgress(keep.size);
    let done = 0;
    for (let k = 0; k < this.folders.length; k++) {
      if (!this.folders[k].settings.enabled) continue;
      await this.lintFiles(this.folders[k], found[k].files, () => progress?.report(Math.round((++done / Math.max(1, keep.size)) * 100), `${done}/${keep.size}`));
    }
    this.pairAll();
    await this.drained();
    progress?.done();
    this.host.revalidateOpen();
    this.notify();
  }

  private async partialPass(uris: string[]): Promise<void> {
    const files = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    for (const folder of this.folders) {
      if (!folder.settings.enabled) continue;
      const mine = files.filter((f) => !path.relative(folder.root, f).startsWith('..'));
      const existing = mine.filter((f) => wanted(f, folder) && existsSync(f));
      for (const f of mine) if (!existing.includes(f)) { const e = this.entryOfFile(f); if (e) this.drop(e); }
      if (existing.length) await this.lintFiles(folder, existing, () => undefined);
    }
    this.pairAll();
    await this.drained();
    this.host.revalidateOpen();
    this.notify();
  }

  private async lintFiles(folder: Folder, files: string[], tick: () => void): Promise<void> {
    if (!files.length) return;
    const options: TaskOptions = {
      lint: { locale: this.host.locale(), fix: false, suggestions: false, facts: true },
      settings: { base: folder.base, config: folder.config },
      threads: workers(),
      background: true,
    };
    const pool = startPool(workers(), this.host.script!, options, fileBudgetMs(process.env));
    this.pool = pool;
    try {
      await pool.run(files, Math.min(files.length, workers()), { result: (i, r) => { this.take(folder, files[i], r); tick(); } });
    } finally {
      this.pool = null;
    }
  }

  /** An open document was changed: the pass holds (editing), and learns how fast the user types. */
  keystroke(): void {
    const now = performance.now();
    this.keystrokeInterval = now - this.lastKeystroke;
    this.lastKeystroke = now;
    this.editing();
  }

  /**
   * An open document is being linted: the pass holds its threads (between files) and its publications until it is
   * published, so that the edit has the cores; at most EDIT_HOLD_MS if edited() never comes.
   */
  editing(): void {
    clearTimeout(this.leadTimer);
    if (!this.pool && !this.publishing) return;
    this.pool?.pause(EDIT_HOLD_MS);
    this.held = true;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => this.release(), EDIT_HOLD_MS);
  }

  /**
   * The open document was published. The pass stays quiet a little longer (QUIET_MS), so that a burst of keystrokes
   * has the cores; then it goes on.
   */
  edited(): void {
    if (!this.held) return;
    this.pool?.resume();
    this.pool?.pause(QUIET_MS);
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => this.release(), QUIET_MS);
    // While the user types, hold again shortly before the next keystroke is due (at most EDIT_HOLD_MS if it is late).
    const hold = holdBeforeNextKeystroke(this.keystrokeInterval, performance.now() - this.lastKeystroke);
    clearTimeout(this.leadTimer);
    if (hold !== null) this.leadTimer = setTimeout(() => this.pool?.pause(EDIT_HOLD_MS), hold);
  }

  private release(): void {
    this.held = false;
    this.pool?.resume();
    if (this.publishing) setImmediate(() => this.publishNext());
  }

  /** A file's result: a report becomes (or stays) an entry and its diagnostics are published; anything else is dropped. */
  private take(folder: Folder, file: string, r: FileResult): void {
    const old = this.entryOfFile(file);
    if (!r.linted || !isReportTitle(r.facts?.title ?? null)) {
      if (!r.linted) this.host.log(`${file}: not checked (${r.problems.map((p) => p.code).join(', ')})`);
      if (old) this.drop(old);
      return;
    }
    const kind = r.document?.format ?? 'text';
    const fileUri = pathToFileURL(file).href;
    const uri = kind === 'docx' || kind === 'pdf' ? `${EXTRACT_SCHEME}:${fileUri.slice('file:'.length)}` : fileUri;
    const e: Entry = { file, uri, kind, folder, result: r, year: [], previous: null };
    if (old?.previous) this.compare(e, this.entries.get(old.previous) ?? null);
    this.setEntry(e);
    this.publish(e);
  }

  private drop(e: Entry): void {
    this.unindex(e);
    if (this.entries.get(e.uri) === e) this.entries.delete(e.uri);
    if (this.entryByFile.get(e.file) === e) this.entryByFile.delete(e.file);
    if (!this.host.isOpen(e.uri)) void this.host.connection.sendDiagnostics({ uri: e.uri, diagnostics: [] });
  }

  /** Pair every report with last year's and publish those whose year-against-year findings changed. */
  private pairAll(): void {
    const list = [...this.entries.values()];
    const pairing = pairReports(list.map((e) => ({ id: e.uri, facts: e.result.facts, ...(this.explicitPrevious(e.uri) ? { previous: this.explicitPrevious(e.uri)! } : {}) })));
    for (const n of pairing.notes) this.host.log(`${n.office} ${n.year}: ${n.ids.length} reports (${n.ids.join(', ')}); none is compared with the next year's`);
    for (const e of list) {
      const before = JSON.stringify(e.year);
      this.compare(e, this.entries.get(pairing.previous.get(e.uri) ?? '') ?? null);
      if (JSON.stringify(e.year) !== before) this.publish(e);
    }
  }

  private compare(e: Entry, prev: Entry | null): void {
    e.previous = prev?.uri ?? null;
    e.year = [];
    if (!prev || !e.result.facts || !prev.result.facts) return;
    const options = lintOptionsOf(resolveSettings(e.folder.base, e.folder.config, e.file), this.host.locale());
    e.year = compareYears(e.result.facts, { facts: prev.result.facts, file: prev.uri, label: path.basename(prev.file) }, options).findings;
  }

  private diagnosticsOf(e: Entry): Diagnostic[] {
    const own: Finding[] = e.result.diagnostics.map((d) => ({ ...d, fixes: [] }));
    return [...own, ...e.year].sort(byPlace).map((f) => toDiagnostic(f, 0, e.uri));
  }

  private publish(e: Entry): void {
    this.toPublish.add(e);
    if (this.publishing) return;
    this.publishing = true;
    setImmediate(() => this.publishNext());
  }

  private publishNext(): void {
    if (this.held) return; // release() starts again
    const e = this.toPublish.values().next().value;
    if (!e) {
      this.publishing = false;
      for (const w of this.drainWaiters.splice(0)) w();
      return;
    }
    this.toPublish.delete(e);
    if (this.entries.get(e.uri) === e && !this.host.isOpen(e.uri)) {
      void this.host.connection.sendDiagnostics({ uri: e.uri, diagnostics: this.diagnosticsOf(e) }).catch(() => undefined);
    }
    setImmediate(() => this.publishNext());
  }

  // ------------------------------------------------------------------ settings, configuration, views

  private async rulesOf(root: string): Promise<Folder> {
    const scope = pathToFileURL(root).href;
    const [raw, filesExclude, base] = await Promise.all([this.host.section(scope, 'govReport'), this.host.section(scope, 'files.exclude'), this.host.settings(scope)]);
    return { root, settings: workspaceSettingsOf(raw), filesExclude: filesExcludeOf(filesExclude), config: this.loadConfigAt(root), base };
  }

  private loadConfigAt(dir: string): ProjectConfig | null {
    const file = findConfig(dir);
    if (!file) return null;
    const loaded = loadConfig(file);
    if (loaded.ok) return loaded.config;
    const text = configErrorText(loaded.error, this.host.locale());
    if (!this.warned.has(text)) {
      this.warned.add(text);
      this.host.connection.window.showWarningMessage(text);
    }
    return null;
  }

  private explicitPrevious(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const config = this.configFor(file);
    const pair = config?.pairs.find((p) => path.resolve(config.dir, p.current) === file);
    if (!pair || !config) return undefined;
    const prev = this.entryOfFile(path.resolve(config.dir, pair.previous));
    return prev?.uri;
  }

  private entryOfFile(file: string): Entry | undefined {
    return this.entryByFile.get(file);
  }

  private labelOf(uri: string): string {
    const file = uri.startsWith('file:') || uri.startsWith(`${EXTRACT_SCHEME}:`) ? fileURLToPath(`file:${uri.slice(uri.indexOf(':') + 1)}`) : uri;
    const folder = this.folders.find((f) => !path.relative(f.root, file).startsWith('..'));
    return folder ? path.relative(folder.root, file).split(path.sep).join('/') : path.basename(file);
  }

  private infoOf(e: Entry): ReportInfo {
    const f = e.result.facts!;
    const findings = [...e.result.diagnostics, ...e.year].sort(byPlace);
    return {
      uri: e.uri, file: pathToFileURL(e.file).href, label: this.labelOf(e.uri), kind: e.kind,
      title: f.title, office: f.officeName, year: f.year, template: e.result.template,
      counts: countsOf(findings), parts: f.parts,
      findings: findings.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: d.range })),
      previous: e.previous, open: false,
    };
  }

  private async beginProgress(total: number): Promise<WorkDoneProgressServerReporter | null> {
    if (!this.host.progress || total === 0) return null;
    try {
      const p = await this.host.connection.window.createWorkDoneProgress();
      p.begin(format(this.host.locale(), 'workspace.progress', {}, lspMessages), 0, `0/${total}`);
      return p;
    } catch (err) {
      this.host.log('workDoneProgress', err);
      return null;
    }
  }
}

function workers(): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : 2;
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * While the user types (keystrokes `interval` ms apart, the last one `since` ms ago): in how many ms the pass holds
 * again, LEAD_SHARE of the interval before the next keystroke is due and not before its quiet spell (QUIET_MS) is
 * over; null when the user is not typing.
 */
export function holdBeforeNextKeystroke(interval: number, since: number): number | null {
  if (!(interval <= TYPING_MS)) return null;
  return Math.max(QUIET_MS, interval * (1 - LEAD_SHARE) - since);
}

const officeYearKey = (office: string, year: number): string => `${year}\u0000${office}`;

/** An entry's key in the index, or null when its report's facts lack the office or the year. */
function officeYearKeyOf(e: Entry): string | null {
  const f = e.result.facts;
  return f?.office && f.year !== null ? officeYearKey(f.office, f.year) : null;
}

export function isReportTitle(title: string | null): boolean {
  return title !== null && REPORT_TITLE.test(norm(title));
}

function countsOf(findings: readonly { severity: Finding['severity'] }[]): ReportInfo['counts'] {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function openInfo(uri: string, r: LintResult, disk: Entry | undefined, label: string, previous: string | null): ReportInfo {
  const f = r.facts!;
  return {
    uri, file: disk ? pathToFileURL(disk.file).href : uri, label, kind: disk?.kind ?? 'text',
    title: f.title, office: f.officeName, year: f.year, template: r.report.template,
    counts: countsOf(r.findings), parts: f.parts,
    findings: r.findings.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: d.range })),
    previous, open: true,
  };
}
