// Shared set-up of the end-to-end tests: serves the built site, starts Debian's Chromium headless
// through playwright-core with a phone profile, and reads the app's test hook
// (window.pyprepBridge.test = { frames, state }), so tests wait on facts, never on sleeps.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const site = join(root, 'build/web/site');
export const artifacts = join(root, 'test-results');

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export const PHONE = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
};

export async function serveSite() {
  const server = await startServer(site, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export function freshProfileDir() { return mkdtempSync(join(tmpdir(), 'pyprep-profile-')); }
export function removeProfileDir(dir) { rmSync(dir, { recursive: true, force: true }); }

// Runs `run(dir)` with a fresh browser profile directory, removed afterwards.
export async function withProfile(run) {
  const dir = freshProfileDir();
  try { return await run(dir); } finally { removeProfileDir(dir); }
}

// Runs `run(phone)` on a phone with a fresh profile that has the app open on Today.
export function withPhone(url, run, options) {
  return withProfile(async (dir) => {
    const phone = await openPhone(dir, options);
    try {
      await phone.page.goto(url);
      await waitForApp(phone.page, (s) => s.screen === 'today');
      return await run({ ...phone, dir });
    } finally {
      await phone.context.close();
    }
  });
}

// A phone browser with a persistent profile (storage survives closing and reopening it). Records
// console errors, page errors and every request that leaves the app's origin.
export async function openPhone(profileDir, { colorScheme = 'light', ...options } = {}) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS,
    ...PHONE, colorScheme, ...options,
  });
  const page = context.pages()[0] || await context.newPage();
  // PYPREP_E2E_SLOWDOWN=6 runs the page's CPU six times slower, as on a cheap phone or a loaded CI.
  const slowdown = Number(process.env.PYPREP_E2E_SLOWDOWN || 1);
  if (slowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const problems = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(String(error)));
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      problems.foreignRequests.push(request.url());
    }
  });
  return { context, page, problems };
}

// `promise`, or a rejection once `deadline` (a Date.now() value) has passed.
function beforeDeadline(deadline, promise) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('deadline passed')), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// Waits until the app has rendered at least `frames` frames and `predicate(state)` holds, then
// returns appState(). Polls from node: the page's Content-Security-Policy forbids eval and
// new Function, so a predicate cannot be rebuilt from its source inside the page.
export async function waitForApp(page, predicate = () => true, { frames = 1, timeout = 20000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    try {
      last = await beforeDeadline(deadline, page.evaluate(() => {
        const hook = window.pyprepBridge && window.pyprepBridge.test;
        return hook && hook.state ? { frames: hook.frames, state: hook.state } : null;
      }));
    } catch (error) {
      // A navigation (reload, update takeover) replaces the page's context: read the new one.
      if (!/Execution context was destroyed|navigat|deadline/i.test(String(error))) throw error;
    }
    if (last && last.frames >= frames && predicate(last.state)) return appState(page);
    if (Date.now() >= deadline) {
      throw new Error(`waitForApp: timed out after ${timeout} ms waiting for ${predicate} ` +
                      `(frames >= ${frames}); last read: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function appState(page) {
  return page.evaluate(() => ({ frames: window.pyprepBridge.test.frames, ...window.pyprepBridge.test.state }));
}

// Resizes the viewport and waits for a frame drawn at the new size, so later taps go by its
// targets (the tab bar moves with the bottom edge).
export async function resize(page, width, height) {
  await page.setViewportSize({ width, height });
  await waitForApp(page, new Function('s', `const t = s.targets && s.targets['tab-today'] || s.targets && s.targets.close;
    return !!t && t[1] + t[3] <= ${height} + 0.5 && t[0] + t[2] <= ${width} + 0.5`));
}

// Taps the centre of a named on-screen target the app reports in its state (CSS pixels).
export async function tap(page, target) {
  let state;
  try {
    state = await waitForApp(page, new Function('s', `return !!(s.targets && s.targets[${JSON.stringify(target)}])`),
      { timeout: 5000 });
  } catch {
    state = await appState(page);
    throw new Error(`target "${target}" is not on screen; targets: ${Object.keys(state.targets || {})}`);
  }
  const rect = state.targets[target];
  await page.touchscreen.tap(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
}

// Fraction of distinct colours in a screenshot, computed in the page from the PNG (no decoder
// needed in node): a blank or single-colour frame gives almost nothing.
export async function screenshotStats(page, path) {
  if (path) mkdirSync(dirname(path), { recursive: true });
  const png = await page.screenshot({ path });
  return page.evaluate(async (b64) => {
    // Decoded from a Blob: the page's Content-Security-Policy does not allow data: images.
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4 * 7) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    return { width: image.width, height: image.height, colours: colours.size };
  }, png.toString('base64'));
}

// A finger drag from `from` to `to` (CSS pixels) through the DevTools protocol, as a phone sends
// it: pressed for `holdMs`, moved in `steps` reported 16 ms apart, then held still a moment before
// it lifts, so the content moves as far as the finger with no fling. Each event carries its time,
// so a page too busy to take it at once still sees the gesture as it was made.
export async function drag(page, from, to, { steps = 12, holdMs = 0 } = {}) {
  const point = (t) => [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }];
  const path = [{ type: 'touchStart', touchPoints: point(0), at: 0 },
    ...Array.from({ length: steps }, (_, i) => ({ type: 'touchMove', touchPoints: point((i + 1) / steps), at: holdMs + 16 * (i + 1) })),
    { type: 'touchEnd', touchPoints: [], at: holdMs + 16 * steps + 120 }];
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now();
  for (const { at, ...event } of path) {
    const wait = start + at - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await cdp.send('Input.dispatchTouchEvent', { ...event, timestamp: (start + at) / 1000 });
  }
  await cdp.detach();
}

export function centre(rect) { return { x: rect[0] + rect[2] / 2, y: rect[1] + rect[3] / 2 }; }

// Taps a text field, waits until the app is editing it, then types through the keyboard proxy.
export async function typeInto(page, target, text) {
  await tap(page, target);
  await waitForApp(page, (s) => s.text_input);
  await page.keyboard.type(text);
}

// Drags the content up (as a thumb does) until the named target is on screen.
export async function scrollTo(page, target) {
  for (let i = 0; i < 12; i++) {
    const state = await waitForApp(page, (s) => !s.scrolling);
    if (state.targets && state.targets[target]) return state;
    // From 70% to 35% of the height: clear of the tab bar and of a screen's pinned bottom row.
    const { width, height } = page.viewportSize();
    await drag(page, { x: width / 2, y: height * 0.7 }, { x: width / 2, y: height * 0.35 });
  }
  throw new Error(`could not scroll "${target}" into view`);
}
