// Accessibility and install, as Chromium's accessibility tree (what TalkBack and screen readers
// read) and a desktop keyboard meet the app: the mirror holds each screen's heading, texts and
// controls with their names and states; activating a mirrored control does what a tap does and
// the live region says what changed; Tab reaches every control in reading order; the text size
// follows the browser's preference up to 200%; the install offer appears where the browser makes
// one. Screenshots at 200% text go to test-results/screens/access/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  serveSite, withPhone, withProfile, openPhone, waitForApp, tap, appState, artifacts, root, typeInto, scrollTo,
} from './harness.mjs';
import { idbPut } from './log-tools.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const bankCards = readdirSync(join(root, 'assets/bank')).filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'assets/bank', f), 'utf8')).cards);
const promptOf = (id) => bankCards.find((c) => c.id === id).prompt;

const DESKTOP = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };

// The accessibility tree's nodes a screen reader would meet: role, name, and the states asked for.
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored && n.name && n.name.value).map((n) => {
      const props = Object.fromEntries((n.properties || []).map((p) => [p.name, p.value.value]));
      return { role: n.role.value, name: n.name.value, level: props.level, checked: props.checked,
               pressed: props.pressed, backendId: n.backendDOMNodeId };
    });
  } finally { await cdp.detach(); }
}

// Waits until the tree holds a node with `role` whose name passes `matches`; returns it.
async function axFind(page, role, matches, what) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const node = (await axNodes(page)).find((n) => n.role === role && matches(n.name));
    if (node) return node;
    if (Date.now() > deadline) {
      const roles = (await axNodes(page)).filter((n) => n.role !== 'StaticText' && n.role !== 'InlineTextBox');
      throw new Error(`no ${role} ${what} in the accessibility tree: ${roles.map((n) => `${n.role} "${n.name}"`).join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// What a screen reader's activation does: a click on the node's element; a text field is focused.
async function activate(page, node) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendId });
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId,
      functionDeclaration: 'function () { if (this.tagName === "TEXTAREA") this.focus(); else this.click(); }' });
  } finally { await cdp.detach(); }
}

const liveText = (page) => page.evaluate(() => document.getElementById('access-live').textContent);
async function waitForLive(page, matches) {
  const deadline = Date.now() + 5000;
  for (let said = await liveText(page); ; said = await liveText(page)) {
    if (matches(said)) return said;
    if (Date.now() > deadline) throw new Error(`the live region says "${said}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a screen reader hears the prompt, Show answer, the four grades with their intervals, and answers with Good', () =>
  withPhone(served.url, async ({ page }) => {
    await activate(page, await axFind(page, 'button', (n) => n.startsWith('Start studying'), '"Start studying"'));
    const question = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
    await axFind(page, 'heading', (n) => n === promptOf(question.card), 'with the prompt');
    const show = await axFind(page, 'button', (n) => n === 'Show answer', '"Show answer"');
    await page.waitForTimeout(500);  // a button that just appeared ignores taps for a moment
    await activate(page, show);
    await waitForApp(page, (s) => s.revealed);
    assert.equal(await waitForLive(page, (t) => t !== ''), 'Answer shown');
    const grades = [];
    for (const grade of ['Again', 'Hard', 'Good', 'Easy']) {
      grades.push(await axFind(page, 'button', (n) => new RegExp(`^${grade}, \\d+(m|h|d|mo|y)$`).test(n), `"${grade}, <interval>"`));
    }
    // Key points are checkboxes, and the answer is there as text.
    const points = (await axNodes(page)).filter((n) => n.role === 'checkbox');
    assert.equal(points.length, bankCards.find((c) => c.id === question.card).key_points.length);
    assert.ok(points.every((p) => p.checked === 'false'));
    await activate(page, points[0]);
    await waitForApp(page, (s) => s.ticked === 1);
    assert.equal((await axFind(page, 'checkbox', (n) => n === points[0].name, 'ticked')).checked !== 'false', true);

    await page.waitForTimeout(500);
    await activate(page, grades[2]);
    const next = await waitForApp(page, (s) => s.saved === 1 && s.pending === 0 && s.card !== question.card);
    assert.equal(await waitForLive(page, (t) => t.startsWith('Saved')), `Saved. Next: ${promptOf(next.card)}`);
    await axFind(page, 'heading', (n) => n === promptOf(next.card), 'with the next prompt');
  }));

test('every screen has a heading', () => withPhone(served.url, async ({ page }) => {
  const heading = async (screen) => {
    const headings = (await axNodes(page)).filter((n) => n.role === 'heading' && n.level === 1);
    assert.ok(headings.length >= 1, `${screen} has a top-level heading`);
    return headings[0].name;
  };
  assert.equal(await heading('today'), 'PyPrep');
  for (const [tab, screen, title] of [['tab-browse', 'browse', 'Browse'], ['tab-stats', 'stats', 'Stats'],
    ['tab-settings', 'settings', 'Settings']]) {
    await tap(page, tab);
    await waitForApp(page, (s) => s.screen === screen);
    await axFind(page, 'heading', (n) => n === title, `"${title}"`);
  }
  await tap(page, 'tab-browse');
  await typeInto(page, 'search', 'LRU cache manually');
  await waitForApp(page, (s) => !!s.targets['result-0']);
  await tap(page, 'result-0');
  const card = await waitForApp(page, (s) => s.screen === 'card');
  assert.equal(await heading('card'), promptOf(card.open_card));
  await tap(page, 'practice');
  await waitForApp(page, (s) => s.screen === 'practice');
  assert.equal(await heading('practice'), promptOf(card.open_card));
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'card');
  await page.goBack();
  await waitForApp(page, (s) => s.screen === 'browse');
  await tap(page, 'tab-today');
  await tap(page, 'mock');
  await waitForApp(page, (s) => s.screen === 'mock-setup');
  assert.equal(await heading('mock-setup'), 'Mock interview');
  await tap(page, 'close');
  await tap(page, 'start');
  const study = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  assert.equal(await heading('study'), promptOf(study.card));
}));

