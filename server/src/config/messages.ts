// The words for a malformed configuration file, in both languages: the CLI prints them (exit 2), the language
// server shows them.
import type { Locale } from '../engine/types';
import type { ConfigError } from './types';

const zh: Record<ConfigError['code'], (d: string) => string> = {
  json: (d) => `不是有效的 JSON（${d}）`,
  notObject: () => '应为一个 JSON 对象 { … }',
  unknownKey: (d) => `未知的设置项“${d}”`,
  badValue: (d) => `取值无效，应为 ${d}`,
  unknownRule: (d) => `未知的规则“${d}”`,
  unreadable: (d) => `无法读取（${d}）`,
};

const en: typeof zh = {
  json: (d) => `not valid JSON (${d})`,
  notObject: () => 'should be one JSON object { … }',
  unknownKey: (d) => `unknown key "${d}"`,
  badValue: (d) => `invalid value, expected ${d}`,
  unknownRule: (d) => `unknown rule "${d}"`,
  unreadable: (d) => `cannot be read (${d})`,
};

/** "gov-report.config.json:3:5: 未知的设置项“rule”", with the file as the caller shows it. */
export function configErrorText(e: ConfigError, locale: Locale, file = e.file): string {
  const what = (locale === 'en' ? en : zh)[e.code](e.detail);
  return locale === 'en' ? `${file}:${e.line}:${e.column}: configuration file ${what}` : `${file}:${e.line}:${e.column}：配置文件${what}`;
}
