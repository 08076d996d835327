// The same app with a mouse and a keyboard (a desktop browser): keyboard shortcuts, and a note
// typed into a card that is kept in the log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, withPhone, waitForApp, tap, scrollTo, typeInto, resize } from './harness.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const DESKTOP = { viewport: { width: 1024, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };

async function click(page, target) {
  const { targets } = await waitForApp(page, new Function('s', `return !!s.targets[${JSON.stringify(target)}]`));
  const [x, y, w, h] = targets[target];
  await page.mouse.click(x + w / 2, y + h / 2);
}

test('keyboard: / searches, space reveals, 1–4 grade, u undoes, Esc goes back', () => withPhone(served.url, async ({ page }) => {
  await page.locator('#canvas').focus();
  await page.keyboard.press('/');
  await waitForApp(page, (s) => s.screen === 'browse' && s.text_input);
  await page.keyboard.type('gil');
  await waitForApp(page, (s) => s.query === 'gil');
  await page.keyboard.press('Escape');  // leaves the field
  await click(page, 'tab-today');
  await waitForApp(page, (s) => s.screen === 'today');
  await click(page, 'start');
  await waitForApp(page, (s) => s.screen === 'study' && s.card !== '');
  await page.locator('#canvas').focus();
  await page.keyboard.press(' ');
  await waitForApp(page, (s) => s.revealed);
  await page.keyboard.press('3');
  const graded = await waitForApp(page, (s) => s.saved === 1 && s.pending === 0);
  assert.equal(graded.answered_today, 1);
  await page.keyboard.press('u');
  const undone = await waitForApp(page, (s) => s.saved === 2 && s.pending === 0);
  assert.equal(undone.answered_today, 0);
  await page.keyboard.press('Escape');
  await waitForApp(page, (s) => s.screen === 'today');
}, DESKTOP));

// Opens the first card in Browse and types `text` into its note.
async function typeNote(page, text) {
  await tap(page, 'tab-browse');
  await tap(page, 'result-0');
  const card = await waitForApp(page, (s) => s.screen === 'card');
  await scrollTo(page, 'note');
  await typeInto(page, 'note', text);
  return card;
}

// After a reload, the same card shows `text` as its note.
async function noteAfterReload(page, card, text) {
  await page.reload();
  await tap(page, 'tab-browse');
  await tap(page, 'result-0');
  const reopened = await waitForApp(page, (s) => s.screen === 'card');
  assert.equal(reopened.open_card, card.open_card);
  assert.equal(reopened.note, text);
}

test('a note typed on a card is saved as the user goes, in the log, and shown after a reload', () => withPhone(served.url, async ({ page }) => {
  const card = await typeNote(page, 'Mention the 3.13 free-threaded build.');
  await waitForApp(page, (s) => s.note === 'Mention the 3.13 free-threaded build.' && s.pending === 0);
  await noteAfterReload(page, card, 'Mention the 3.13 free-threaded build.');
}));

test('a note typed and left at once with Back is kept', () => withPhone(served.url, async ({ page }) => {
  const card = await typeNote(page, 'Say why the GIL matters less for I/O.');
  await page.goBack();  // the system Back, before the pause that saves it
  await waitForApp(page, (s) => s.screen === 'browse' && s.pending === 0);
  await noteAfterReload(page, card, 'Say why the GIL matters less for I/O.');
}));

test('a long note wraps inside its field as it is typed, and is saved without the wrap\'s breaks', () => withPhone(served.url, async ({ page }) => {
  await resize(page, 320, 640);
  const long = 'Start with what the GIL protects, then say that I/O releases it, so threads still help '
    + 'with network calls; for CPU work use processes or the free-threaded build. Mention that the GIL '
    + 'does not make code thread-safe: a read-modify-write still needs a lock, and asyncio is another answer.';
  await typeNote(page, 'x');
  const before = (await waitForApp(page, (s) => s.note === 'x' && !!s.targets.note)).targets.note;
  await page.keyboard.press('Backspace');
  await page.keyboard.type(long);
  const typed = await waitForApp(page, (s) => s.note === long && s.pending === 0);
  const field = typed.targets.note;
  assert.ok(field[2] <= 320, `the field fits the screen (${field[2]} px wide)`);
  assert.ok(field[3] > before[3] * 1.3, `the field grew to show the wrapped lines (${before[3]} → ${field[3]} px)`);
  // Editing at a wrap keeps the text: backspace deletes characters, never a break of its own.
  for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace');
  await waitForApp(page, (s) => s.note === long.slice(0, -12) && s.pending === 0);
  await noteAfterReload(page, typed, long.slice(0, -12));
}));
