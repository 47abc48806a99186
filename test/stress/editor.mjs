// The "other program" of the stress run (fix-stress.ts): while the CLI fixes the files, rewrite some of them,
// the way an editor saves (in place, truncate and write), each file twice, in path order as the CLI goes, one
// write every 25 ms (about the CLI's pace over the 7 files between two edited ones, fsync included).
// usage: node test/stress/editor.mjs PLAN.json   (PLAN: [{file, versions: [first edit, second edit]}])
import { readFileSync, writeFileSync } from 'node:fs';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

for (let round = 0; round < 2; round++) {
  for (const { file, versions } of plan) {
    writeFileSync(file, versions[round]);
    await sleep(25);
  }
}
