// Command-line parsing. Accepts "--opt value" and "--opt=value"; "--" ends the options.
import type { CliLocale, Translate } from './messages';
import { messages } from './messages';

export const FORMATS = ['text', 'json', 'summary', 'csv', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CliOptions {
  format: OutputFormat;
  fix: boolean;
  suggestions: boolean;
  locale: CliLocale;
  /** --locale was given (it then wins over the configuration file's locale). */
  localeGiven: boolean;
  /** --config FILE: the project configuration to use instead of the one found from the working directory. */
  config: string | null;
  /** --no-config: use no configuration file. */
  noConfig: boolean;
  /** --print-config: print the settings the one FILE is checked with, and lint nothing. */
  printConfig: boolean;
  /** --previous FILE: last year's report of the one FILE's office (year-against-year rules). */
  previous: string | null;
  help: boolean;
  version: boolean;
  /** --extract: print the text the findings of the one FILE refer to, and lint nothing. */
  extract: boolean;
  files: string[];
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; locale: CliLocale; error: string };

/** The locale the user asked for, even when other arguments are wrong (so the usage error is in that language). */
export function requestedLocale(argv: readonly string[]): CliLocale {
  let locale: CliLocale = 'zh-CN';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice(9) : undefined;
    if (v === 'en' || v === 'zh-CN') locale = v;
  }
  return locale;
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const locale = requestedLocale(argv);
  const m: Translate = messages(locale);
  const o: CliOptions = {
    format: 'text', fix: false, suggestions: false, locale, localeGiven: false, config: null, noConfig: false, printConfig: false, previous: null,
    help: false, version: false, extract: false, files: [],
  };
  const fail = (error: string): ParseResult => ({ ok: false, locale, error });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { o.files.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { o.files.push(a); continue; }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const inline = eq >= 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      if (i + 1 < argv.length) return argv[++i];
      return null;
    };
    const noValue = () => inline !== undefined;
    switch (name) {
      case '--format': {
        const v = value();
        if (v === null) return fail(m('missingValue', { option: name }));
        if (!(FORMATS as readonly string[]).includes(v)) return fail(m('badFormat', { value: v }));
        o.format = v as OutputFormat;
        break;
      }
      case '--config': case '--previous': {
        const v = value();
        if (v === null || v === '') return fail(m('missingValue', { option: name }));
        if (name === '--config') o.config = v; else o.previous = v;
        break;
      }
      case '--no-config':
        if (noValue()) return fail(m('unknownOption', { option: a }));
        o.noConfig = true;
        break;
      case '--print-config':
        if (noValue()) return fail(m('unknownOption', { option: a }));
        o.printConfig = true;
        break;
      case '--locale': {
        const v = value();
        if (v === null) return fail(m('missingValue', { option: name }));
        if (v !== 'zh-CN' && v !== 'en') return fail(m('badLocale', { value: v }));
        o.locale = v;
        o.localeGiven = true;
        break;
      }
      case '--fix':
        if (noValue()) return fail(m('unknownOption', { option: a }));
        o.fix = true;
        break;
      case '--fix-suggestions':
        if (noValue()) return fail(m('unknownOption', { option: a }));
        o.fix = true;
        o.suggestions = true;
        break;
      case '--extract':
        if (noValue()) return fail(m('unknownOption', { option: a }));
        o.extract = true;
        break;
      case '-h': case '--help':
        if (noValue()) return fail(m('unknownOption', { option: a }));
        o.help = true;
        break;
      case '-v': case '--version':
        if (noValue()) return fail(m('unknownOption', { option: a }));
        o.version = true;
        break;
      default:
        return fail(m('unknownOption', { option: a }));
    }
  }
  if (!o.help && !o.version && o.files.length === 0) return fail(m('noFiles'));
  if (o.extract && !o.help && !o.version && o.files.length !== 1) return fail(m('extractOneFile'));
  if (o.printConfig && !o.help && !o.version && o.files.length !== 1) return fail(m('printConfigOneFile'));
  if (o.previous !== null && o.files.length !== 1) return fail(m('previousOneFile'));
  if (o.config !== null && o.noConfig) return fail(m('configAndNoConfig'));
  return { ok: true, options: o };
}
