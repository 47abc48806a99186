// Reading gov-report.config.json: strict JSON (jsonc-parser, for the place of an error), then every key checked, so
// that a mistake is told with its line and column instead of being ignored. The shape is the one of
// schemas/gov-report.config.schema.json (which VS Code uses to complete and validate the file; a test keeps the
// two in agreement).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ruleMetas } from '../engine';
import type { RuleSetting } from '../engine/types';
import { CONFIG_FILE, type ConfigError, type Override, type PartialSettings, type ProjectConfig } from './types';

export type Loaded = { ok: true; config: ProjectConfig } | { ok: false; error: ConfigError };

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
const SETTING_KEYS = ['rules', 'template', 'locale', 'partFiveMinLength', 'textReuseThreshold', 'organKind'];
const TOP_KEYS = ['$schema', ...SETTING_KEYS, 'include', 'exclude', 'overrides', 'pairs'];
const OVERRIDE_KEYS = ['files', 'exclude', ...SETTING_KEYS.filter((k) => k !== 'locale')];

/** The configuration file in `dir` or the nearest folder above it, or null. */
export function findConfig(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const f = path.join(d, CONFIG_FILE);
    try { if (fs.statSync(f).isFile()) return f; } catch { /* not here */ }
    if (path.dirname(d) === d) return null;
  }
}

export function loadConfig(file: string): Loaded {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (err) {
    return { ok: false, error: { file, line: 1, column: 1, code: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? String(err) } };
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), file);
}

class Invalid extends Error {
  constructor(readonly node: Node | undefined, readonly code: ConfigError['code'], readonly detail: string) { super(detail); }
}

export function parseConfig(text: string, file: string): Loaded {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = (offset: number) => place(text, offset);
  if (errors.length || !root) {
    const e = errors[0];
    return { ok: false, error: { file, ...at(e?.offset ?? 0), code: 'json', detail: e ? printParseErrorCode(e.error) : 'empty' } };
  }
  try {
    if (root.type !== 'object') throw new Invalid(root, 'notObject', '');
    checkKeys(root, TOP_KEYS);
    const config: ProjectConfig = {
      file: path.resolve(file), dir: path.dirname(path.resolve(file)),
      settings: settingsOf(root, true),
      include: globs(root, 'include') ?? [],
      exclude: globs(root, 'exclude') ?? [],
      overrides: overridesOf(root),
      pairs: pairsOf(root),
    };
    return { ok: true, config };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return { ok: false, error: { file, ...at(e.node?.offset ?? 0), code: e.code, detail: e.detail } };
  }
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  return { line, column: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) };
}

function checkKeys(obj: Node, allowed: readonly string[]): void {
  for (const prop of obj.children ?? []) {
    const key = prop.children?.[0];
    if (key && !allowed.includes(key.value as string)) throw new Invalid(key, 'unknownKey', String(key.value));
  }
}

function settingsOf(obj: Node, top: boolean): PartialSettings {
  const s: PartialSettings = {};
  const get = (k: string) => findNodeAtLocation(obj, [k]);
  const oneOf = <T extends string>(k: string, values: readonly T[]): T | undefined => {
    const n = get(k);
    if (!n) return undefined;
    if (n.type !== 'string' || !(values as readonly string[]).includes(n.value as string)) throw new Invalid(n, 'badValue', `${k}: ${values.join(' | ')}`);
    return n.value as T;
  };
  const number = (k: string, min: number, max: number, integer: boolean): number | undefined => {
    const n = get(k);
    if (!n) return undefined;
    if (n.type !== 'number' || n.value < min || n.value > max || (integer && !Number.isInteger(n.value))) throw new Invalid(n, 'badValue', `${k}: ${min}–${max}`);
    return n.value as number;
  };
  const rules = get('rules');
  if (rules) s.rules = rulesOf(rules);
  const template = oneOf('template', ['auto', 'T2019', 'T2021'] as const);
  if (template) s.template = template;
  const locale = top ? oneOf('locale', ['auto', 'zh-CN', 'en'] as const) : undefined;
  if (locale) s.locale = locale;
  const min = number('partFiveMinLength', 0, 100000, true);
  if (min !== undefined) s.partFiveMinLength = min;
  const share = number('textReuseThreshold', 0, 1, false);
  if (share !== undefined) s.textReuseThreshold = share;
  const organ = oneOf('organKind', ['auto', 'department', 'government'] as const);
  if (organ) s.organKind = organ;
  return s;
}

function rulesOf(node: Node): NonNullable<PartialSettings['rules']> {
  if (node.type !== 'object') throw new Invalid(node, 'badValue', 'rules: { "rule-id": "error" | "warning" | "info" | "hint" | "off" }');
  const out: NonNullable<PartialSettings['rules']> = {};
  const ids = new Set(ruleMetas.map((m) => m.id));
  for (const prop of node.children ?? []) {
    const [key, value] = prop.children ?? [];
    const id = key.value as string;
    if (!ids.has(id)) throw new Invalid(key, 'unknownRule', id);
    if (value?.type !== 'string' || !SEVERITIES.includes(value.value as string)) throw new Invalid(value ?? key, 'badValue', `${id}: ${SEVERITIES.join(' | ')}`);
    out[id] = value.value as RuleSetting;
  }
  return out;
}

function globs(obj: Node, key: string): string[] | undefined {
  const n = findNodeAtLocation(obj, [key]);
  if (!n) return undefined;
  if (n.type !== 'array' || !(n.children ?? []).every((c) => c.type === 'string' && c.value !== '')) throw new Invalid(n, 'badValue', `${key}: ["glob", …]`);
  return getNodeValue(n) as string[];
}

function overridesOf(root: Node): Override[] {
  const n = findNodeAtLocation(root, ['overrides']);
  if (!n) return [];
  if (n.type !== 'array') throw new Invalid(n, 'badValue', 'overrides: [{ "files": […], … }]');
  return (n.children ?? []).map((o) => {
    if (o.type !== 'object') throw new Invalid(o, 'badValue', 'overrides: [{ "files": […], … }]');
    checkKeys(o, OVERRIDE_KEYS);
    const files = globs(o, 'files');
    if (!files?.length) throw new Invalid(o, 'badValue', 'overrides[].files: ["glob", …]');
    return { files, exclude: globs(o, 'exclude') ?? [], settings: settingsOf(o, false) };
  });
}

function pairsOf(root: Node): ProjectConfig['pairs'] {
  const n = findNodeAtLocation(root, ['pairs']);
  if (!n) return [];
  const shape = 'pairs: [{ "current": "…", "previous": "…" }]';
  if (n.type !== 'array') throw new Invalid(n, 'badValue', shape);
  return (n.children ?? []).map((p) => {
    if (p.type !== 'object') throw new Invalid(p, 'badValue', shape);
    checkKeys(p, ['current', 'previous']);
    const v = getNodeValue(p) as Record<string, unknown>;
    if (typeof v.current !== 'string' || typeof v.previous !== 'string' || !v.current || !v.previous) throw new Invalid(p, 'badValue', shape);
    return { current: v.current, previous: v.previous };
  });
}
