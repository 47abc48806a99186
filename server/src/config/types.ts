// The settings of one report, as the editor's settings and the project configuration file (gov-report.config.json)
// give them, and the configuration file's shape. Read by both adapters: the CLI and the language server.
import type { Locale, OrganKind, RuleSetting, TemplateId } from '../engine/types';

export interface FileSettings {
  rules: Record<string, RuleSetting>;
  template: 'auto' | TemplateId;
  locale: 'auto' | Locale;
  partFiveMinLength: number | null;
  textReuseThreshold: number | null;
  organKind: 'auto' | OrganKind;
}

/**
 * Chinese unless asked otherwise: offline installs rarely have VS Code's Chinese language pack, so following the
 * display language would give English to exactly the people the reports are written by ('auto' on request).
 */
export const DEFAULT_SETTINGS: Readonly<FileSettings> = Object.freeze({
  rules: {}, template: 'auto', locale: 'zh-CN', partFiveMinLength: null, textReuseThreshold: null, organKind: 'auto',
});

/** Settings a configuration file (or one of its overrides) sets; the others are left as they were. */
export type PartialSettings = Partial<FileSettings>;

export interface Override { files: string[]; exclude: string[]; settings: PartialSettings }

export interface ProjectConfig {
  /** The configuration file, and the folder its globs are relative to. */
  file: string;
  dir: string;
  settings: PartialSettings;
  /** Which report files the configuration names (globs relative to `dir`); the rest keep the editor's settings. */
  include: string[];
  exclude: string[];
  overrides: Override[];
  /** Explicit year pairs (paths relative to `dir`): `previous` is last year's report of `current`'s office. */
  pairs: { current: string; previous: string }[];
}

/** What a malformed configuration file is told with: a code (messages.ts words it) and its place. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  code: 'json' | 'notObject' | 'unknownKey' | 'badValue' | 'unknownRule' | 'unreadable';
  /** The key or rule concerned, the parser's error, the expected value: as the code needs. */
  detail: string;
}

/** The file extensions a folder is searched for (the CLI's directory walk, the language server's workspace). */
export const REPORT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.docx', '.html', '.htm', '.pdf'];
export const DEFAULT_INCLUDE: readonly string[] = REPORT_EXTENSIONS.map((e) => `**/*${e}`);
export const CONFIG_FILE = 'gov-report.config.json';
