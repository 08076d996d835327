// The page's Content-Security-Policy (a <meta> in web-shell/index.html): it allows no eval and no
// inline script, and the app still starts under it without a single violation or console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite, openPhone, waitForApp, withProfile, site } from './harness.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const html = () => readFileSync(join(site, 'index.html'), 'utf8');

// The policy's directives: name -> list of sources.
function policy(page) {
  const meta = page.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i);
  assert.ok(meta, 'index.html has a Content-Security-Policy <meta>');
  return new Map(meta[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
    .map(([name, ...sources]) => [name.toLowerCase(), sources]));
}

// Records every violation the page reports, from before its first script runs.
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(
      `${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  return () => page.evaluate(() => window.cspViolations);
}

test('the policy forbids eval and inline script, and the page has none', () => {
  const page = html();
  const directives = policy(page);
  assert.deepEqual(directives.get('default-src'), ["'none'"], 'anything not listed is refused');
  for (const name of ['script-src', 'script-src-elem', 'script-src-attr']) {
    const sources = directives.get(name) || [];
    for (const forbidden of ["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'data:', 'blob:']) {
      assert.ok(!sources.includes(forbidden), `${name} does not allow ${forbidden}`);
    }
    assert.ok(!sources.some((s) => /^'(nonce|sha\d+)-/.test(s)), `${name} allows no inline script by nonce or hash`);
  }
  assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(!(directives.get('style-src') || []).includes("'unsafe-inline'"), 'no inline styles');
  // What the policy forbids, the page must not need: scripts and styles are files.
  for (const tag of page.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) || []) {
    assert.match(tag, /^<script\s+src="[^"]+"\s*><\/script>$/, `only external scripts: ${tag}`);
  }
  assert.doesNotMatch(page, /<style\b/i, 'no inline <style>');
  assert.doesNotMatch(page, /\sstyle=|\son[a-z]+=/i, 'no style or event-handler attributes');
});

test('the app starts under the policy with no violations or console errors', () => withProfile(async (dir) => {
  const { context, page, problems } = await openPhone(dir);
  const violations = await recordViolations(page);
  await page.goto(served.url);
  const state = await waitForApp(page, (s) => s.screen === 'today' && s.cards > 0, { frames: 2 });
  assert.ok(state.frames > 0, 'a frame rendered');
  assert.equal(state.error, '');
  await page.evaluate(() => navigator.serviceWorker.ready);  // worker-src lets it register
  // The page is styled by app.css (style-src 'self'): the status box is laid out by it.
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).position), 'fixed');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);

  // The policy is in force: eval from the page's own code is refused and reported.
  const evalResult = await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
    try { resolve(String(new Function('return 1')())); } catch (e) { resolve(e.name); }
  })));
  assert.equal(evalResult, 'EvalError');
  assert.match((await violations()).join('\n'), /^script-src: eval/);
  await context.close();
}));

test('a backup download through a blob: link needs no exception in the policy', () => withProfile(async (dir) => {
  const { context, page, problems } = await openPhone(dir, { acceptDownloads: true });
  const violations = await recordViolations(page);
  await page.goto(served.url);
  await waitForApp(page, (s) => s.cards > 0);
  // What bridge.js does to save a backup where the share sheet is unavailable.
  const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => {
    const file = new File(['{"format":"pyprep-backup"}\n'], 'pyprep-backup.jsonl', { type: 'application/x-ndjson' });
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file), download: file.name });
    document.body.appendChild(link);
    link.click();
    link.remove();
  })]);
  assert.equal(download.suggestedFilename(), 'pyprep-backup.jsonl');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
}));
