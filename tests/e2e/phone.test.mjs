// The phone app in headless Chromium with a phone profile (390×844, DPR 3, touch): a study session
// by taps that survives a reload, drag-scrolling that never presses a button, search typed through
// the keyboard proxy, the Back button, and the theme. Screenshots of every screen in light and
// dark are saved to test-results/screens/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  serveSite, withPhone, waitForApp, tap, appState, screenshotStats, artifacts, drag, centre, root, typeInto, scrollTo,
} from './harness.mjs';
import { idbRows, rowText } from './log-tools.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const withApp = (run, options) => withPhone(served.url, run, options);

const bankCards = readdirSync(join(root, 'assets/bank')).filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'assets/bank', f), 'utf8')).cards);

async function grade(page, rating) {
  const before = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '' && s.pending === 0);
  await tap(page, 'reveal');
  await tap(page, rating);
  return waitForApp(page, new Function('s', `return s.saved === ${before.saved + 1} && s.pending === 0 && s.card !== ${JSON.stringify(before.card)}`));
}

test('a study session by taps: reveal, grade, undo — and the reviews survive a reload', () => withApp(async ({ page, problems }) => {
  await tap(page, 'start');
  const first = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  await grade(page, 'good');
  await grade(page, 'again');
  const third = await waitForApp(page, (s) => s.card !== '');
  await grade(page, 'easy');

  await tap(page, 'undo');
  const undone = await waitForApp(page, (s) => s.saved === 4 && s.pending === 0);
  assert.equal(undone.card, third.card, 'undo brings the last answered card back');
  assert.equal(undone.answered_today, 2);
  await grade(page, 'hard');

  await page.reload();
  const reloaded = await waitForApp(page, (s) => s.screen === 'today');
  assert.equal(reloaded.saved, 5, 'three reviews, one undo and the re-answer are in the log');
  assert.equal(reloaded.answered_today, 3);
  assert.notEqual(first.card, '');
  assert.deepEqual(problems.consoleErrors, []);
}));

test('dragging a long answer scrolls it and presses nothing, even when the drag starts on a button', () => withApp(async ({ page }) => {
  await tap(page, 'start');
  await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  await tap(page, 'reveal');
  const revealed = await waitForApp(page, (s) => s.revealed && !!s.targets.good);
  assert.equal(revealed.scroll, 0);

  // The key points come right under the 30-second answer: in reach without a swipe.
  const state = revealed;
  assert.ok(state.targets['point-0'], 'the first key point is on screen as the answer is shown');
  // A drag that starts on a key point scrolls; it does not tick it.
  const start = centre(state.targets['point-0']);
  const scrollBefore = state.scroll;
  await drag(page, start, { x: start.x, y: Math.max(60, start.y - 200) });
  const after = await waitForApp(page, (s) => !s.scrolling);
  assert.notEqual(after.scroll, scrollBefore, 'the drag scrolled');
  assert.equal(after.ticked, 0, 'no key point was ticked by the drag');
  assert.equal(after.screen, 'study');
  assert.equal(after.saved, revealed.saved, 'no grade was given');
  const points = bankCards.find((c) => c.id === state.card).key_points.length;
  assert.ok(after.targets[`point-${points - 1}`], `after that one drag the last of ${points} key points is on screen`);

  // A plain tap still works.
  await tap(page, `point-${points - 1}`);
  assert.equal((await waitForApp(page, (s) => s.ticked === 1)).ticked, 1);
}));

test('search typed through the phone keyboard proxy finds a card, and a tap opens it', () => withApp(async ({ page }) => {
  await tap(page, 'tab-browse');
  await waitForApp(page, (s) => s.screen === 'browse');
  await tap(page, 'search');
  await waitForApp(page, (s) => s.text_input);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'keyboard-proxy',
    'the hidden textarea has focus, so a phone shows its keyboard');
  await page.keyboard.type('select_relatedx');
  await waitForApp(page, (s) => s.query === 'select_relatedx');
  await page.keyboard.press('Backspace');
  const typed = await waitForApp(page, (s) => s.query === 'select_related' && !!s.targets['result-0']);
  assert.equal(typed.query, 'select_related');

  await tap(page, 'result-0');
  const opened = await waitForApp(page, (s) => s.screen === 'card');
  const card = bankCards.find((c) => c.id === opened.open_card);
  assert.ok(card, `opened a bank card (${opened.open_card})`);
  assert.match(JSON.stringify(card), /select_related/, 'the opened card is about the query');
  assert.equal(await page.evaluate(() => document.activeElement.id === 'keyboard-proxy'), false,
    'the keyboard closes when the field is left');
}));

