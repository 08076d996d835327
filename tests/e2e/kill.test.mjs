// The browser killed (SIGKILL, the whole process group) at random moments around an answer, over
// and over on one profile: every answer the app had acknowledged as saved is there at the next
// launch, the app starts every time, and the log holds no damaged row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serveSite, openPhone, withProfile, waitForApp, tap } from './harness.mjs';
import { idbRows, identityOf } from './log-tools.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const TRIALS = Number(process.env.PYPREP_KILL_TRIALS || 30);

const MARK = 'PYPREP_E2E_KILL_PROFILE';

// A process as /proc shows it; `since` (its start time) tells a reused pid apart.
function procInfo(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0], pgrp: Number(fields[2]), since: fields[19] };
  } catch { return null; }  // it is gone
}

// Every process of the browser on this profile: its process group (renderers, GPU, zygotes) and
// the crash handlers, which leave the group; those are found by MARK=<profile>, which the browser
// is launched with and they inherit. (The group's own processes rewrite their environment block
// with their titles, so the mark cannot be read there.)
function browserProcesses(profileDir, group = -1) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = procInfo(Number(name));
    if (!info) continue;
    if (info.pgrp === group) { found.push(info); continue; }
    let environ;
    try { environ = readFileSync(`/proc/${name}/environ`, 'utf8'); } catch { continue; }
    if (environ.split('\0').includes(`${MARK}=${profileDir}`)) found.push(info);
  }
  return found;
}

