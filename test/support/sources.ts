// The project's TypeScript sources read with the TypeScript parser (not regexes): each file's syntax tree and
// the modules it imports. Used by the import-boundary test and the regular-expression audit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every .ts file below `dir` (declaration files and generated output excluded). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'out' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

export interface Import {
  /** As written: 'node:fs', 'vscode', '../engine'. */
  specifier: string;
  /** The .ts file a relative specifier names (absolute path), or null for a package. */
  resolved: string | null;
  /** `import type`, or every name imported as a type: nothing of it is left at run time. */
  typeOnly: boolean;
  /** import() or require() in code: loaded when that code runs, not with the importing module. */
  lazy: boolean;
  line: number;
}

/** Every module `file` imports: import and export-from declarations, import(), require() and import x = require(). */
export function importsOf(file: string): Import[] {
  const sf = parse(file);
  const out: Import[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean, lazy = false) => {
    if (!spec || !ts.isStringLiteralLike(spec)) return;
    out.push({ specifier: spec.text, resolved: resolve(file, spec.text), typeOnly, lazy, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n)) add(n, n.moduleSpecifier, importIsTypeOnly(n));
    else if (ts.isExportDeclaration(n)) add(n, n.moduleSpecifier, n.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(n, n.moduleReference.expression, n.isTypeOnly);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) add(n, n.arguments[0], false, true);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n, n.argument.literal, true);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function importIsTypeOnly(n: ts.ImportDeclaration): boolean {
  const clause = n.importClause;
  if (!clause) return false; // import 'x': for its effects
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return base; // a bundle of its own (./formats.js, ./pdfjs): not a source file
}