test('Back goes to the previous screen and never leaves the app', () => withApp(async ({ page }) => {
  await tap(page, 'tab-browse');
  await waitForApp(page, (s) => s.screen === 'browse');
  await tap(page, 'result-2');
  await waitForApp(page, (s) => s.screen === 'card');
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'browse');
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'today');
  for (let i = 0; i < 3; i++) {
    await page.goBack();
    const frames = (await appState(page)).frames;
    await tap(page, 'tab-stats');  // the app is still there and still responds
    await waitForApp(page, (s) => s.screen === 'stats', { frames: frames + 1 });
    await tap(page, 'tab-today');
    await waitForApp(page, (s) => s.screen === 'today');
  }
  assert.equal(new URL(page.url()).origin, new URL(served.url).origin);
  // The in-app close button is the same Back.
  await tap(page, 'start');
  await waitForApp(page, (s) => s.screen === 'study');
  await tap(page, 'close');
  assert.equal((await waitForApp(page, (s) => s.screen === 'today')).depth, 0);
}));

test('the theme follows the system, and a chosen theme sticks across a reload', () => withApp(async ({ page }) => {
  assert.equal((await appState(page)).theme, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await waitForApp(page, (s) => s.theme === 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await waitForApp(page, (s) => s.theme === 'light');

  await tap(page, 'tab-settings');
  await waitForApp(page, (s) => s.screen === 'settings');
  await tap(page, 'theme-2');  // Dark
  await waitForApp(page, (s) => s.theme === 'dark' && s.pending === 0);
  await page.reload();
  assert.equal((await waitForApp(page, (s) => s.screen === 'today')).theme, 'dark');
  await tap(page, 'tab-settings');
  await tap(page, 'theme-0');  // System, which is light here
  await waitForApp(page, (s) => s.theme === 'light');
}));

for (const colorScheme of ['light', 'dark']) {
  test(`every screen shows its content on a phone in ${colorScheme} (screenshots saved)`, () => withApp(async ({ page, problems }) => {
    await page.evaluate(() => { window.pyprepBridge.test.wantsTexts = true; });
    await tap(page, 'tab-today');  // a frame, so the state lists texts from the start
    const shots = [];
    // A screenshot, and what the screen says: its title and the texts that make it that screen.
    const shoot = async (name, ...texts) => {
      const path = join(artifacts, 'screens', `${colorScheme}-${name}.png`);
      const stats = await screenshotStats(page, path);
      assert.ok(stats.colours > 8, `${name} has content`);
      const state = await waitForApp(page, (s) => !s.scrolling && Array.isArray(s.texts));
      for (const text of texts) assert.ok(says(state, text), `${name} says "${text}"`);
      shots.push(name);
    };
    await shoot('today', 'PyPrep');
    await tap(page, 'start');
    await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
    await shoot('study-question', 'Show answer');
    await tap(page, 'reveal');
    await waitForApp(page, (s) => s.revealed && !!s.targets.good);
    await shoot('study-answer', 'Again', 'Hard', 'Good', 'Easy');
    await tap(page, 'close');
    await tap(page, 'tab-browse');
    await typeInto(page, 'search', 'decorator');
    await waitForApp(page, (s) => s.query === 'decorator' && !!s.targets['result-0']);
    await shoot('browse-search', 'Browse');
    await tap(page, 'result-0');
    await waitForApp(page, (s) => s.screen === 'card');
    await shoot('card');
    await page.goBack();
    await tap(page, 'tab-stats');
    await waitForApp(page, (s) => s.screen === 'stats');
    await shoot('stats', 'Stats');
    await tap(page, 'tab-settings');
    await waitForApp(page, (s) => s.screen === 'settings');
    await shoot('settings', 'Settings', 'Desired retention');
    assert.equal(shots.length, 7);
    assert.deepEqual(problems.consoleErrors, []);
  }, { colorScheme }));
}

// Drags the page up until the solution's header (its Copy button) is near the top.
async function scrollSolutionToTop(page) {
  for (let i = 0; i < 20; i++) {
    const state = await waitForApp(page, (s) => !s.scrolling);
    const copy = state.targets['copy-solution'];
    if (copy && copy[1] < 250) return state;
    await drag(page, { x: 30, y: 600 }, { x: 30, y: copy ? 600 - Math.min(300, copy[1] - 150) : 300 });
  }
  throw new Error('the solution did not come into view');
}

// Opens a card from Browse by a search that finds it first.
async function openCardBySearch(page, query, id) {
  await tap(page, 'tab-browse');
  await tap(page, 'search');
  const editing = await waitForApp(page, (s) => s.text_input);
  await page.keyboard.press('End');
  for (let i = 0; i < editing.query.length; i++) await page.keyboard.press('Backspace');
  await waitForApp(page, (s) => s.query === '');
  await page.keyboard.type(query);
  await waitForApp(page, new Function('s', `return s.query === ${JSON.stringify(query)} && !!s.targets['result-0']`));
  await tap(page, 'result-0');
  return waitForApp(page, new Function('s', `return s.open_card === ${JSON.stringify(id)}`));
}

test('a vertical drag that starts on a code block scrolls the page; a sideways one scrolls the code', () => withApp(async ({ page }) => {
  await openCardBySearch(page, 'LRU cache manually', 'lru-cache-manual');
  const state = await scrollSolutionToTop(page);
  const copy = state.targets['copy-solution'];
  const onCode = { x: 120, y: copy[1] + copy[3] + 120 };
  assert.ok(onCode.y < 700, `the solution's code is under the finger (y ${onCode.y})`);
  const before = state.scroll;
  await drag(page, onCode, { x: onCode.x, y: onCode.y - 250 });
  const after = await waitForApp(page, (s) => !s.scrolling);
  assert.ok(after.scroll > before + 150, `the page scrolled (from ${before} to ${after.scroll})`);
  assert.equal(after.code_scroll_x, 0, 'the code did not move sideways');

  const again = after.targets['copy-solution'];
  const line = { x: 300, y: again ? again[1] + again[3] + 60 : 300 };
  await drag(page, line, { x: line.x - 200, y: line.y });
  const sideways = await waitForApp(page, (s) => !s.scrolling);
  assert.ok(sideways.code_scroll_x > 50, `the code scrolled sideways (by ${sideways.code_scroll_x})`);
}));

test('every newly opened card starts at its top with its code at column 0, and no Copy it did not tap says Copied', () => withApp(async ({ page }) => {
  await page.evaluate(() => { window.pyprepBridge.test.wantsTexts = true; });
  await openCardBySearch(page, 'LRU cache manually', 'lru-cache-manual');
  const state = await scrollSolutionToTop(page);
  const copy = state.targets['copy-solution'];
  await tap(page, 'copy-solution');
  assert.ok((await waitForApp(page, (s) => (s.texts || []).some((t) => t[4] === 'Copied'))), 'the tapped Copy says Copied');
  const line = { x: 300, y: copy[1] + copy[3] + 60 };
  await drag(page, line, { x: line.x - 200, y: line.y });
  const scrolled = await waitForApp(page, (s) => !s.scrolling);
  assert.ok(scrolled.scroll > 300 && scrolled.code_scroll_x > 50, 'the first card was scrolled down and sideways');

  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'browse');
  await openCardBySearch(page, 'balanced binary search tree AVL', 'balanced-bst');
  const next = await waitForApp(page, (s) => !s.scrolling, { frames: 3 });
  assert.deepEqual([next.scroll, next.code_scroll_x], [0, 0], 'the next card opens at its top, code at column 0');
  const nextSolution = await scrollSolutionToTop(page);
  assert.ok(!nextSolution.texts.some((t) => t[4] === 'Copied'), 'its Copy was never tapped and does not say Copied');
  assert.ok(nextSolution.texts.some((t) => t[4] === 'Copy'));
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'browse');
  await openCardBySearch(page, 'balanced binary search tree AVL', 'balanced-bst');
  await waitForApp(page, (s) => !s.scrolling, { frames: 3 });

  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'browse');
  await openCardBySearch(page, 'LRU cache manually', 'lru-cache-manual');
  const reopened = await waitForApp(page, (s) => !s.scrolling, { frames: 3 });
  assert.deepEqual([reopened.scroll, reopened.code_scroll_x], [0, 0], 'so does a card opened again');
}));

