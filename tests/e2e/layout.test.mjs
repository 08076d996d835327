// Layout on the phones the app promises: 320 and 390 CSS px wide at 100% text, 320 at 160%, and
// 390 at the largest size (200%), light and dark. On every screen, scrolled from top to bottom, no two pieces of
// text overlap and no text runs past an edge it cannot be scrolled to; the app reports each text
// it draws when asked (state.texts: [x, y, w, h, text, cut]). Screenshots go to test-results/screens/layout/;
// at 2 device pixels per CSS pixel, which lays out as 3 does at a third of SwiftShader's fill.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serveSite, withPhone, waitForApp, tap, appState, screenshotStats, artifacts, drag, typeInto, scrollTo, resize,
} from './harness.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

// Text boxes include their line spacing, so neighbours touch; an overlap of more than 2 px both
// ways is ink on ink.
const SLACK = 2;

export function layoutProblems(state, width) {
  const texts = state.texts || [];
  const problems = [];
  for (const [x, y, w, h, text, cut] of texts) {
    if (cut) problems.push(`"${text}" is cut at its window's edge`);
    if (x < -0.5 || x + w > width + 0.5) problems.push(`"${text}" runs off the screen (x ${x}..${x + w} of ${width})`);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [ax, ay, aw, ah, at] = texts[i];
      const [bx, by, bw, bh, bt] = texts[j];
      const overlapX = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
      const overlapY = Math.min(ay + ah, by + bh) - Math.max(ay, by);
      if (overlapX > SLACK && overlapY > SLACK) problems.push(`"${at}" overlaps "${bt}"`);
    }
  }
  return problems;
}

// Checks the screen as it is, then drags it up until it stops moving, checking each position.
// `scroll` false: where it opens only.
async function checkScreen(page, name, width, height, found, { scroll = true, maxSteps = 30 } = {}) {
  let state = await waitForApp(page, (s) => !s.scrolling && Array.isArray(s.texts) && s.texts.length > 0);
  await screenshotStats(page, join(artifacts, 'screens', 'layout', `${name}.png`));
  for (let i = 0; i <= maxSteps; i++) {
    for (const problem of layoutProblems(state, width)) {
      if (!found.has(`${name}: ${problem}`)) console.log(`${name}: ${problem}`);
      found.add(`${name}: ${problem}`);
    }
    if (!scroll || i === maxSteps) break;
    const before = state.scroll;
    await drag(page, { x: width * 0.08, y: height * 0.82 }, { x: width * 0.08, y: height * 0.2 }, { steps: 6 });
    state = await waitForApp(page, (s) => !s.scrolling && Array.isArray(s.texts));
    if (state.scroll <= before + 0.5) break;
  }
}

async function scrollToTop(page) {
  const { width, height } = page.viewportSize();
  for (let i = 0; i < 40; i++) {
    const state = await waitForApp(page, (s) => !s.scrolling);
    if (state.scroll < 0.5) return;
    await drag(page, { x: width * 0.08, y: height * 0.6 }, { x: width * 0.08, y: height * 0.98 }, { steps: 4 });
  }
}

async function setTextScale(page, wanted) {
  await tap(page, 'tab-settings');
  await scrollToTop(page);
  for (let i = 0; i < 10; i++) {
    const state = await appState(page);
    if (Math.abs(state.text_scale - wanted) < 0.05) return;
    const button = state.text_scale < wanted ? 'text-size-plus' : 'text-size-minus';
    await scrollTo(page, button);
    await tap(page, button);
    await waitForApp(page, new Function('s', `return s.text_scale !== ${state.text_scale}`), { frames: 2 });
  }
  throw new Error(`text size did not reach ${wanted}`);
}

// Browse shows the results of `query` from the top.
async function search(page, query) {
  await scrollToTop(page);
  if ((await waitForApp(page, (s) => s.screen === 'browse')).query !== '') {
    await tap(page, 'search-clear');
    await waitForApp(page, (s) => s.query === '');
  }
  await typeInto(page, 'search', query);
  await waitForApp(page, new Function('s', `return s.query === ${JSON.stringify(query)} && !!s.targets['result-0']`));
}

