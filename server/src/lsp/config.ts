// What the client told the server: its initialization options and capabilities, and the govReport settings,
// asked per document (workspace/configuration) when the client can answer, else as last pushed.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import type { Locale } from '../engine';
import { CONFIG_SECTION } from '../protocol';
import type { Log } from './guard';
import { defaultSettings, localeOf, normalizeSettings, type Settings } from './settings';

export interface InitOptions {
  /** Delay between the last change and the lint (ms). Default 150; tests use 0. */
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
  /** The client answers workspace/configuration. */
  private pullConfig = false;
  /** The client applies versioned edits (TextDocumentEdit). */
  versionedEdits = false;
  /** Settings pushed with workspace/didChangeConfiguration, used when the client cannot be asked. */
  private pushed: Settings = defaultSettings;
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly connection: Connection, private readonly log: Log) {}

  initialize(params: InitializeParams): void {
    const init = (params.initializationOptions && typeof params.initializationOptions === 'object' ? params.initializationOptions : {}) as InitOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) this.debounceMs = init.debounceMs;
    if (typeof init.maxDiagnostics === 'number' && init.maxDiagnostics >= 0) this.maxDiagnostics = init.maxDiagnostics;
    this.clientLocale = localeOf(init.locale ?? params.locale);
    this.pullConfig = params.capabilities?.workspace?.configuration === true;
    this.versionedEdits = params.capabilities?.workspace?.workspaceEdit?.documentChanges === true;
  }

  /** workspace/didChangeConfiguration: keep pushed settings, forget the ones asked for. */
  changed(settings: unknown): void {
    const s = (settings as { govReport?: unknown } | null | undefined)?.govReport;
    if (s !== undefined) this.pushed = normalizeSettings(s);
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  settingsFor(uri: string): Promise<Settings> {
    if (!this.pullConfig) return Promise.resolve(this.pushed);
    let p = this.cache.get(uri);
    if (!p) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<Settings>((resolve) => { timer = setTimeout(() => { this.cache.delete(uri); resolve(defaultSettings); }, CONFIG_TIMEOUT_MS); });
      const ask = this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION })
        .then(normalizeSettings, (err) => { this.log('workspace/configuration', err); return defaultSettings; });
      p = Promise.race([ask, timeout]).finally(() => clearTimeout(timer));
      this.cache.set(uri, p);
    }
    return p;
  }
}