test('a quick double tap acts once: Show answer only reveals, Good answers one card, and the next card is not revealed', () => withApp(async ({ page }) => {
  const quickTaps = async (target, count) => {
    const state = await waitForApp(page, new Function('s', `return !!s.targets[${JSON.stringify(target)}]`));
    const { x, y } = centre(state.targets[target]);
    for (let i = 0; i < count; i++) {
      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(90);
    }
  };
  // Waits for the first tap's effect (a slow frame may still hold it), then long enough for a
  // second one to show if it were not ignored.
  const settle = async (firstTapShown) => {
    await waitForApp(page, firstTapShown);
    await page.waitForTimeout(900);
    return waitForApp(page, (s) => s.pending === 0, { frames: 2 });
  };
  await tap(page, 'start');
  const first = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');

  await quickTaps('reveal', 2);
  let state = await settle((s) => s.revealed);
  assert.deepEqual([state.revealed, state.saved, state.card], [true, first.saved, first.card],
    'a double tap on Show answer reveals and grades nothing');

  await quickTaps('good', 2);
  state = await settle((s) => s.saved > first.saved);
  assert.equal(state.saved, first.saved + 1, 'a double tap on Good answers one card');
  assert.notEqual(state.card, first.card);
  assert.equal(state.revealed, false, 'the next card waits for its own Show answer');

  await tap(page, 'reveal');
  await quickTaps('easy', 3);
  state = await settle((s) => s.saved > first.saved + 1);
  assert.equal(state.saved, first.saved + 2, 'a triple tap on Easy answers one card');
  assert.equal(state.revealed, false, 'and grades no card never seen');
}));

