// The walking skeleton in a real browser: it draws, it keeps progress across reloads and browser
// restarts, it works offline after one visit, it is installable, and it talks to no other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serveSite, openPhone, waitForApp, tap, screenshotStats, withProfile, artifacts,
} from './harness.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

// Opens Study if needed, reveals the current card and grades it; resolves once the review is
// durably saved.
async function gradeOne(page, rating = 'good') {
  if ((await waitForApp(page, (s) => s.screen !== '')).screen !== 'study') {
    await tap(page, 'start');
  }
  const before = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '' && s.pending === 0);
  await tap(page, 'reveal');
  await waitForApp(page, (s) => s.revealed);
  await tap(page, rating);
  return waitForApp(page, new Function('s', `return s.saved === ${before.saved + 1} && s.pending === 0`));
}

test('draws a non-blank first frame with no console errors or foreign requests', () => withProfile(async (dir) => {
  const { context, page, problems } = await openPhone(dir);
  await page.goto(served.url);
  const state = await waitForApp(page, (s) => s.cards > 0, { frames: 2 });
  assert.ok(state.cards > 0, 'the bank has cards');
  const stats = await screenshotStats(page, join(artifacts, 'skeleton-first-frame.png'));
  assert.equal(stats.width, 390 * 3, 'rendered at device resolution');
  assert.ok(stats.colours > 20, `frame has content (${stats.colours} colours)`);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
}));

test('a graded card is still counted after a reload', () => withProfile(async (dir) => {
  const { context, page } = await openPhone(dir);
  await page.goto(served.url);
  const graded = await gradeOne(page);
  assert.equal(graded.saved, 1);
  await page.reload();
  const reloaded = await waitForApp(page, (s) => s.cards > 0);
  assert.equal(reloaded.saved, 1, 'the review log was read back from IndexedDB');
  assert.equal(reloaded.error, '');
  await context.close();
}));

test('progress survives closing and reopening the browser profile', () => withProfile(async (dir) => {
  let session = await openPhone(dir);
  await session.page.goto(served.url);
  await gradeOne(session.page, 'again');
  await gradeOne(session.page, 'easy');
  await session.context.close();

  session = await openPhone(dir);
  await session.page.goto(served.url);
  const reopened = await waitForApp(session.page, (s) => s.cards > 0);
  assert.equal(reopened.saved, 2);
  await session.context.close();
}));

test('after one online visit the app reloads and works offline', () => withProfile(async (dir) => {
  const { context, page, problems } = await openPhone(dir);
  await page.goto(served.url);
  await waitForApp(page, (s) => s.cards > 0);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  const offline = await waitForApp(page, (s) => s.cards > 0);
  assert.ok(offline.cards > 0);
  const graded = await gradeOne(page);
  assert.equal(graded.saved, 1, 'reviews are saved offline too');
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
}));

test('Chrome reports no installability errors for the manifest', () => withProfile(async (dir) => {
  const { context, page } = await openPhone(dir);
  await page.goto(served.url);
  await waitForApp(page, (s) => s.cards > 0);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await (await fetch(new URL('manifest.webmanifest', served.url))).json();
  assert.ok(manifest.id && manifest.icons.some((icon) => icon.purpose === 'maskable'));
  await context.close();
}));

test('a failed IndexedDB write is shown and retried, and nothing is lost', () => withProfile(async (dir) => {
  const { context, page } = await openPhone(dir);
  // The next two writes fail as if the disk were full.
  await page.addInitScript(() => {
    let failures = 2;
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (...args) {
      if (failures > 0) { failures -= 1; throw new DOMException('quota', 'QuotaExceededError'); }
      return add.apply(this, args);
    };
  });
  await page.goto(served.url);
  await waitForApp(page, (s) => s.cards > 0);
  await tap(page, 'start');
  await tap(page, 'reveal');
  await waitForApp(page, (s) => s.revealed);
  await tap(page, 'good');
  const failed = await waitForApp(page, (s) => s.error !== '');
  assert.match(failed.error, /storage is full/);
  assert.equal(failed.saved, 0);
  const retried = await waitForApp(page, (s) => s.saved === 1 && s.pending === 0 && s.error === '',
    { timeout: 30000 });
  assert.equal(retried.saved, 1);
  await page.reload();
  assert.equal((await waitForApp(page, (s) => s.cards > 0)).saved, 1);
  await context.close();
}));

for (const [missing, disable, message] of [
  ['WebGL 2', () => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : getContext.call(this, kind, ...rest);
    };
  }, /cannot draw with WebGL 2/],
  ['IndexedDB', () => { delete window.indexedDB; }, /no IndexedDB/],
]) {
  test(`without ${missing} the page says so instead of failing silently`, () => withProfile(async (dir) => {
    const { context, page } = await openPhone(dir);
    await page.addInitScript(disable);
    await page.goto(served.url);
    await page.waitForFunction(() => document.getElementById('status-title').textContent === 'PyPrep cannot start');
    assert.match(await page.textContent('#status-text'), message);
    await context.close();
  }));
}
