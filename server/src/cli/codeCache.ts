// A V8 code cache for the CLI bundle: server/out/cli.js (the command) compiles server/out/cli-main.js (the CLI)
// with the bytecode that the build saved in cli-main.cache, instead of parsing and compiling it again in every
// process and worker thread. The cache is used only if it was made from these very bytes by this Node and V8
// on this architecture (V8 itself checks only the source's length, its version and its flags); otherwise, or if
// V8 refuses it, the bundle is compiled as usual. See docs/performance.md.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

export type CacheUse = 'used' | 'absent' | 'stale' | 'rejected';

interface Header { node: string; v8: string; arch: string; sha256: string }

/** The cache file beside a bundle: cli-main.js → cli-main.cache. */
export function cacheFileOf(bundle: string): string {
  return bundle.replace(/\.js$/, '') + '.cache';
}

function headerOf(source: Buffer): Header {
  return { node: process.version, v8: process.versions.v8, arch: process.arch, sha256: createHash('sha256').update(source).digest('hex') };
}

/** The bundle as CommonJS wraps a module, so that it runs as if required. */
function wrap(source: Buffer): string {
  const text = source.toString('utf8');
  return `(function (exports, require, module, __filename, __dirname) {${text.startsWith('#!') ? `//${text.slice(2)}` : text}\n})`;
}

/** The cache's bytecode if its header names this source, Node, V8 and architecture; else why not. */
function readCache(cacheFile: string, source: Buffer): Buffer | 'absent' | 'stale' {
  let bytes: Buffer;
  try { bytes = fs.readFileSync(cacheFile); } catch { return 'absent'; }
  const end = bytes.indexOf(0x0a);
  if (end < 0) return 'stale';
  let header: Partial<Header>;
  try { header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Partial<Header>; } catch { return 'stale'; }
  const want = headerOf(source);
  const same = header.node === want.node && header.v8 === want.v8 && header.arch === want.arch && header.sha256 === want.sha256;
  return same ? bytes.subarray(end + 1) : 'stale';
}

/** Compile `bundle` (with its cache when that is valid); `use` says whether the cache was used. */
export function compileBundle(bundle: string): { script: vm.Script; use: CacheUse } {
  const source = fs.readFileSync(bundle);
  const cached = readCache(cacheFileOf(bundle), source);
  const cachedData = typeof cached === 'string' ? undefined : cached;
  const script = new vm.Script(wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const use: CacheUse = typeof cached === 'string' ? cached : script.cachedDataRejected ? 'rejected' : 'used';
  return { script, use };
}

/** Run a compiled bundle as the module `module` (its exports become the bundle's), with `require` for its imports. */
export function runBundle(script: vm.Script, bundle: string, module: NodeJS.Module, require: NodeJS.Require): void {
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: NodeJS.Module, f: string, d: string) => void;
  fn.call(module.exports, module.exports, require, module, bundle, path.dirname(bundle));
}

/** Save the code cache of `script` (compiled from `bundle` by compileBundle, and run so its functions are compiled). */
export function writeCache(script: vm.Script, bundle: string): void {
  const header = Buffer.from(JSON.stringify(headerOf(fs.readFileSync(bundle))) + '\n', 'utf8');
  fs.writeFileSync(cacheFileOf(bundle), Buffer.concat([header, script.createCachedData()]));
}
