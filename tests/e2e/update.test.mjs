// A new build reaches users safely: it installs beside the running one, the open app keeps
// working on its own files, and the next launch runs the new build with the old cache deleted
// and the downloaded Python runtime kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { site, openPhone, waitForApp, tap, withProfile } from './harness.mjs';

// Turns the served copy into "the next build": a changed page and a new cache name, as
// scripts/package_web.py would produce.
function publishNextBuild(dir) {
  const page = join(dir, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('<title>', '<meta name="build" content="next">\n<title>'));
  const worker = join(dir, 'sw.js');
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/const CACHE = 'pyprep-[0-9a-f]+'/, "const CACHE = 'pyprep-nextbuild'"));
}

const buildMarker = (page) => page.evaluate(() => document.querySelector('meta[name=build]')?.content || 'first');

test('a new build waits for the next launch and then replaces the old one', () => withProfile(async (profile) => {
  const copy = mkdtempSync(join(tmpdir(), 'pyprep-site-'));
  cpSync(site, copy, { recursive: true });
  const server = await startServer(copy, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const { context, page } = await openPhone(profile);
  try {
    await page.goto(url);
    await waitForApp(page, (s) => s.screen === 'today');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();  // now controlled by the first build's worker
    await waitForApp(page, (s) => s.screen === 'today');
    // Python for offline use, as Settings' Download button gets it.
    assert.equal(await page.evaluate(() => window.pyprepBridge.python.download()), true);
    const runtimeCache = await page.evaluate(() => window.pyprepBridge.python.runtime.cache);

    publishNextBuild(copy);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration()).waiting,
      null, { polling: 100, timeout: 20000 });
    // The running app is untouched: still the first build, still working.
    assert.equal(await buildMarker(page), 'first');
    await tap(page, 'tab-browse');
    await waitForApp(page, (s) => s.screen === 'browse');

    await page.close();  // the app is closed; the next launch gets the new build
    const next = await context.newPage();
    await next.goto(url);
    await waitForApp(next, (s) => s.screen === 'today');
    assert.equal(await buildMarker(next), 'next');
    assert.deepEqual((await next.evaluate(() => caches.keys())).sort(), ['pyprep-nextbuild', runtimeCache].sort(),
      'the old build\'s cache is gone, the Python runtime stays');
    assert.equal(await next.evaluate(async () => { await window.pyprepBridge.python.check(); return window.pyprepBridge.python.state; }),
      'ready', 'the update downloads no Python again');
  } finally {
    await context.close();
    server.close();
    rmSync(copy, { recursive: true, force: true });
  }
}));
