// Runs a file as the user's solution to a code card, with the app's runner (Pyodide in a worker
// thread, the same worker.mjs, host.mjs and grade.py), and prints the verdict as one JSON line.
//
// usage: node scripts/run-code.mjs --card <id> <file> [--time-limit <seconds>]
//        node scripts/run-code.mjs --card <id> --reference     (the card's own solution)
// Exit status: 0 for any verdict (pass or not), 2 for bad usage or an unknown card.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

import { PythonRunner } from '../web-shell/runner/host.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function findCard(id) {
  const bank = join(root, 'assets', 'bank');
  for (const file of readdirSync(bank).filter((name) => name.endsWith('.json'))) {
    const card = JSON.parse(readFileSync(join(bank, file), 'utf8')).cards.find((c) => c.id === id);
    if (card) return card;
  }
  return null;
}

// A runner on node: each worker is a worker thread running web-shell/runner/worker.mjs.
export function nodeRunner(timeLimitMs) {
  const workerFile = join(root, 'web-shell', 'runner', 'worker.mjs');
  const spawn = () => {
    const worker = new Worker(workerFile);
    return {
      post: (message) => worker.postMessage(message),
      listen: (handler) => {
        worker.on('message', handler);
        worker.on('error', (error) => handler({ type: 'died', message: String(error) }));
      },
      terminate: () => worker.terminate(),
    };
  };
  return new PythonRunner({
    spawn, timeLimitMs,
    indexURL: join(root, 'node_modules', 'pyodide') + '/',
    graderURL: pathToFileURL(join(root, 'web-shell', 'runner', 'grade.py')).href,
  });
}

// The job for `solution` against `card`, or the verdict when the card cannot run on the phone.
export function jobFor(card, solution) {
  const code = card.code;
  if (!code.runnable) return { verdict: unsupported(code.why_not_runnable) };
  if (code.not_on_phone) return { verdict: unsupported(code.not_on_phone) };
  return { job: { solution, names: code.names, cases: code.cases } };
}

function unsupported(reason) {
  return { status: 'unsupported', passed: 0, total: 0, cases: [], message: reason };
}

async function main(argv) {
  const options = { card: null, file: null, reference: false, timeLimit: 5 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--card') options.card = argv[++i];
    else if (argv[i] === '--reference') options.reference = true;
    else if (argv[i] === '--time-limit') options.timeLimit = Number(argv[++i]);
    else options.file = argv[i];
  }
  if (!options.card || (!options.file && !options.reference) || !(options.timeLimit > 0)) {
    console.error('usage: node scripts/run-code.mjs --card <id> (<file> | --reference) [--time-limit <s>]');
    return 2;
  }
  const card = findCard(options.card);
  if (!card || card.kind !== 'code') {
    console.error(`no code card with id "${options.card}" in assets/bank`);
    return 2;
  }
  const solution = options.reference ? card.code.solution : readFileSync(options.file, 'utf8');
  const { job, verdict: early } = jobFor(card, solution);
  let verdict = early;
  if (job) {
    const runner = nodeRunner(options.timeLimit * 1000);
    verdict = await runner.run(job);
    runner.stop();
  }
  process.stdout.write(JSON.stringify(verdict) + '\n');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