test('a screen reader searches for a card and opens it, and changes a setting', () => withPhone(served.url, async ({ page }) => {
  await activate(page, await axFind(page, 'button', (n) => n === 'Browse', 'tab "Browse"'));
  await waitForApp(page, (s) => s.screen === 'browse');
  await activate(page, await axFind(page, 'textbox', (n) => n === 'Search questions, answers, tags', 'search field'));
  // The field being edited is where the phone's keyboard types; it keeps the field's name.
  const field = await axFind(page, 'textbox', (n) => n === 'Search questions, answers, tags', 'being edited');
  await waitForApp(page, (s) => s.text_input);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'keyboard-proxy');
  assert.ok(field);
  await page.keyboard.type('decorator');
  await waitForApp(page, (s) => s.query === 'decorator' && !!s.targets['result-0']);
  const result = await axFind(page, 'button', (n) => /decorator/i.test(n), 'a result about decorators');
  await activate(page, result);
  const card = await waitForApp(page, (s) => s.screen === 'card');
  assert.ok(result.name.startsWith(promptOf(card.open_card) + ', '), `the result is named by its whole prompt: "${result.name}"`);
  await axFind(page, 'heading', (n) => n === promptOf(card.open_card), 'with the card prompt');

  await page.goBack();
  await activate(page, await axFind(page, 'button', (n) => n === 'Settings', 'tab "Settings"'));
  await waitForApp(page, (s) => s.screen === 'settings');
  const dark = await axFind(page, 'button', (n) => n === 'Dark', '"Dark"');
  assert.equal(dark.pressed, 'false');
  await activate(page, dark);
  await waitForApp(page, (s) => s.theme === 'dark');
  assert.equal((await axFind(page, 'button', (n) => n === 'Dark', '"Dark"')).pressed, 'true');
  const more = await axFind(page, 'button', (n) => n.startsWith('More Text size'), '"More Text size"');
  assert.equal(more.name, 'More Text size, now 100%');
  await activate(page, more);
  await waitForApp(page, (s) => Math.abs(s.text_scale - 1.1) < 1e-9);
  await axFind(page, 'button', (n) => n === 'More Text size, now 110%', 'with the new size');
}));

