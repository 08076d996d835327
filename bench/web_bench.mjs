// Web benchmark (prints figures, asserts nothing): sizes of the shipped files, cold first-frame
// time over fresh profiles and the start-up phases inside it, reload time from the service
// worker, both against a bare Dear ImGui page of the same toolchain (bench/bare_page/), frames
// rendered while idle, and the CPU time per frame while scrolling the longest answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import {
  root, site, serveSite, openPhone, waitForApp, freshProfileDir, removeProfileDir, tap, typeInto, drag,
} from '../tests/e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';

const RUNS = 5;
const IDLE_SECONDS = 10;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Every file of the site, by its path from the site's root.
const filesUnder = (dir, prefix = '') => readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)]).sort();

// The app's files one by one, and the Python runtime (pyodide/, fetched only when code first runs)
// as one line apart from the app's total.
function sizes() {
  console.log('Shipped files (raw / gzip -9 / brotli -q 11):');
  const total = [0, 0, 0], runtime = [0, 0, 0];
  for (const name of filesUnder(site)) {
    const data = readFileSync(join(site, name));
    const row = [data.length, gzipSync(data, { level: 9 }).length,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
    const python = name.startsWith('pyodide/');
    row.forEach((value, i) => { (python ? runtime : total)[i] += value; });
    if (!python) console.log(`  ${name.padEnd(24)}${row.map(kb).join('')}`);
  }
  console.log(`  ${'app total'.padEnd(24)}${total.map(kb).join('')}`);
  console.log(`  ${'Python runtime (lazy)'.padEnd(24)}${runtime.map(kb).join('')}`);
}

// The start-up marks (phase, ms since navigation start) as phases: [name, ms it took].
const phasesOf = (marks) => marks.map(([name, at], i) => [name, at - (i > 0 ? marks[i - 1][1] : 0)]);

// Phases by name (their order can differ between runs where work overlaps), in the first run's order.
function printPhases(title, runs) {
  console.log(`${title}, median of ${runs.length} (ms):`);
  for (const [name] of runs[0]) {
    const values = runs.map((run) => { const phase = run.find(([other]) => other === name); return phase ? phase[1] : NaN; });
    console.log(`  ${name.padEnd(34)}${median(values).toFixed(1).padStart(8)}`);
  }
}

// One fresh profile's first frame of the bare page, cold and reloaded (from the HTTP cache: it
// has no service worker).
async function baselineRun(url) {
  const firstFrame = async (page) => {
    await page.waitForFunction(() => window.bareFirstFrameMs > 0, null, { timeout: 20000 });
    return page.evaluate(() => window.bareFirstFrameMs);
  };
  const dir = freshProfileDir();
  const { context, page } = await openPhone(dir);
  try {
    await page.goto(url);
    const cold = await firstFrame(page);
    await page.reload();
    return { cold, reload: await firstFrame(page) };
  } finally {
    await context.close();
    removeProfileDir(dir);
  }
}

// The app's runs alternate with the bare page's, so that the machine's drift over the bench
// (±20% here) falls on both sides of the ratio alike.
async function timings(url) {
  const cold = [], reload = [], coldPhases = [], reloadPhases = [];
  const bare = { cold: [], reload: [] };
  const bareServer = await startServer(join(root, 'build/web/bare'), 0);
  const bareUrl = `http://127.0.0.1:${bareServer.address().port}/`;
  let idleFrames = null;
  for (let run = 0; run < RUNS; run++) {
    const baseline = await baselineRun(bareUrl);
    bare.cold.push(baseline.cold);
    bare.reload.push(baseline.reload);
    const dir = freshProfileDir();
    const { context, page } = await openPhone(dir);
    await page.goto(url);
    await waitForApp(page, (s) => s.cards > 0);
    cold.push(await page.evaluate(() => window.pyprepBridge.test.firstFrameMs));
    coldPhases.push(phasesOf(await page.evaluate(() => window.pyprepBridge.test.startup)));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();  // now controlled by the service worker
    await waitForApp(page, (s) => s.cards > 0);
    reload.push(await page.evaluate(() => window.pyprepBridge.test.firstFrameMs));
    reloadPhases.push(phasesOf(await page.evaluate(() => window.pyprepBridge.test.startup)));
    if (run === 0) {
      await page.waitForTimeout(1000);  // let start-up settle
      const start = await page.evaluate(() => window.pyprepBridge.test.frames);
      await page.waitForTimeout(IDLE_SECONDS * 1000);
      idleFrames = (await page.evaluate(() => window.pyprepBridge.test.frames)) - start;
    }
    await context.close();
    removeProfileDir(dir);
  }
  console.log(`Cold first frame, median of ${RUNS} fresh profiles: ${median(cold).toFixed(0)} ms ` +
              `(all: ${cold.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`Reload from the service worker, median of ${RUNS}: ${median(reload).toFixed(0)} ms ` +
              `(all: ${reload.map((t) => t.toFixed(0)).join(', ')})`);
  bareServer.close();
  console.log(`Bare Dear ImGui page, median of ${RUNS}: cold ${median(bare.cold).toFixed(0)} ms ` +
              `(all: ${bare.cold.map((t) => t.toFixed(0)).join(', ')}), reload ${median(bare.reload).toFixed(0)} ms`);
  console.log(`App / bare page: cold ${(median(cold) / median(bare.cold)).toFixed(2)}x, ` +
              `reload ${(median(reload) / median(bare.reload)).toFixed(2)}x`);
  console.log(`Frames rendered during ${IDLE_SECONDS} s idle: ${idleFrames}`);
  printPhases('Cold start-up phases', coldPhases);
  printPhases('Reload start-up phases', reloadPhases);
}

// CPU per frame while dragging through the longest answer in the bank, on a fresh phone profile:
// ImGui's new frame to its render (the UI's own work), and what else a frame does but the swap
// (handing draw lists to WebGL, which waits on the software GPU, and publishing the mirror).
async function scrollCost(url) {
  const dir = freshProfileDir();
  const { context, page } = await openPhone(dir);
  try {
    await page.goto(url);
    await waitForApp(page, (s) => s.screen === 'today');
    await tap(page, 'tab-browse');
    await typeInto(page, 'search', 'authentication flows basic auth JWT OAuth2');
    await waitForApp(page, (s) => !!s.targets['result-0']);
    await tap(page, 'result-0');
    const card = await waitForApp(page, (s) => s.screen === 'card');
    await page.evaluate(() => { window.pyprepBridge.test.frameCpuMs.length = 0; });
    const { width, height } = page.viewportSize();
    for (let i = 0; i < 12; i++) {
      await drag(page, { x: width * 0.5, y: height * 0.8 }, { x: width * 0.5, y: height * 0.3 }, { steps: 20 });
    }
    await waitForApp(page, (s) => !s.scrolling);
    const frames = await page.evaluate(() => window.pyprepBridge.test.frameCpuMs);
    const spread = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`;
    };
    console.log(`CPU per frame while scrolling ${card.open_card} (${frames.length} frames):`);
    console.log(`  ImGui new frame to render           ${spread(frames.map(([build]) => build))}`);
    console.log(`  the rest but the swap (GL, mirror)  ${spread(frames.map(([, other]) => other))}`);
    console.log(`  whole frame but the swap            ${spread(frames.map(([build, other]) => build + other))}`);
  } finally {
    await context.close();
    removeProfileDir(dir);
  }
}

sizes();
const { server, url } = await serveSite();
try {
  await timings(url);
  await scrollCost(url);
} finally { server.close(); }
