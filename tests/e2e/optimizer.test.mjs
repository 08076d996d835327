// "Optimise my schedule" runs the FSRS optimizer in the browser (wasm), on the device's own log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  serveSite, withPhone, waitForApp, tap, scrollTo, screenshotStats, artifacts, root,
} from './harness.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const cardIds = readdirSync(join(root, 'assets/bank')).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'assets/bank', f), 'utf8')).cards.map((c) => c.id));

// A plausible history: 300 cards, each reviewed at growing intervals over a year; the chance of
// forgetting grows with the gap. Deterministic (a fixed linear congruential generator).
function syntheticHistory() {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const day = 86400000;
  const start = Date.UTC(2025, 0, 1);
  const reviews = [];
  for (const card of cardIds.slice(0, 300)) {
    let at = start + Math.floor(random() * 30) * day;
    let gap = 1;
    for (let n = 0; n < 6; n++) {
      const forgot = random() < 0.05 + 0.25 * (1 - Math.exp(-gap / 40));
      reviews.push({ card, at, rating: forgot ? 1 : random() < 0.2 ? 4 : 3 });
      gap = forgot ? 1 : Math.ceil(gap * (2 + random() * 2));
      at += gap * day + Math.floor(random() * 3600000);
    }
  }
  reviews.sort((a, b) => a.at - b.at);
  return reviews.map((r, i) => JSON.stringify({ id: i + 1, at_ms: r.at, type: 'review', card: r.card,
                                                rating: r.rating, duration_ms: 8000 }));
}

const withApp = (run) => withPhone(served.url, run);

test('with too little history the optimizer keeps the defaults and says why', () => withApp(async ({ page }) => {
  await tap(page, 'tab-settings');
  await scrollTo(page, 'optimise');
  await tap(page, 'optimise');
  const state = await waitForApp(page, (s) => s.optimizer !== '' && s.optimizer !== 'running');
  assert.match(state.optimizer, /^Kept the current parameters: /);
  assert.equal(state.saved, 0, 'nothing was stored');
}));

test('with a year of reviews it fits the parameters in the browser and stores them in the log', () => withApp(async ({ page }) => {
  const records = syntheticHistory();
  await page.evaluate((rows) => new Promise((resolve, reject) => {
    const tx = pyprepBridge.db.transaction('log', 'readwrite');
    rows.forEach((record, i) => tx.objectStore('log').put({ id: i + 1, record }));
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  }), records);
  const replayedAt = Date.now();  // a little before the reload replays the log
  await page.reload();
  const loaded = await waitForApp(page, (s) => s.screen === 'today');
  assert.equal(loaded.saved, records.length);
  await page.evaluate(() => { window.pyprepBridge.test.wantsTexts = true; });
  await tap(page, 'tab-stats');
  const shown = await waitForApp(page, (s) => s.screen === 'stats' && Array.isArray(s.texts));
  const stats = await screenshotStats(page, join(artifacts, 'screens', 'light-stats-with-history.png'));
  assert.ok(stats.colours > 8);
  // The figures again, from the log itself: true retention counts reviews at least 24 hours after
  // the card's previous one and how many were not Again; days start at 04:00 local time; a review
  // stamped after the moment the log was replayed counts as made then (the clock rule, app.h).
  const { now, offsetMin } = await page.evaluate(() => ({ now: Date.now(), offsetMin: -new Date().getTimezoneOffset() }));
  const dayOf = (t) => Math.floor((t + offsetMin * 60000 - 4 * 3600000) / 86400000);
  const today = dayOf(now);
  const windows = { 7: [0, 0], 30: [0, 0], all: [0, 0] };
  let recent = 0;  // reviews in the last 17 weeks
  const previous = new Map();
  for (const review of records.map((r) => JSON.parse(r))) {
    review.at_ms = Math.min(review.at_ms, replayedAt);
    const age = today - dayOf(review.at_ms);
    if (age >= 0 && age < 17 * 7) recent += 1;
    const before = previous.get(review.card);
    previous.set(review.card, review.at_ms);
    if (before === undefined || review.at_ms - before < 86400000) continue;
    for (const [days, counts] of Object.entries(windows)) {
      if (days !== 'all' && age >= Number(days)) continue;
      counts[0] += review.rating !== 1 ? 1 : 0;
      counts[1] += 1;
    }
  }
  const percent = ([passes, samples]) => (samples === 0 ? '–' : `${Math.round((100 * passes) / samples)}%`);
  const texts = shown.texts.map((t) => t[4]);
  const tile = (label) => texts[texts.indexOf(label) - 1];
  assert.equal(tile('retention 7 days'), percent(windows[7]), `7 days: ${windows[7]}`);
  assert.equal(tile('retention 30 days'), percent(windows[30]), `30 days: ${windows[30]}`);
  assert.equal(tile('retention, all time'), percent(windows.all), `all time: ${windows.all}`);
  assert.equal(tile('reviews in the last 17 weeks'), String(recent), `now ${new Date(now).toISOString()} offset ${offsetMin}`);
  await tap(page, 'tab-settings');
  await scrollTo(page, 'optimise');
  await tap(page, 'optimise');
  await waitForApp(page, (s) => s.optimizer === 'running');
  // The fit belongs to the app, not to the screen: it finishes while the user is elsewhere.
  await tap(page, 'tab-today');
  await waitForApp(page, (s) => s.screen === 'today');
  const done = await waitForApp(page, (s) => s.optimizer !== 'running' && s.pending === 0, { timeout: 60000 });
  assert.equal(done.screen, 'today');
  assert.match(done.optimizer, /^Log loss \d\.\d{4} → \d\.\d{4} on \d+ of your reviews/);
  const [before, afterFit] = done.optimizer.match(/\d\.\d{4}/g).map(Number);
  assert.ok(afterFit < before, `the fit lowered the log loss (${before} → ${afterFit})`);
  assert.equal(done.saved, records.length + 1, 'the parameters were stored as one event');
}));
