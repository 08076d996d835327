// Code practice on the phone profile: open a code card, write a solution through the keyboard
// proxy and the key row, run it on the phone's Python (downloaded on first use, then offline),
// see each case's verdict; an infinite loop is stopped; the draft survives a reload; the first
// launch downloads no Python.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveSite, withPhone, waitForApp, tap, appState, typeInto, artifacts, screenshotStats, root, scrollTo, drag, resize,
} from './harness.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const CARD = 'largest-without-builtins';

async function openPractice(page) {
  await tap(page, 'tab-browse');
  await typeInto(page, 'search', 'largest element without');
  await waitForApp(page, (s) => s.screen === 'browse' && !!s.targets['result-0']);
  await tap(page, 'result-0');
  await waitForApp(page, (s) => s.open_card === CARD);
  await tap(page, 'practice');
  return waitForApp(page, (s) => s.screen === 'practice' && s.practice && s.practice.card === CARD);
}

// Empties the editor as a user would: the caret to the end, then Backspace.
async function clearEditor(page) {
  for (let attempt = 0; attempt < 3; attempt++) {
    let state = await appState(page);
    if (!state.text_input) {
      await tap(page, 'editor');
      state = await waitForApp(page, (s) => s.text_input);
    }
    for (const _ of state.practice.code.split('\n')) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    for (let i = 0; i < state.practice.code.length + 4; i++) await page.keyboard.press('Backspace');
    try {
      return await waitForApp(page, (s) => s.practice.code === '', { timeout: 5000 });
    } catch {
      state = await appState(page);
      console.log(`# editor not empty yet (attempt ${attempt + 1}): text_input ${state.text_input}, ` +
                  JSON.stringify(state.practice.code));
    }
  }
  throw new Error('the editor could not be emptied');
}

// Types lines as a thumb would: the editor indents after ':' and keeps indentation; `dedent`
// taps the key row's Shift-Tab that many times before a line.
async function typeLines(page, lines) {
  for (const [dedent, text] of lines) {
    for (let i = 0; i < dedent; i++) await tap(page, 'key-1');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
}

// The bridge's view of the Python runtime, once `until` holds.
async function pythonStatus(page, until) {
  for (let i = 0; i < 300; i++) {
    const status = JSON.parse(await page.evaluate(() => window.pyprepBridge.pythonStatus()));
    if (until(status)) return status;
    await page.waitForTimeout(100);
  }
  throw new Error('the Python runtime did not reach the expected state');
}

async function run(page) {
  const before = await appState(page);
  await tap(page, 'run');
  return waitForApp(page, (s) => s.practice && !s.practice.running && s.practice.runs > before.practice.runs,
    { timeout: 60000 });
}

const CORRECT = [
  [0, 'def largest(items):'], [0, 'it = iter(items)'], [0, 'try:'], [0, 'best = next(it)'],
  [1, 'except StopIteration:'], [0, 'raise ValueError("empty")'], [1, 'for x in it:'],
  [0, 'if x > best:'], [0, 'best = x'], [2, 'return best'],
];

test('a correct solution typed on the phone passes every case; a buggy one names the failing case', () => withPhone(served.url, async ({ page, problems, context }) => {
  const runtimeRequests = [];
  context.on('request', (r) => { if (r.url().includes('/pyodide/')) runtimeRequests.push(r.url()); });
  const opened = await openPractice(page);
  assert.equal(opened.practice.code, 'def largest(items):\n    ...\n', 'the editor opens with the starter');
  assert.equal(runtimeRequests.length, 0, 'opening the app and a task downloads no Python');

  await clearEditor(page);
  await typeLines(page, CORRECT);
  const typed = await appState(page);
  assert.equal(typed.practice.code, 'def largest(items):\n    it = iter(items)\n    try:\n        best = next(it)\n' +
    '    except StopIteration:\n        raise ValueError("empty")\n    for x in it:\n        if x > best:\n' +
    '            best = x\n    return best\n    ');
  await screenshotStats(page, join(artifacts, 'screens', 'practice-typed.png'));
  const passed = await run(page);
  await screenshotStats(page, join(artifacts, 'screens', 'practice-passed.png'));
  assert.equal(passed.practice.status, 'pass', JSON.stringify(passed.practice).slice(0, 600));
  assert.ok(passed.practice.cases.length >= 5);
  assert.ok(passed.practice.cases.every((c) => c.status === 'pass'));

  await clearEditor(page);
  await typeLines(page, [[0, 'def largest(items):'], [0, 'return sorted(items)[-1]']]);
  const failed = await run(page);
  await screenshotStats(page, join(artifacts, 'screens', 'practice-failed.png'));
  assert.equal(failed.practice.status, 'error');
  const empty = failed.practice.cases.find((c) => c.name === 'empty input raises ValueError');
  assert.equal(empty.status, 'error');
  assert.match(empty.message, /IndexError/);
  assert.equal(empty.line, 2, 'the line of the user\'s code');
  const ties = failed.practice.cases.find((c) => c.name === 'the first of equal maxima');
  assert.deepEqual([ties.status, ties.expected, ties.actual], ['fail', "'first'", "'second'"]);

  // The command for scripts gives the same verdict for the same code.
  const file = join(mkdtempSync(join(tmpdir(), 'pyprep-code-')), 'solution.py');
  writeFileSync(file, failed.practice.code);
  const command = JSON.parse(execFileSync('node', [join(root, 'scripts/run-code.mjs'), '--card', CARD, file], { encoding: 'utf8' }));
  assert.equal(command.status, failed.practice.status);
  assert.deepEqual(command.cases.map((c) => [c.name, c.status, c.expected ?? '', c.actual ?? '', c.line ?? 0]),
    failed.practice.cases.map((c) => [c.name, c.status, c.expected, c.actual, c.line]));

  // Pasted code keeps its own indentation: only Enter indents.
  await clearEditor(page);
  const pasted = 'def largest(items):\n    if not items:\n        raise ValueError\n    return items[0]\n';
  // As a phone's paste reaches the keyboard proxy: the text in the field, the event without data.
  await page.evaluate((text) => {
    const proxy = document.getElementById('keyboard-proxy');
    proxy.value = ' ' + text;
    proxy.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: null }));
  }, pasted);
  await waitForApp(page, (s) => s.practice.code === pasted);
  assert.deepEqual(problems.consoleErrors, []);
}));

