// What the client told the server: its initialization options and capabilities, and the govReport settings,
// asked per document (workspace/configuration) when the client can answer, else as last pushed.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import type { Locale } from '../engine';
import { CONFIG_SECTION } from '../protocol';
import type { Log } from './guard';
import { defaultSettings, lintOptionsOf, localeOf, normalizeSettings, type Settings } from './settings';
import { workspaceFoldersOf } from './workspaceRequests';

export interface InitOptions {
  /**
   * The shortest time between two lints of a document (ms). An edit after a quiet spell is linted at once; the
   * edits of a burst are linted together when this much time has passed since the last lint. Default 150.
   */
  debounceMs?: number;
  /** The client's UI language ('zh-cn', 'en', …), used when govReport.locale is 'auto'. */
  locale?: string;
  /** At most this many diagnostics are published per document (a pathological text can have 10⁵ findings). */
  maxDiagnostics?: number;
}

/** A client that does not answer workspace/configuration within this time gets the defaults. */
const CONFIG_TIMEOUT_MS = 5000;

export class ClientConfig {
  debounceMs = 150;
  maxDiagnostics = 10000;
  clientLocale: Locale = 'zh-CN';
  /** The language of what belongs to no one document (the background pass, its progress, the summary): the setting's. */
  folderLocale: Locale = 'zh-CN';
  /** The client answers workspace/configuration. */
  private pullConfig = false;
  /** The client applies versioned edits (TextDocumentEdit). */
  versionedEdits = false;
  /** The workspace folders' URIs, whose reports the background pass checks. */
  folders: string[] = [];
  /** The client shows work-done progress (the background pass), and registers file watchers (changes on disk). */
  progress = false;
  watch = false;
  /** Settings pushed with workspace/didChangeConfiguration, used when the client cannot be asked. */
  private pushed: Settings = defaultSettings;
  private pushedRaw: unknown = null;
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly connection: Connection, private readonly log: Log) {}

  initialize(params: InitializeParams): void {
    const init = (params.initializationOptions && typeof params.initializationOptions === 'object' ? params.initializationOptions : {}) as InitOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) this.debounceMs = init.debounceMs;
    if (typeof init.maxDiagnostics === 'number' && init.maxDiagnostics >= 0) this.maxDiagnostics = init.maxDiagnostics;
    this.clientLocale = localeOf(init.locale ?? params.locale);
    this.pullConfig = params.capabilities?.workspace?.configuration === true;
    this.versionedEdits = params.capabilities?.workspace?.workspaceEdit?.documentChanges === true;
    this.folders = workspaceFoldersOf(params);
    this.progress = params.capabilities?.window?.workDoneProgress === true;
    this.watch = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** workspace/didChangeConfiguration: keep pushed settings, forget the ones asked for. */
  changed(settings: unknown): void {
    const s = (settings as { govReport?: unknown } | null | undefined)?.govReport;
    if (s !== undefined) { this.pushed = normalizeSettings(s); this.pushedRaw = s; }
    this.cache.clear();
  }

  /** The folder's language again, from the settings of no particular document. */
  async refreshFolderLocale(): Promise<Locale> {
    this.folderLocale = lintOptionsOf(await this.settingsFor(''), this.clientLocale).locale;
    return this.folderLocale;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** A section of the client's configuration for a scope; null after CONFIG_TIMEOUT_MS or an error. */
  async section(scopeUri: string, name: string): Promise<unknown> {
    const answer = await this.ask(scopeUri, name);
    return answer.ok ? answer.value : null;
  }

  /**
   * The client's answer for a section, or not ok after CONFIG_TIMEOUT_MS or an error. A null value is an answer
   * (Neovim and Eglot have no govReport settings unless the user gives some): the defaults, kept like any other.
   */
  private ask(scopeUri: string, name: string): Promise<{ ok: true; value: unknown } | { ok: false }> {
    if (!this.pullConfig) return Promise.resolve({ ok: true, value: name === CONFIG_SECTION ? this.pushedRaw : null });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<{ ok: false }>((resolve) => { timer = setTimeout(() => resolve({ ok: false }), CONFIG_TIMEOUT_MS); });
    const answer = this.connection.workspace.getConfiguration({ scopeUri: scopeUri || undefined, section: name })
      .then((value: unknown) => ({ ok: true as const, value }), (err: unknown) => { this.log('workspace/configuration', err); return { ok: false as const }; });
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }

  settingsFor(uri: string): Promise<Settings> {
    if (!this.pullConfig) return Promise.resolve(this.pushed);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.ask(uri, CONFIG_SECTION).then((answer) => {
        if (!answer.ok) this.cache.delete(uri); // timed out or failed: ask again next time
        return answer.ok && answer.value !== null ? normalizeSettings(answer.value) : defaultSettings;
      });
      this.cache.set(uri, p);
    }
    return p;
  }
}