test('on a desktop, Tab moves through every control in reading order; Enter and Space act', () =>
  withProfile(async (dir) => {
    const { context, page } = await openPhone(dir, DESKTOP);
    try {
      await page.goto(served.url);
      const today = await waitForApp(page, (s) => s.screen === 'today' && !!s.targets['tab-settings']);
      const mirrored = await page.evaluate(() => [...document.querySelectorAll('#access button, #access textarea')]
        .map((e) => e.dataset.target));
      // Every control on screen is mirrored, in reading order: row by row, the tab bar last.
      assert.deepEqual([...mirrored].sort(), Object.keys(today.targets).sort());
      for (let i = 1; i < mirrored.length; i++) {
        const [ax, ay, , ah] = today.targets[mirrored[i - 1]];
        const [bx, by] = today.targets[mirrored[i]];
        assert.ok(by >= ay + ah - 1 || (Math.abs(by - ay) < 1 && bx > ax), `${mirrored[i]} reads after ${mirrored[i - 1]}`);
      }
      const reached = [];
      for (const target of mirrored) {
        await page.keyboard.press('Tab');
        reached.push((await waitForApp(page, new Function('s', `return s.focus === ${JSON.stringify(target)}`))).focus);
      }
      assert.deepEqual(reached, mirrored);
      mkdirSync(join(artifacts, 'screens', 'access'), { recursive: true });
      await page.screenshot({ path: join(artifacts, 'screens', 'access', 'desktop-focus-ring.png') });

      // Enter on the first control opens Study, where the focus goes to the heading; the app's
      // shortcuts still work from there; Tab reaches the grades and Space answers.
      await page.evaluate(() => document.querySelector('#access button').focus());
      await waitForApp(page, (s) => s.focus === mirrored[0]);
      await page.keyboard.press('Enter');
      const study = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
      await page.keyboard.press(' ');  // the Show answer shortcut
      await waitForApp(page, (s) => s.revealed);
      await page.waitForTimeout(500);
      let state = await appState(page);
      for (let i = 0; i < 40 && state.focus !== 'good'; i++) {
        await page.keyboard.press('Tab');
        state = await waitForApp(page, () => true, { frames: state.frames + 1 });
      }
      assert.equal(state.focus, 'good', 'Tab reaches Good');
      await page.keyboard.press('Space');
      await waitForApp(page, new Function('s', `return s.saved === 1 && s.card !== ${JSON.stringify(study.card)}`));

      // On a screen taller than the window, each control Tab reaches is scrolled into view.
      await page.keyboard.press('Escape');
      await waitForApp(page, (s) => s.screen === 'today');
      await page.evaluate(() => document.querySelector('#access button[data-target="tab-settings"]').focus());
      await page.keyboard.press('Enter');
      await waitForApp(page, (s) => s.screen === 'settings');
      const controls = await page.evaluate(() => [...document.querySelectorAll('#access button, #access textarea')]
        .map((e) => e.dataset.target));
      assert.ok(controls.includes('reset-all'), 'the mirror holds controls below the fold too');
      await page.evaluate(() => document.querySelector('#access button').focus());
      for (const target of controls.slice(1)) {
        await page.keyboard.press('Tab');
        await waitForApp(page, new Function('s', `return s.focus === ${JSON.stringify(target)} && !s.scrolling &&
          !!s.targets[${JSON.stringify(target)}]`), { frames: 2 });
      }
    } finally {
      await context.close();
    }
  }));

