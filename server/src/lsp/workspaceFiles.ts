// Which files of the workspace the language server checks in the background: the report files of each folder
// (govReport.workspace.include, by default every .txt, .md, .docx, .html, .htm and .pdf), less VS Code's
// files.exclude, govReport.workspace.exclude and the project configuration's exclusions; dot-folders and
// node_modules are not entered. Found with an asynchronous walk, so that a large folder never holds the server up.
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { configExcludes, globMatcher } from '../config/resolve';
import { DEFAULT_INCLUDE, type ProjectConfig } from '../config/types';

export interface WorkspaceSettings {
  /** Check the reports of the workspace, not only the open ones. */
  enabled: boolean;
  include: string[];
  exclude: string[];
  /** At most this many files are checked in the background (a huge folder is not a folder of reports). */
  maxFiles: number;
}

export const DEFAULT_WORKSPACE: Readonly<WorkspaceSettings> = Object.freeze({ enabled: true, include: [...DEFAULT_INCLUDE], exclude: [], maxFiles: 5000 });

const globs = (v: unknown): string[] | null => (Array.isArray(v) && v.every((g) => typeof g === 'string' && g) ? v as string[] : null);

/** The `workspace` part of the govReport settings, validated (a malformed value keeps its default). */
export function workspaceSettingsOf(raw: unknown): WorkspaceSettings {
  const w = (raw && typeof raw === 'object' ? (raw as Record<string, unknown>).workspace : null) as Record<string, unknown> | null;
  if (!w || typeof w !== 'object') return { ...DEFAULT_WORKSPACE, include: [...DEFAULT_WORKSPACE.include] };
  const max = typeof w.maxFiles === 'number' && Number.isInteger(w.maxFiles) && w.maxFiles >= 0 ? w.maxFiles : DEFAULT_WORKSPACE.maxFiles;
  return {
    enabled: w.enabled !== false,
    include: globs(w.include) ?? [...DEFAULT_WORKSPACE.include],
    exclude: globs(w.exclude) ?? [],
    maxFiles: max,
  };
}

/** VS Code's files.exclude ({ "glob": true | false }) as a list of the globs that are on. */
export function filesExcludeOf(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>).filter(([g, on]) => on === true && g).map(([g]) => g);
}

export interface FolderRules {
  root: string;
  settings: WorkspaceSettings;
  filesExclude: string[];
  config: ProjectConfig | null;
}

/** True when the file (an absolute path) is one the background pass checks. */
export function wanted(file: string, r: FolderRules): boolean {
  const rel = path.relative(r.root, file).split(path.sep).join('/');
  if (!rel || rel.startsWith('..')) return false;
  if (rel.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) return false;
  if (!globMatcher(r.settings.include)(rel) || globMatcher(r.settings.exclude)(rel) || excludedByFilesExclude(rel, r.filesExclude)) return false;
  return !(r.config && configExcludes(r.config, file));
}

/** files.exclude also hides everything under an excluded folder ("**\/drafts" hides drafts/a.txt). */
function excludedByFilesExclude(rel: string, globsOn: string[]): boolean {
  if (!globsOn.length) return false;
  const match = globMatcher(globsOn);
  const segments = rel.split('/');
  for (let k = 1; k <= segments.length; k++) if (match(segments.slice(0, k).join('/'))) return true;
  return false;
}

/** The wanted files under the folder, in path order; stops at settings.maxFiles (`capped` then says so). */
export async function findReportFiles(r: FolderRules, cancelled: () => boolean = () => false): Promise<{ files: string[]; capped: boolean }> {
  const files: string[] = [];
  const stack = [r.root];
  while (stack.length) {
    if (cancelled()) break;
    const dir = stack.pop()!;
    let entries;
    try { entries = await readdir(dir, { withFileTypes: true }); } catch { continue; }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules' && !excludedByFilesExclude(path.relative(r.root, p).split(path.sep).join('/'), r.filesExclude)) stack.push(p);
      } else if (e.isFile() && wanted(p, r)) {
        files.push(p);
        if (files.length >= r.settings.maxFiles) return { files: files.sort(), capped: true };
      }
    }
  }
  return { files: files.sort(), capped: false };
}