test('the search box has a clear button once something is typed', () => withApp(async ({ page }) => {
  await tap(page, 'tab-browse');
  const empty = await waitForApp(page, (s) => s.screen === 'browse');
  assert.equal(empty.targets['search-clear'], undefined, 'nothing to clear yet');
  await typeInto(page, 'search', 'GIL');
  const typed = await waitForApp(page, (s) => s.query === 'GIL' && !!s.targets['search-clear']);
  assert.ok(typed.targets['search-clear'][0] > typed.targets.search[0] + typed.targets.search[2], 'beside the field');
  await tap(page, 'search-clear');
  const cleared = await waitForApp(page, (s) => s.query === '');
  assert.equal(cleared.targets['search-clear'], undefined);
}));

test('a session left with the answer shown starts again from the question', () => withApp(async ({ page }) => {
  await tap(page, 'start');
  const first = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  await tap(page, 'reveal');
  await waitForApp(page, (s) => s.revealed);
  await tap(page, 'close');
  await tap(page, 'start');
  const again = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  assert.equal(again.card, first.card, 'the same card, still unanswered');
  assert.equal(again.revealed, false, 'its answer is hidden again');
  assert.ok(again.targets['reveal-settling'] || again.targets.reveal, 'Show answer is back');
}));

test('a typed answer ticks the key points it covers, a tick can be corrected, and the answer is saved with the review', () => withApp(async ({ page }) => {
  await tap(page, 'start');
  const shown = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  assert.equal(shown.card, 'what-is-python', 'the first new card (its key points are what the labels below are about)');
  await tap(page, 'type-answer');
  await waitForApp(page, (s) => s.text_input);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'keyboard-proxy', 'the phone keyboard opened');
  // Covers the first two points (the language's nature; readable syntax and a big standard
  // library) and none of the rest (ecosystem, web frameworks, trade-offs).
  const answer = 'Python is a high-level language, dynamically but strongly typed. '
    + 'Its readable syntax and large standard library make it quick to learn.';
  await page.keyboard.type(answer);
  await waitForApp(page, (s) => s.typed === answer);
  await tap(page, 'reveal');
  const revealed = await waitForApp(page, (s) => s.revealed && !!s.targets.good);
  assert.deepEqual(revealed.points, [true, true, false, false, false]);

  await screenshotStats(page, join(artifacts, 'screens', 'study-typed-answer.png'));
  await scrollTo(page, 'point-3');
  await tap(page, 'point-3');  // the user says they covered the web part too
  await waitForApp(page, (s) => s.points[3] === true);
  await tap(page, 'good');
  await waitForApp(page, (s) => s.saved === revealed.saved + 1 && s.pending === 0);
  const reviews = (await idbRows(page)).map((row) => JSON.parse(rowText(row))).filter((r) => r.type === 'review');
  assert.equal(reviews.length, 1);
  assert.equal(reviews[0].card, 'what-is-python');
  assert.equal(reviews[0].answer, answer, 'the typed answer is in the review record');
  const next = await waitForApp(page, (s) => s.card !== 'what-is-python');
  assert.equal(next.typed, '', 'the next card starts with an empty answer');
}));