test('an infinite loop is stopped and the next run works; the draft survives a reload; offline it still runs', () => withPhone(served.url, async ({ page, context, problems }) => {
  await openPractice(page);
  await clearEditor(page);
  await typeLines(page, [[0, 'def largest(items):'], [0, 'while True:'], [0, 'pass']]);
  const started = Date.now();
  const stopped = await run(page);
  const stoppedAfter = Date.now() - started;
  assert.equal(stopped.practice.status, 'timeout');
  assert.match(stopped.practice.message, /Stopped after 5 s: case "a mixed list" was still running/);

  await clearEditor(page);
  await typeLines(page, CORRECT);
  const passed = await run(page);
  assert.equal(passed.practice.status, 'pass', 'the runner is ready again after the loop');
  const typed = passed.practice.code;

  await page.reload();
  await waitForApp(page, (s) => s.screen === 'today');
  const reopened = await openPractice(page);
  assert.equal(reopened.practice.code, typed, 'the draft is back after a reload');
  assert.equal(reopened.practice.runs, 2, 'both runs are in the log');
  const restarted = await pythonStatus(page, (p) => p.runner === 'ready');
  assert.equal(restarted.load_phases.from_snapshot, true, 'the second launch restores the snapshot the first one took');

  await context.setOffline(true);
  await page.reload();
  await waitForApp(page, (s) => s.screen === 'today');
  await openPractice(page);
  const offline = await run(page);
  assert.equal(offline.practice.status, 'pass', 'Python runs offline once downloaded');
  console.log(`# infinite loop: verdict after ${stoppedAfter} ms`);
  assert.deepEqual(problems.consoleErrors, []);
}));

test('a damaged start-up snapshot is dropped: Python starts normally, runs, and takes a new one', () => withPhone(served.url, async ({ page, problems }) => {
  await openPractice(page);
  await run(page);  // downloads Python and starts it: the first start takes the snapshot
  const snapshot = () => page.evaluate(async () => {
    const runtime = await (await fetch('runtime.json')).json();
    const hit = await (await caches.open(runtime.cache)).match(new URL('pyodide/started.snapshot', location.href).href);
    return hit ? (await hit.arrayBuffer()).byteLength : 0;
  });
  for (let i = 0; i < 50 && !(await snapshot()); i++) await page.waitForTimeout(100);
  assert.ok(await snapshot() > 1e6, 'the first start took a snapshot');
  await page.evaluate(async () => {
    const runtime = await (await fetch('runtime.json')).json();
    await (await caches.open(runtime.cache)).put(new URL('pyodide/started.snapshot', location.href).href,
      new Response(new Uint8Array(4096).fill(7)));
  });
  await page.reload();
  await waitForApp(page, (s) => s.screen === 'today');
  await openPractice(page);
  const started = await pythonStatus(page, (p) => p.runner === 'ready' || p.runner === 'broken');
  assert.deepEqual([started.runner, started.load_phases.from_snapshot], ['ready', false]);
  const ran = await run(page);
  assert.equal(ran.practice.status, 'error', 'the starter runs (and fails its cases)');
  for (let i = 0; i < 50 && (await snapshot()) <= 4096; i++) await page.waitForTimeout(100);
  assert.ok(await snapshot() > 1e6, 'a new snapshot replaced the damaged one');
  assert.deepEqual(problems.consoleErrors, []);
}));