// The browser's main process: the leader of a process group (Playwright starts it detached)
// whose command line names the profile. Some of its helpers (an on-device model service, started
// late) carry the profile flag too, but they sit in the browser's group, not at its head.
function browserMain(profileDir) {
  const flag = `--user-data-dir=${profileDir}`;
  const main = browserProcesses(profileDir).filter((p) => {
    if (p.pgrp !== p.pid || p.state === 'Z') return false;
    try { return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0').includes(flag); } catch { return false; }
  });
  assert.equal(main.length, 1, `one browser on ${profileDir}: ${JSON.stringify(main)}`);
  return main[0];
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const exists = (p) => { const now = procInfo(p.pid); return !!now && now.since === p.since; };
const running = (p) => { const now = procInfo(p.pid); return !!now && now.since === p.since && now.state !== 'Z'; };

// Waits up to `ms` until `still(p)` holds for none of `list`; returns the rest as they are now.
async function waitUntilNone(list, still, ms) {
  const deadline = Date.now() + ms;
  let left = list.filter(still);
  while (left.length > 0 && Date.now() < deadline) {
    await pause(20);
    left = left.filter(still);
  }
  return left.map((p) => procInfo(p.pid)).filter(Boolean);
}

// SIGKILL to the browser's process group, then to every other process of this profile by pid;
// resolves once none of them runs any more (the dead are reaped by their parents: node reaps the
// browser, init the rest; the end of the test checks that no zombie stays), or after 10 s with
// those still running.
async function killBrowser(profileDir, main) {
  const before = browserProcesses(profileDir, main.pgrp);
  try { process.kill(-main.pgrp, 'SIGKILL'); } catch (e) { if (e.code !== 'ESRCH') throw e; }
  for (const p of before) {
    if (p.pgrp !== main.pgrp && running(p)) try { process.kill(p.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  return waitUntilNone(before, running, 10000);
}

// A small seeded generator for the delays, so a failing run can be repeated (PYPREP_KILL_SEED).
function generator(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

// Reads saved/pending from the test hook as fast as the page answers until `done(state)` or the
// deadline; every saved count seen is reported to `seen` (it may be the last thing seen).
async function watch(page, seen, { done = () => false, untilMs = Infinity }) {
  for (;;) {
    const state = await page.evaluate(() => {
      const s = window.pyprepBridge.test.state;
      return { saved: s.saved, pending: s.pending };
    });
    seen(state.saved);
    if (done(state) || Date.now() >= untilMs) return state;
  }
}

const MOMENTS = ['before the tap', 'right after the tap', 'a random delay after the tap', 'while the write is pending', 'after the ack'];

test(`${TRIALS} kills around an answer lose no acknowledged answer`, () => withProfile(async (dir) => {
  const seed = Number(process.env.PYPREP_KILL_SEED || Date.now() % 100000);
  const random = generator(seed);
  let acked = 0;  // the most saved records the app ever said it had
  const figures = { trials: 0, acknowledged: 0, lost: 0, startsFailed: 0, left: 0, moments: {} };
  const failures = [];
  const everyProcess = new Map();
  const env = { ...process.env, [MARK]: dir };
  for (let trial = 0; trial <= TRIALS; trial++) {  // the last launch only checks the previous kill
    const { context, page } = await openPhone(dir, { env });
    let killed = false;
    try {
      const main = browserMain(dir);
      const note = () => { for (const p of browserProcesses(dir, main.pgrp)) everyProcess.set(`${p.pid}@${p.since}`, p); };
      const kill = async () => {
        note();
        killed = true;
        figures.left += (await killBrowser(dir, main)).length;
      };
      const seen = (saved) => { acked = Math.max(acked, saved); };
      await page.goto(served.url);
      let start;
      try {
        start = await waitForApp(page, (s) => s.screen === 'today', { timeout: 30000 });
      } catch (e) {
        start = await page.evaluate(() => ({ status: document.getElementById('status-text')?.textContent }))
          .catch(() => ({}));
        figures.startsFailed += 1;
        failures.push(`launch ${trial}: the app did not start (${JSON.stringify(start)}): ${e.message}`);
        continue;
      }
      if (!(start.frames > 0 && start.started === true && start.error === '' && start.unreadable === 0 && start.problems === 0)) {
        figures.startsFailed += 1;
        failures.push(`launch ${trial}: started badly: ${JSON.stringify({ ...start, targets: undefined })}`);
      }
      const rows = await idbRows(page);
      const damaged = rows.filter((row) => typeof row.record !== 'string' || row.id !== identityOf(row.record));
      if (damaged.length) failures.push(`launch ${trial}: rows not matching their record: ${JSON.stringify(damaged)}`);
      if (start.saved < acked || rows.length < acked) {
        figures.lost += acked - Math.min(start.saved, rows.length);
        failures.push(`launch ${trial}: ${acked} acknowledged, ${start.saved} saved, ${rows.length} rows`);
      }
      if (start.saved !== rows.length) failures.push(`launch ${trial}: saved ${start.saved} but ${rows.length} rows`);
      seen(start.saved);
      note();
      if (trial === TRIALS) break;

      figures.trials += 1;
      const moment = MOMENTS[trial % MOMENTS.length];
      figures.moments[moment] = (figures.moments[moment] || 0) + 1;
      await tap(page, 'start');
      const shown = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '' && s.pending === 0);
      await tap(page, 'reveal');
      await waitForApp(page, (s) => s.revealed && !!s.targets.good);
      const ackedBefore = acked;
      if (moment !== 'before the tap') {
        await tap(page, 'good');
        if (moment === 'a random delay after the tap') {
          // An answer takes ~0.3 s from the tap to its ack here: this covers before, during, after.
          await watch(page, seen, { untilMs: Date.now() + Math.floor(random() * 400) });
        } else if (moment === 'while the write is pending') {
          await watch(page, seen, { done: (s) => s.pending > 0 || s.saved > shown.saved, untilMs: Date.now() + 5000 });
          await watch(page, seen, { untilMs: Date.now() + Math.floor(random() * 100) });
        } else if (moment === 'after the ack') {
          await watch(page, seen, { done: (s) => s.saved === shown.saved + 1 && s.pending === 0, untilMs: Date.now() + 10000 });
        }
      }
      await kill();
      if (acked > ackedBefore) figures.acknowledged += acked - ackedBefore;
    } finally {
      if (killed) await context.close().catch(() => {});
      else await context.close();
    }
  }
  const leftovers = await waitUntilNone([...everyProcess.values()], exists, 10000);
  console.log(`kill trials: ${figures.trials}, acknowledged answers: ${figures.acknowledged}, ` +
              `saved in all: ${acked}, lost: ${figures.lost}, starts failed: ${figures.startsFailed}, ` +
              `processes left running after a kill: ${figures.left}, browser processes: ${everyProcess.size} (left at the end, zombies included: ${leftovers.length}), seed ${seed}, ` +
              `moments ${JSON.stringify(figures.moments)}`);
  assert.deepEqual(failures, []);
  assert.equal(figures.lost, 0, 'no acknowledged answer was lost');
  assert.equal(figures.startsFailed, 0, 'the app started after every kill');
  assert.equal(figures.left, 0, 'no browser process outlived a kill');
  assert.deepEqual(leftovers, [], `none of the ${everyProcess.size} browser processes is left, not even a zombie`);
  assert.equal(figures.trials, TRIALS);
}));
