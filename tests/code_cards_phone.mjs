// Grades every runnable code card's reference solution on the phone's Python: the app's runner
// (Pyodide in a worker thread, web-shell/runner/) under node. A card marked not_on_phone is
// listed, not run. Prints each failure and a summary; exit status 0 only if every card passes.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { jobFor, nodeRunner } from '../scripts/run-code.mjs';

const bank = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'bank');
const cards = readdirSync(bank).filter((name) => name.endsWith('.json')).sort()
  .flatMap((file) => JSON.parse(readFileSync(join(bank, file), 'utf8')).cards)
  .filter((card) => card.kind === 'code' && card.code.runnable);

const runner = nodeRunner(20_000);
await runner.start();
let held = 0;
const skipped = [];
const failures = [];
for (const card of cards) {
  const { job, verdict: early } = jobFor(card, card.code.solution);
  if (!job) {
    skipped.push(`${card.id} (${early.message})`);
    continue;
  }
  const verdict = await runner.run(job);
  if (verdict.status === 'pass') {
    held++;
    continue;
  }
  const failing = verdict.cases.filter((c) => c.status !== 'pass').slice(0, 3)
    .map((c) => `${c.name}: ${c.message ?? c.status}`);
  failures.push(`${card.id}: ${verdict.status}: ${verdict.message ?? failing.join('; ')}`);
}
runner.stop();
console.log(`code cards on the phone's Python ${runner.version}: ${cards.length} runnable, ` +
  `${skipped.length} not on the phone`);
for (const line of skipped) console.log(`  not on the phone: ${line}`);
for (const line of failures) console.log(`  FAILED: ${line}`);
console.log(`phone code cards check: ${held} / ${cards.length - skipped.length} hold`);
process.exitCode = failures.length ? 1 : 0;
