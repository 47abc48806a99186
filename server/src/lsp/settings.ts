// The `govReport.*` settings as the server reads them (workspace/configuration, section 'govReport'),
// validated so that a malformed value falls back to its default instead of reaching the engine.
import { DEFAULT_SETTINGS, type FileSettings } from '../config/types';
import { lintOptionsOf as optionsOf } from '../config/resolve';
import type { LintOptions, Locale, RuleSetting } from '../engine';

export type Settings = FileSettings;

export const defaultSettings: Settings = DEFAULT_SETTINGS;

const RULE_SETTINGS = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

/** Any value (null, a partial object, garbage) → complete settings. */
export function normalizeSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return { ...defaultSettings, rules: {} };
  const r = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && RULE_SETTINGS.has(v)) rules[id] = v as RuleSetting;
    }
  }
  const template = r.template === 'T2019' || r.template === 'T2021' ? r.template : 'auto';
  const locale = r.locale === 'en' || r.locale === 'auto' ? r.locale : 'zh-CN';
  const number = (v: unknown, max: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : null);
  const organKind = r.organKind === 'department' || r.organKind === 'government' ? r.organKind : 'auto';
  return { rules, template, locale, partFiveMinLength: number(r.partFiveMinLength, 100000), textReuseThreshold: number(r.textReuseThreshold, 1), organKind };
}

/** A client locale → an engine locale: the catalogue's rule, which the VS Code client applies too. */
export { localeOf } from '../engine/messages';

export function lintOptionsOf(settings: Settings, clientLocale: Locale): LintOptions & { locale: Locale } {
  return optionsOf(settings, clientLocale);
}