// A profile whose browser asks for text twice the normal size (Settings → Appearance → Font size).
function withLargeTextProfile(run) {
  return withProfile(async (dir) => {
    mkdirSync(join(dir, 'Default'), { recursive: true });
    writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 32 } } }));
    return run(dir);
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`text follows the browser's size up to 200%, and Study's buttons stay on a 390 px screen, ${colorScheme}`, () =>
    withLargeTextProfile(async (dir) => {
      const { context, page } = await openPhone(dir, { colorScheme });
      try {
        await page.goto(served.url);
        const today = await waitForApp(page, (s) => s.screen === 'today');
        assert.equal(today.text_scale, 2);
        const { width, height } = page.viewportSize();
        const onScreen = (rect) => rect[0] >= 0 && rect[1] >= 0 && rect[0] + rect[2] <= width + 0.5 && rect[1] + rect[3] <= height + 0.5;
        await tap(page, 'start');
        const question = await waitForApp(page, (s) => s.screen === 'study' && !!s.targets.reveal);
        assert.ok(onScreen(question.targets.reveal) && onScreen(question.targets.close));
        await tap(page, 'reveal');
        const answer = await waitForApp(page, (s) => s.revealed && !!s.targets.good);
        for (const grade of ['again', 'hard', 'good', 'easy']) {
          assert.ok(answer.targets[grade] && onScreen(answer.targets[grade]), `${grade} is on screen: ${answer.targets[grade]}`);
          assert.ok(answer.targets[grade][3] >= 48, `${grade} is a fingertip tall`);
        }
        mkdirSync(join(artifacts, 'screens', 'access'), { recursive: true });
        await page.screenshot({ path: join(artifacts, 'screens', 'access', `study-200-${colorScheme}.png`) });
        // A size chosen in Settings wins over the browser's.
        await page.goBack();
        await tap(page, 'tab-settings');
        await waitForApp(page, (s) => s.screen === 'settings');
        await page.screenshot({ path: join(artifacts, 'screens', 'access', `settings-200-${colorScheme}.png`) });
      } finally {
        await context.close();
      }
    }));
}

// A Chromium install prompt, as the browser hands it to the page; `prompt()` is recorded.
const offerInstall = (page) => page.evaluate(() => {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  event.prompt = () => { window.installPrompted = (window.installPrompted || 0) + 1; return Promise.resolve(); };
  event.userChoice = Promise.resolve({ outcome: 'accepted' });
  dispatchEvent(event);
});

test('where the browser offers installing, Settings has Install app and Today suggests it once after a few days', () =>
  withPhone(served.url, async ({ page }) => {
    // Only the offers the test makes count: one the browser makes of its own is held back.
    await page.addInitScript(() => addEventListener('beforeinstallprompt', (event) => {
      if (event.isTrusted) event.stopImmediatePropagation();
    }, true));
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    // Reviews on three earlier days.
    await idbPut(page, [3, 2, 1].map((ago, i) => ({ id: `seed-${i}`, record: JSON.stringify({
      id: i + 1, at_ms: now - ago * day, type: 'review', card: bankCards[i].id, rating: 3, duration_ms: 5000 }) })));
    await page.reload();
    await waitForApp(page, (s) => s.screen === 'today' && s.saved === 3);
    assert.equal((await appState(page)).targets['install-suggested'], undefined, 'no offer, no suggestion');
    await offerInstall(page);
    await tap(page, 'tab-stats');
    await tap(page, 'tab-today');
    await waitForApp(page, (s) => s.screen === 'today' && !!s.targets['install-later']);
    await tap(page, 'install-later');
    await waitForApp(page, (s) => !s.targets['install-later']);
    await tap(page, 'tab-settings');
    await waitForApp(page, (s) => s.screen === 'settings');
    await scrollTo(page, 'install');
    await tap(page, 'install');
    await waitForApp(page, () => true, { frames: (await appState(page)).frames + 2 });
    assert.equal(await page.evaluate(() => window.installPrompted), 1, 'the browser\'s prompt was shown');
    // The prompt is used up; after a reload (a new offer), Today does not suggest it again.
    await page.reload();
    await waitForApp(page, (s) => s.screen === 'today');
    await offerInstall(page);
    await tap(page, 'tab-stats');
    await tap(page, 'tab-today');
    const again = await waitForApp(page, (s) => s.screen === 'today');
    assert.equal(again.targets['install-later'], undefined, 'suggested once only');
    // Running installed (as iOS tells it: this Chromium cannot emulate the display mode), there
    // is nothing to offer.
    await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true }));
    await offerInstall(page);
    await tap(page, 'tab-settings');
    await waitForApp(page, (s) => s.screen === 'settings' && !!s.targets['theme-2']);
    await scrollTo(page, 'reset-all');
    assert.equal((await appState(page)).targets.install, undefined, 'no Install app once installed');
  }));
