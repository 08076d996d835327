// Figures for code practice on the phone profile (scripts/bench-web.sh python; prints, asserts
// nothing). A run is the card's
// starter against its cases (every case runs and fails): the time measured is Run → verdict.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import {
  serveSite, withProfile, openPhone, waitForApp, tap, typeInto, appState, site,
} from '../tests/e2e/harness.mjs';

const CARD = 'largest-without-builtins';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function openPractice(page) {
  await tap(page, 'tab-browse');
  await typeInto(page, 'search', 'largest element without');
  await waitForApp(page, (s) => !!s.targets['result-0']);
  await tap(page, 'result-0');
  await waitForApp(page, (s) => s.open_card === CARD);
  await tap(page, 'practice');
  await waitForApp(page, (s) => s.screen === 'practice');
}

// Taps Run; returns the milliseconds until the verdict is in the app's published state, the
// time from the frame that took Run to the frame that draws the verdict, the runner's own time
// (request to verdict, in the page) and the frames drawn meanwhile.
async function timedRun(page) {
  const before = await appState(page);
  const started = Date.now();
  await tap(page, 'run');
  const done = await waitForApp(page, (s) => s.practice && !s.practice.running && s.practice.runs > before.practice.runs,
    { timeout: 120000 });
  return { ms: Date.now() - started, runner: done.practice.duration_ms, frames: done.frames - before.frames,
    status: done.practice.status, app: done.practice.verdict_after_ms };
}
const describe = (runs) => `median ${median(runs.map((r) => r.ms))} ms of ${runs.length} ` +
  `(${runs.map((r) => r.ms).join(', ')}); in the app (the frame that took Run to the frame that ` +
  `draws the verdict): median ${median(runs.map((r) => r.app))} ms; ` +
  `the runner's own: median ${median(runs.map((r) => r.runner))} ms; ` +
  `frames drawn meanwhile: median ${median(runs.map((r) => r.frames))}`;

const runtime = JSON.parse(readFileSync(join(site, 'runtime.json'), 'utf8'));
let raw = 0, gzip = 0, brotli = 0;
for (const file of runtime.files) {
  const body = readFileSync(join(site, file.path));
  raw += body.length;
  gzip += gzipSync(body, { level: 9 }).length;
  brotli += brotliCompressSync(body).length;
}
const mb = (n) => (n / 1e6).toFixed(2) + ' MB';
console.log(`Python runtime ${runtime.version}: ${runtime.files.length} files, ${mb(raw)} raw, ${mb(gzip)} gzip, ${mb(brotli)} brotli`);

const served = await serveSite();
await withProfile(async (dir) => {
  let phone = await openPhone(dir);
  await phone.page.goto(served.url);
  await waitForApp(phone.page, (s) => s.screen === 'today');
  await openPractice(phone.page);
  const first = await timedRun(phone.page);  // downloads the runtime into the cache
  console.log(`first run ever (downloads the runtime from the local server): ${first.ms} ms (${first.status})`);
  const isolated = await phone.page.evaluate(() => crossOriginIsolated);
  console.log(`cross-origin isolated (interrupt without restart): ${isolated}`);

  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await timedRun(phone.page));
  console.log(`warm run → verdict: ${describe(warm)}`);

  const memory = await phone.page.evaluate(async () => {
    if (!performance.measureUserAgentSpecificMemory) return null;
    const result = await performance.measureUserAgentSpecificMemory();
    let workers = 0;
    for (const entry of result.breakdown) {
      if (entry.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) workers += entry.bytes;
    }
    return { total: result.bytes, workers };
  });
  console.log(memory ? `memory: ${mb(memory.total)} in all, the Python worker ${mb(memory.workers)}`
    : 'memory: not measurable here (measureUserAgentSpecificMemory is missing)');

  // An infinite loop: the verdict comes at the time limit; then how soon the next run answers.
  await tap(phone.page, 'back');
  await waitForApp(phone.page, (s) => s.screen === 'card');
  await tap(phone.page, 'practice');
  await waitForApp(phone.page, (s) => s.screen === 'practice');
  const loop = await (async () => {
    const state = await appState(phone.page);
    await tap(phone.page, 'editor');
    await waitForApp(phone.page, (s) => s.text_input);
    for (const _ of state.practice.code.split('\n')) await phone.page.keyboard.press('ArrowDown');
    await phone.page.keyboard.press('End');
    await phone.page.keyboard.type('\nwhile True: pass');
    return timedRun(phone.page);
  })();
  console.log(`infinite loop → verdict (${loop.status}): ${loop.ms} ms (the runner's own: ${loop.runner} ms)`);
  // Undo the loop line: the next run answers once the runner is ready again.
  await tap(phone.page, 'editor');
  await waitForApp(phone.page, (s) => s.text_input);
  for (let i = 0; i < 'while True: pass'.length + 1; i++) await phone.page.keyboard.press('Backspace');
  const after = await timedRun(phone.page);
  console.log(`infinite loop until ready: the next run's verdict ${after.ms} ms later (${after.status}, the runner's own ${after.runner} ms); loop + next: ${loop.ms + after.ms} ms`);
  await phone.context.close();

  // Cold: a new launch, the runtime in the service-worker cache. Opening a task starts loading
  // Python, so Run right away waits for the rest of the load; a user who reads the task first
  // (here 3 s) finds it loaded.
  for (const [label, readMs] of [['Run at once', 0], ['Run after reading the task for 3 s', 3000]]) {
    const cold = [];
    for (let i = 0; i < 5; i++) {
      phone = await openPhone(dir);
      await phone.page.goto(served.url);
      await waitForApp(phone.page, (s) => s.screen === 'today');
      await openPractice(phone.page);
      await new Promise((resolve) => setTimeout(resolve, readMs));
      cold.push(await timedRun(phone.page));
      await phone.context.close();
    }
    console.log(`cold run → verdict (first run after launch, runtime from the service-worker cache; ${label}): ${describe(cold)}`);
  }

  // The same warm runs at device pixel ratio 1: here the GPU is software (SwiftShader), and at
  // DPR 3 each frame's fill takes most of the time between Run and the verdict on screen.
  phone = await openPhone(dir, { deviceScaleFactor: 1 });
  await phone.page.goto(served.url);
  await waitForApp(phone.page, (s) => s.screen === 'today');
  await openPractice(phone.page);
  await timedRun(phone.page);
  const flat = [];
  for (let i = 0; i < 5; i++) flat.push(await timedRun(phone.page));
  console.log(`warm run → verdict at DPR 1: ${describe(flat)}`);
  await phone.context.close();
});
served.server.close();