test('Settings downloads Python for offline use with progress in MB, and the download can be cancelled', () => withPhone(served.url, async ({ page, context }) => {
  const python = () => page.evaluate(() => JSON.parse(window.pyprepBridge.pythonStatus()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 20, downloadThroughput: 1.5e6, uploadThroughput: 1e6 });  // a slow phone line
  await tap(page, 'tab-settings');
  await scrollTo(page, 'python-download');
  await tap(page, 'python-download');
  await waitForApp(page, (s) => !!s.targets['python-cancel']);
  const downloading = await python();
  assert.equal(downloading.state, 'downloading');
  assert.ok(downloading.total > 13e6, 'the size to download is known');
  await tap(page, 'python-cancel');
  await waitForApp(page, (s) => !!s.targets['python-download']);
  const cancelled = await python();
  assert.deepEqual([cancelled.state, cancelled.message], ['absent', 'Download cancelled.']);
  assert.ok(cancelled.done < cancelled.total);

  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await tap(page, 'python-download');
  await waitForApp(page, (s) => !s.targets['python-download'] && !s.targets['python-cancel'], { timeout: 60000 });
  assert.equal((await python()).state, 'ready');
  await cdp.detach();
}));

test('at the largest text on a 320 px phone the key row keeps two rows and leaves the editor room; long lines scroll sideways; press-and-hold selects', () => withPhone(served.url, async ({ page }) => {
  await tap(page, 'tab-settings');
  for (let scale = 1.0; scale < 1.55; scale += 0.1) {
    await scrollTo(page, 'text-size-plus');
    await tap(page, 'text-size-plus');
    await waitForApp(page, new Function('s', `return s.text_scale > ${scale + 0.05}`), { frames: 2 });
  }
  await resize(page, 320, 640);
  await tap(page, 'tab-today');
  await waitForApp(page, (s) => s.screen === 'today');
  const opened = await openPractice(page);

  const keys = Object.entries(opened.targets).filter(([name]) => /^key-\d+$/.test(name)).map(([, r]) => r);
  assert.equal(keys.length, 17, 'every key is on screen');
  const rows = new Set(keys.map((r) => Math.round(r[1])));
  assert.equal(rows.size, 2, `the key row takes two rows (tops ${[...rows]})`);
  const keyTop = Math.min(...keys.map((r) => r[1]));
  assert.ok(keyTop >= 640 * 0.6, `the key row sits at the bottom, leaving the editor room (its top at ${keyTop} of 640)`);
  assert.ok(keys.every((r) => r[2] >= 28 && r[3] >= 40), `each key is big enough for a thumb: ${JSON.stringify(keys.slice(0, 2))}`);
  await screenshotStats(page, join(artifacts, 'screens', 'practice-320-160.png'));

  // A line longer than the editor is wide: a sideways drag on it scrolls it, and the page stays.
  await scrollTo(page, 'editor');
  await clearEditor(page);
  await page.keyboard.type('values = [' + Array.from({ length: 30 }, (_, i) => i * 1000).join(', ') + ']');
  const typed = await waitForApp(page, (s) => s.practice.code.startsWith('values'));
  await page.keyboard.press('Home');
  await waitForApp(page, (s) => s.practice.editor.scroll_x === 0);
  const homed = await scrollTo(page, 'editor');
  const editor = homed.targets.editor;
  const line = { x: editor[0] + editor[2] * 0.8, y: editor[1] + editor[3] * 0.1 };
  await drag(page, line, { x: line.x - 150, y: line.y });
  const scrolled = await waitForApp(page, (s) => !s.scrolling && s.practice.editor.scroll_x > 0);  // a slow frame may still hold the drag
  assert.ok(scrolled.practice.editor.scroll_x > 100, `the line scrolled sideways (by ${scrolled.practice.editor.scroll_x})`);
  assert.equal(scrolled.practice.code, typed.practice.code, 'the drag typed nothing');

  // Press and hold, then drag: a selection, not a scroll.
  await drag(page, { x: line.x - 150, y: line.y }, line);
  await waitForApp(page, (s) => !s.scrolling && s.practice.editor.scroll_x === 0);
  await page.waitForTimeout(500);  // past the double-tap time
  const first = editor[1] + 30;  // the middle of the first line at this text size, below the padding
  await drag(page, { x: editor[0] + editor[2] * 0.3, y: first }, { x: editor[0] + editor[2] * 0.7, y: first }, { steps: 8, holdMs: 700 });  // press and hold
  const selected = await waitForApp(page, (s) => s.practice.editor.selection[1] > s.practice.editor.selection[0]);
  const [start, end] = selected.practice.editor.selection;
  assert.ok(end - start >= 3, `some characters are selected (${start}..${end})`);
  await page.keyboard.press('Backspace');
  const cut = await waitForApp(page, (s) => s.practice.code.length === typed.practice.code.length - (end - start));
  assert.equal(cut.practice.code, typed.practice.code.slice(0, start) + typed.practice.code.slice(end),
    'Backspace deletes exactly the selection');
}));
