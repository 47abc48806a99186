// The invariants of ARCHITECTURE.md, checked on the import graph of the sources (read with the TypeScript parser).
// Each names the rule it enforces; a failure lists the offending imports as file:line → specifier.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { repoRoot } from '../support/paths';
import { importsOf, sourceFiles, type Import } from '../support/sources';

const serverSrc = path.join(repoRoot, 'server', 'src');
const clientSrc = path.join(repoRoot, 'client', 'src');
const engine = path.join(serverSrc, 'engine');
const formats = path.join(serverSrc, 'formats');
const protocol = path.join(serverSrc, 'protocol.ts');

const inside = (dir: string) => (file: string | null) => file !== null && (file === dir || file.startsWith(dir + path.sep));
const inEngine = inside(engine);
const rel = (f: string) => path.relative(repoRoot, f);

/** The engine's leaf modules: pure data shapes and helpers that import nothing but each other. */
const engineLeaves = [path.join(engine, 'types.ts'), path.join(engine, 'text.ts')];
const isEngineLeaf = (f: string | null) => f !== null && (engineLeaves.includes(f) || inside(path.join(engine, 'messages'))(f));
const isEngineEntry = (f: string | null) => f === path.join(engine, 'index.ts');

interface Edge extends Import { from: string }
const edgesOf = (files: string[]): Edge[] => files.flatMap((from) => importsOf(from).map((i) => ({ ...i, from })));
const show = (edges: Edge[]) => edges.map((e) => `${rel(e.from)}:${e.line} → ${e.specifier}`);

const serverEdges = edgesOf(sourceFiles(serverSrc));
const clientEdges = edgesOf(sourceFiles(clientSrc));
const engineEdges = serverEdges.filter((e) => inEngine(e.from));

function none(edges: Edge[], message: string): void {
  assert.deepEqual(show(edges), [], message);
}

describe('architecture: import boundaries (ARCHITECTURE.md, "Invariants")', () => {
  it('the graph is read: the engine, the adapters and the client have imports', () => {
    assert.ok(engineEdges.length > 50, `${engineEdges.length} engine imports`);
    assert.ok(serverEdges.some((e) => e.from.endsWith(path.join('lsp', 'session.ts')) && e.specifier === 'vscode-languageserver/node'));
    assert.ok(clientEdges.some((e) => e.specifier === 'vscode'));
  });

  it('the engine imports nothing outside server/src/engine: no node: module, no package (vscode, the LSP runtime), no formats/ or adapter', () => {
    none(engineEdges.filter((e) => !inEngine(e.resolved)), 'the engine is pure TypeScript over strings');
  });

  it('template/ imports nothing from parse/, rules/ or the model readers: only its own files, types, labels and text', () => {
    const template = inside(path.join(engine, 'template'));
    const allowed = [path.join(engine, 'types.ts'), path.join(engine, 'labels.ts'), path.join(engine, 'text.ts')];
    none(engineEdges.filter((e) => template(e.from) && !template(e.resolved) && !allowed.includes(e.resolved!)), 'template data knows nothing of how it is read');
  });

  it('parse/ builds the model from text and template: nothing from rules/ or the model readers (hover, outline, balance, lookup, names, fix)', () => {
    const parse = inside(path.join(engine, 'parse'));
    const allowed = (f: string | null) => parse(f) || inside(path.join(engine, 'template'))(f) || [path.join(engine, 'types.ts'), path.join(engine, 'labels.ts'), path.join(engine, 'text.ts')].includes(f!);
    none(engineEdges.filter((e) => parse(e.from) && !allowed(e.resolved)), 'the parser depends on no reader of its model');
  });

  it('hover and outline read the model only: nothing from parse/ or rules/', () => {
    const readers = [path.join(engine, 'hover.ts'), path.join(engine, 'outline.ts')];
    const internal = (f: string | null) => inside(path.join(engine, 'parse'))(f) || inside(path.join(engine, 'rules'))(f);
    none(engineEdges.filter((e) => readers.includes(e.from) && internal(e.resolved)), 'hover and outline never re-parse nor run rules');
  });

  it('outside the engine, code reaches it through its entry (engine/index.ts) or its leaves (types, text, messages), never parse/, rules/ or template/', () => {
    const outside = [...serverEdges, ...clientEdges].filter((e) => !inEngine(e.from) && inEngine(e.resolved));
    none(outside.filter((e) => !isEngineEntry(e.resolved) && !isEngineLeaf(e.resolved)), 'adapters use the engine\'s public surface');
  });

  it('formats/ (a bundle of its own) takes from the engine only its leaves, so the readers do not carry the engine', () => {
    none(serverEdges.filter((e) => inside(formats)(e.from) && inEngine(e.resolved) && !isEngineLeaf(e.resolved)), 'formats.js must not bundle the engine');
  });

  it('the document readers and their libraries load lazily: outside formats/, no module statically imports one (formats/load.ts requires them)', () => {
    const heavy = heavyFormatsModules();
    assert.ok(heavy.has(path.join(formats, 'index.ts')) && heavy.has(path.join(formats, 'html.ts')), 'the readers are found heavy');
    none(serverEdges.filter((e) => !inside(formats)(e.from) && !e.typeOnly && !e.lazy && heavy.has(e.resolved!)), 'import formats/load.ts, kind.ts, types.ts or messages.ts instead');
  });

  it('the client bundles no server code that needs Node or the LSP runtime: its value imports from server/src are protocol.ts and the engine\'s leaves', () => {
    const fromServer = clientEdges.filter((e) => inside(serverSrc)(e.resolved) && !e.typeOnly);
    none(fromServer.filter((e) => e.resolved !== protocol && !isEngineLeaf(e.resolved)), 'the client is a thin adapter over the server');
  });

  it('protocol.ts, shared by the client and server bundles, imports nothing at run time (types at most)', () => {
    assert.ok(serverEdges.some((e) => e.from === protocol), 'protocol.ts is read');
    none(serverEdges.filter((e) => e.from === protocol && !e.typeOnly), 'the shared names are plain constants and types');
  });
});

/** formats/ modules that statically import, directly or through others, a reader library or a reader. */
function heavyFormatsModules(): Set<string> {
  const libraries = ['parse5', 'fflate', 'saxes', '@embedpdf/pdfium'];
  const edges = serverEdges.filter((e) => inside(formats)(e.from) && !e.typeOnly && !e.lazy);
  const heavy = new Set(edges.filter((e) => libraries.some((l) => e.specifier === l || e.specifier.startsWith(`${l}/`))).map((e) => e.from));
  // The PDF thread runs a bundle of its own (PDFium inside): it counts as a reader.
  for (const f of ['pdfThread.ts', 'pdfWorker.ts']) heavy.add(path.join(formats, f));
  heavy.add(path.join(formats, 'index.ts'));
  for (let grown = true; grown;) {
    grown = false;
    for (const e of edges) if (heavy.has(e.resolved!) && !heavy.has(e.from)) { heavy.add(e.from); grown = true; }
  }
  return heavy;
}
