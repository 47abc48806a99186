// --format sarif: one SARIF 2.1.0 log (OASIS), as code-review systems and GitHub code scanning read it. Each rule
// with its descriptions, default level and help URI; each finding with its region (1-based lines, columns in UTF-16
// code units), the places it refers to (relatedLocations) and its fixes; files that could not be read as tool
// notifications. Paths under the working directory are relative to %SRCROOT%. A Word document's or PDF's findings
// refer to the text read from it, not to the file: they carry no region (the text's place is a property).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix as SarifFix, Location, Log, Notification, Region, ReportingDescriptor, Result } from 'sarif';
import { ruleMetas } from '../engine';
import type { Fix, Locale, Range, Severity } from '../engine/types';
import type { Diagnostic, FileResult } from './lintFile';

export interface SarifOptions {
  locale: Locale;
  version: string;
  /** The folder %SRCROOT% stands for (the working directory). */
  root: string;
  /** Where docs/rules/<id>.md are, for the rules' help URIs (null: none). */
  docsDir: string | null;
  /** The stderr message of a file problem, for notifications. */
  problemText(r: FileResult): string[];
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function sarifLog(results: readonly FileResult[], o: SarifOptions): Log {
  const rules = ruleMetas.map((m): ReportingDescriptor => {
    const page = o.docsDir ? path.join(o.docsDir, `${m.id}.md`) : null;
    return {
      id: m.id,
      name: m.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
      shortDescription: { text: m.description[o.locale] },
      fullDescription: { text: m.description[o.locale === 'en' ? 'zh-CN' : 'en'] },
      defaultConfiguration: { level: LEVEL[m.severity] },
      ...(page && fs.existsSync(page) ? { helpUri: pathToFileURL(page).href } : {}),
      help: { text: m.description[o.locale] },
      properties: { fixable: m.fixable },
    };
  });
  const index = new Map(ruleMetas.map((m, i) => [m.id, i]));
  const notifications: Notification[] = [];
  const out: Result[] = [];
  for (const r of results) {
    const artifact = artifactOf(r.file, o.root);
    for (const text of o.problemText(r)) notifications.push({ level: 'error', message: { text }, locations: [{ physicalLocation: { artifactLocation: artifact } }] });
    for (const d of r.diagnostics) out.push(resultOf(d, r, artifact, index.get(d.rule), o.root));
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'gov-report-lint', semanticVersion: o.version, version: o.version, language: o.locale, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(o.root + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      results: out,
    }],
  };
}

function resultOf(d: Diagnostic, r: FileResult, artifact: ArtifactLocation, ruleIndex: number | undefined, root: string): Result {
  // A document's text is not the file: its findings name the file without a region.
  const inFile = !r.document || r.document.format === 'html';
  const location: Location = { physicalLocation: { artifactLocation: artifact, ...(inFile ? { region: region(d.range) } : {}) } };
  return {
    ruleId: d.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [location],
    ...(d.related?.length ? {
      relatedLocations: d.related.map((x, id) => ({
        id, message: { text: x.message },
        physicalLocation: { artifactLocation: x.file ? artifactOf(x.file, root) : artifact, region: region(x.range) },
      })),
    } : {}),
    ...(inFile && !r.document && d.fixes?.length ? { fixes: d.fixes.map((f) => fixOf(f, artifact)) } : {}),
    ...(!inFile ? { properties: { extractedTextRegion: region(d.range) } } : {}),
  };
}

function fixOf(f: Fix, artifact: ArtifactLocation): SarifFix {
  return {
    description: { text: f.title },
    artifactChanges: [{ artifactLocation: artifact, replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
    properties: { safe: f.safe },
  };
}

function region(r: Range): Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A path under `root` relative to %SRCROOT%, else an absolute file URI; each segment percent-encoded. */
function artifactOf(file: string, root: string): ArtifactLocation {
  const abs = path.resolve(file);
  const rel = path.relative(root, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}
