// Run by scripts/build.mjs (bundled to a temporary file): `node write-code-cache.js BUNDLE FILE...` compiles the
// CLI's bundle, lints FILE... with it in this thread (as text and as JSON, the usual formats), so that the functions a run needs
// are compiled, and saves their bytecode as the bundle's code cache (see codeCache.ts).
import * as fs from 'node:fs';
import { cacheFileOf, compileBundle, runBundle, writeCache } from './codeCache';
import { setCliV8Flags } from './v8Flags';

type Main = (argv: readonly string[], io: { out(s: string): void; err(s: string): void; colour: boolean; env: NodeJS.ProcessEnv; script: null }) => Promise<number>;

async function writeCodeCache(bundle: string, files: readonly string[]): Promise<void> {
  setCliV8Flags();
  fs.rmSync(cacheFileOf(bundle), { force: true });
  const { script } = compileBundle(bundle);
  const loaded = { exports: {} } as NodeJS.Module;
  runBundle(script, bundle, loaded, require);
  const { main } = loaded.exports as { main: Main };
  const io = { out: () => undefined, err: () => undefined, colour: false, env: {}, script: null };
  for (const format of ['text', 'json']) await main(['--format', format, '--no-config', ...files], io);
  writeCache(script, bundle);
}

const [bundle, ...files] = process.argv.slice(2);
writeCodeCache(bundle, files).catch((err: unknown) => {
  process.stderr.write(`write-code-cache: ${String((err as Partial<Error> | undefined)?.stack ?? err)}\n`);
  process.exitCode = 1;
});