async function visitEveryScreen(page, tag, width, height, found, scroll) {
  await waitForApp(page, (s) => !s.scrolling);  // a tap on gliding content stops it instead
  await tap(page, 'tab-today');
  await waitForApp(page, (s) => s.screen === 'today');
  await scrollToTop(page);
  await checkScreen(page, `${tag}-today`, width, height, found, { scroll });
  // A mock interview: its setup, a question typed and aloud, and the report of one ended early.
  await scrollToTop(page);
  await scrollTo(page, 'mock');
  await tap(page, 'mock');
  await waitForApp(page, (s) => s.screen === 'mock-setup');
  await checkScreen(page, `${tag}-mock-setup`, width, height, found, { scroll });
  await tap(page, 'mock-start');
  await waitForApp(page, (s) => s.screen === 'mock-question');
  await checkScreen(page, `${tag}-mock-question`, width, height, found, { scroll });
  await scrollTo(page, 'mock-aloud');
  await tap(page, 'mock-aloud');
  await scrollTo(page, 'mock-partly');
  await checkScreen(page, `${tag}-mock-aloud`, width, height, found, { scroll: false });
  await tap(page, 'mock-partly');
  await waitForApp(page, (s) => s.mock.open && s.mock.open.question === 1);
  await scrollTo(page, 'mock-end');
  await tap(page, 'mock-end');
  await scrollTo(page, 'mock-end-confirm');
  await tap(page, 'mock-end-confirm');
  await waitForApp(page, (s) => s.screen === 'mock-report');
  await checkScreen(page, `${tag}-mock-report`, width, height, found, { scroll });
  await tap(page, 'close');
  await waitForApp(page, (s) => s.screen === 'today');
  await scrollToTop(page);
  await tap(page, 'start');
  await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  await checkScreen(page, `${tag}-study-question`, width, height, found, { scroll });
  await tap(page, 'reveal');
  await waitForApp(page, (s) => s.revealed && !!s.targets.good);
  await checkScreen(page, `${tag}-study-answer`, width, height, found, { scroll });
  await tap(page, 'close');
  await tap(page, 'tab-browse');
  await search(page, 'decorator');
  await checkScreen(page, `${tag}-browse`, width, height, found, { scroll, maxSteps: 2 });  // rows all alike
  await scrollToTop(page);
  await tap(page, 'result-0');
  await waitForApp(page, (s) => s.screen === 'card');
  await checkScreen(page, `${tag}-card`, width, height, found, { scroll });
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'browse');
  // A code task in the editor, its key row included.
  await search(page, 'LRU cache manually');
  await tap(page, 'result-0');
  await waitForApp(page, (s) => s.screen === 'card');
  await tap(page, 'practice');
  await waitForApp(page, (s) => s.screen === 'practice');
  await checkScreen(page, `${tag}-practice`, width, height, found, { scroll });
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'card');
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'browse');
  await tap(page, 'tab-stats');
  await waitForApp(page, (s) => s.screen === 'stats');
  await scrollToTop(page);
  await checkScreen(page, `${tag}-stats`, width, height, found, { scroll });
  await tap(page, 'tab-settings');
  await waitForApp(page, (s) => s.screen === 'settings');
  await scrollToTop(page);
  await checkScreen(page, `${tag}-settings`, width, height, found, { scroll });
}

for (const colorScheme of ['light', 'dark']) {
  test(`no text overlaps or is cut on any screen at 320 and 390 px, text 100%, 160% and 200%, ${colorScheme}`, () =>
    withPhone(served.url, async ({ page }) => {
      await page.evaluate(() => { window.pyprepBridge.test.wantsTexts = true; });
      const found = new Set();
      for (const [scale, sizes] of [[1.0, [[390, 844], [320, 640]]], [1.6, [[320, 640]]], [2.0, [[390, 844]]]]) {
        await setTextScale(page, scale);
        for (const [width, height] of sizes) {
          await resize(page, width, height);
          // The layout is the same in both themes: dark is checked where it opens, light all the way down.
          await visitEveryScreen(page, `${colorScheme}-${width}-${Math.round(scale * 100)}`, width, height, found,
            colorScheme === 'light');
        }
      }
      assert.deepEqual([...found], []);
    }, { colorScheme, deviceScaleFactor: 2 }));
}
