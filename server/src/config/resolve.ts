// The settings of one report file: the editor's settings (or the CLI's defaults), then, for a file the project
// configuration names (under its folder, matching `include` and not `exclude`), the file's settings and those of
// each override whose globs match, in order. Globs are picomatch's, relative to the configuration's folder; a
// glob without a slash matches the file's base name anywhere ("*.pdf").
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { LintOptions, Locale } from '../engine/types';
import { DEFAULT_INCLUDE, type FileSettings, type PartialSettings, type ProjectConfig } from './types';

type Matcher = (relative: string) => boolean;
const matchers = new Map<string, Matcher>();

/**
 * One matcher per list of globs (cached: the same configuration resolves every file of a run). A glob without a
 * slash matches the base name at any depth ("*.pdf"); the others match the whole relative path.
 */
export function globMatcher(globs: readonly string[]): Matcher {
  const key = globs.join('\u0000');
  let m = matchers.get(key);
  if (!m) {
    const compile = (list: string[]) => (list.length ? picomatch(list, { dot: true, windows: false }) : () => false);
    const paths = compile(globs.filter((g) => g.includes('/')));
    const names = compile(globs.filter((g) => !g.includes('/')));
    m = (relative) => paths(relative) || names(relative.slice(relative.lastIndexOf('/') + 1));
    matchers.set(key, m);
  }
  return m;
}

/** `file` relative to the configuration's folder, with forward slashes; null when outside it. */
export function relativeTo(config: ProjectConfig, file: string): string | null {
  const rel = path.relative(config.dir, path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/** True when the configuration names `file` (so its settings win over the editor's for it). */
export function configNames(config: ProjectConfig, file: string): boolean {
  const rel = relativeTo(config, file);
  if (rel === null) return false;
  const include = config.include.length ? config.include : DEFAULT_INCLUDE;
  return globMatcher(include)(rel) && !globMatcher(config.exclude)(rel);
}

/** True when a file found in a folder is left out by the configuration (under its folder, not included or excluded). */
export function configExcludes(config: ProjectConfig, file: string): boolean {
  return relativeTo(config, file) !== null && !configNames(config, file);
}

export function resolveSettings(base: FileSettings, config: ProjectConfig | null, file: string): FileSettings {
  if (!config || !configNames(config, file)) return base;
  const rel = relativeTo(config, file)!;
  let s = merge(base, config.settings);
  for (const o of config.overrides) {
    if (globMatcher(o.files)(rel) && !globMatcher(o.exclude)(rel)) s = merge(s, o.settings);
  }
  return s;
}

function merge(base: FileSettings, over: PartialSettings): FileSettings {
  return { ...base, ...over, rules: { ...base.rules, ...over.rules } };
}

/** The engine's options for a file's settings; `locale` decides 'auto'. */
export function lintOptionsOf(s: FileSettings, locale: Locale): LintOptions & { locale: Locale } {
  return {
    locale: s.locale === 'auto' ? locale : s.locale,
    template: s.template,
    rules: s.rules,
    ruleOptions: {
      ...(s.partFiveMinLength !== null ? { partFiveMinLength: s.partFiveMinLength } : {}),
      ...(s.textReuseThreshold !== null ? { reuseThreshold: s.textReuseThreshold } : {}),
      organKind: s.organKind,
    },
  };
}