// What the screen says, from the texts the app reports drawing (asked for by the test).
const says = (state, text) => (state.texts || []).some((t) => t[4] === text);
const saysPart = (state, part) => (state.texts || []).some((t) => t[4].includes(part));

test('the screens say what they mean: study progress by kind, why Browse is empty, labelled calendar; the hook publishes one frame', () => withApp(async ({ page }) => {
  await page.evaluate(() => { window.pyprepBridge.test.wantsTexts = true; });
  // The first state that says Study lists Study's targets, not those of the Today it left.
  await tap(page, 'start');
  const study = await waitForApp(page, (s) => s.screen === 'study');
  assert.equal(study.targets.start, undefined, 'Today\'s Start is not listed on Study');
  assert.ok(study.targets.close, 'Study\'s close button is');
  // Progress counts new, due and again-soon cards apart; Again moves one card from new to soon.
  const question = await waitForApp(page, (s) => s.card !== '' && Array.isArray(s.texts));
  assert.ok(says(question, '20 new · 0 due · 0 again soon'), 'the header counts 20 new cards');
  await tap(page, 'reveal');
  await tap(page, 'again');
  const after = await waitForApp(page, (s) => s.saved === question.saved + 1 && s.card !== question.card);
  assert.ok(says(after, '19 new · 0 due · 1 again soon'), `the header after Again: ${after.texts.map((t) => t[4]).slice(0, 4)}`);
  await tap(page, 'close');

  // With Saved chosen and a query that matches unsaved cards, the filter is named as the reason.
  await tap(page, 'tab-browse');
  await tap(page, 'chip-saved');
  await typeInto(page, 'search', 'decorator');
  const browse = await waitForApp(page, (s) => s.query === 'decorator' && Array.isArray(s.texts));
  assert.ok(says(browse, 'None of your saved cards matches. Tap ★ Saved to search all cards.'));
  assert.ok(!saysPart(browse, 'Try fewer or shorter words'));

  // The calendar has weekday and month labels; the review count says over what time.
  await page.keyboard.press('Escape');
  await tap(page, 'tab-stats');
  let stats = await waitForApp(page, (s) => s.screen === 'stats' && Array.isArray(s.texts));
  assert.ok(says(stats, '1') && says(stats, 'reviews in the last 17 weeks'), 'one review in the last 17 weeks');
  for (let i = 0; i < 6 && !says(stats, 'Mon'); i++) {
    await drag(page, { x: 30, y: 600 }, { x: 30, y: 300 });
    stats = await waitForApp(page, (s) => !s.scrolling && Array.isArray(s.texts));
  }
  for (const day of ['Mon', 'Wed', 'Fri']) assert.ok(says(stats, day), `the calendar labels ${day}`);
  const month = new Date().toLocaleString('en', { month: 'short' });
  assert.ok(says(stats, month), `the calendar labels this month (${month})`);
}));
