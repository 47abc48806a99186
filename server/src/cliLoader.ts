// gov-report-lint, the command (server/out/cli.js): compiles the CLI's bundle (server/out/cli-main.js, from
// cli.ts) with the build's V8 code cache when it is valid (cli/codeCache.ts), and runs it as this module, so
// that `require('server/out/cli.js')` exports what cli.ts exports. Worker threads start from this file too.
import * as path from 'node:path';
import { compileBundle, runBundle } from './cli/codeCache';
import { setCliV8Flags } from './cli/v8Flags';

const bundle = path.join(__dirname, 'cli-main.js');
// Only as the command (or its worker threads): a program that merely requires the CLI keeps its own V8 flags.
if (require.main === module) setCliV8Flags();
runBundle(compileBundle(bundle).script, bundle, module, require);
