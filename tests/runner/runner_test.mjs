// The app's runner (web-shell/runner/host.mjs + worker.mjs, Pyodide in a worker thread) under
// node, through scripts/run-code.mjs's helpers: a run over its time limit is interrupted and the
// runner answers the next run at once; a solution that exhausts memory is an error and the runner
// stays usable; a syntax error and an unsupported card give their statuses.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import { findCard, jobFor, nodeRunner } from '../../scripts/run-code.mjs';

const runner = nodeRunner(2000);
after(() => runner.stop());
const card = findCard('largest-without-builtins');
const job = (solution) => jobFor(card, solution).job;
const REFERENCE = card.code.solution;

test('a run over its limit is interrupted, keeps the finished cases and the next run answers at once', async () => {
  const looping = 'def largest(items):\n    items = list(items)\n    while len(items) == 1:\n        pass\n    return max(items)\n';
  const verdict = await runner.run(job(looping));
  assert.equal(verdict.status, 'timeout');
  assert.equal(verdict.message, 'Stopped after 2 s: case "one item" was still running.');
  assert.deepEqual(verdict.cases.map((c) => c.name), ['a mixed list', 'all negative']);
  const started = Date.now();
  const next = await runner.run(job(REFERENCE));
  assert.equal(next.status, 'pass');
  assert.ok(Date.now() - started < 1000, 'interrupted, not restarted: no second load');
});

test('a solution that exhausts memory is an error and the runner stays usable', async () => {
  const greedy = 'def largest(items):\n    hoard = bytearray(8 * 1024 ** 3)\n    return hoard\n';
  const verdict = await runner.run(job(greedy));
  assert.equal(verdict.status, 'error');
  assert.match(verdict.cases[0].message, /MemoryError|OverflowError/);
  assert.equal((await runner.run(job(REFERENCE))).status, 'pass');
});

test('a syntax error gives its line; a card the phone cannot run is unsupported with the reason', async () => {
  const verdict = await runner.run(job('def largest(items)\n    return 1\n'));
  assert.deepEqual([verdict.status, verdict.line], ['syntax', 1]);
  const threads = findCard('concurrent-futures-threadpool');
  const { verdict: unsupported } = jobFor(threads, threads.code.solution);
  assert.equal(unsupported.status, 'unsupported');
  assert.equal(unsupported.message, threads.code.not_on_phone);
});
