// A mock interview on the phone profile: set up from Today, answered by typing, aloud and by
// skipping under a visible countdown, with no model answer shown; it survives a reload in the
// middle, ends with a report whose typed answer is scored as pyprep-grade scores it, leaves the
// study schedule alone, and the report opens again after another reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite, withPhone, waitForApp, tap, screenshotStats, artifacts, root, scrollTo } from './harness.mjs';
import { idbRows, rowText } from './log-tools.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const bankCards = new Map(readdirSync(join(root, 'assets/bank')).filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'assets/bank', f), 'utf8')).cards).map((c) => [c.id, c]));

// What the native scorer says of `answer` on `card` (the command a user can run themselves).
function graded(card, answer) {
  const run = spawnSync(join(root, 'build/native/pyprep-grade'), [], {
    input: JSON.stringify({ card, answer }) + '\n', encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim());
}

async function records(page) {
  return (await idbRows(page)).map((row) => JSON.parse(rowText(row)));
}

test('a five-question mock runs under a clock to its report, survives reloads, and changes no schedule', () => withPhone(served.url, async ({ page }) => {
  await tap(page, 'mock');
  await waitForApp(page, (s) => s.screen === 'mock-setup');
  await tap(page, 'mock-mix-0');  // junior role
  await tap(page, 'mock-start');
  const first = await waitForApp(page, (s) => s.screen === 'mock-question' && s.mock.open && s.mock.open.question === 0);
  assert.equal(first.mock.open.of, 5);
  assert.ok(first.mock.open.left_s <= 180 && first.mock.open.left_s > 170, `a three-minute clock: ${first.mock.open.left_s}`);
  assert.ok(!first.targets.reveal && !first.targets['mock-model-0'], 'no answer on a question');

  // 1: typed, the card's 30-second answer in the user's words is what the report will score.
  const typedCard = first.mock.open.card;
  const answer = bankCards.get(typedCard).short_answer.replace(/[`*]/g, '');
  await tap(page, 'mock-typed');
  await waitForApp(page, (s) => s.text_input);
  await page.keyboard.type(answer);
  await screenshotStats(page, join(artifacts, 'screens', 'mock-question.png'));
  await tap(page, 'mock-next');
  const second = await waitForApp(page, (s) => s.mock.open && s.mock.open.question === 1);

  // A reload in the middle resumes at the same question with its clock running on.
  await page.reload();
  const resumed = await waitForApp(page, (s) => s.screen === 'today' && s.targets.mock);
  assert.equal(resumed.mock.open.question, 1);
  assert.equal(resumed.mock.open.card, second.mock.open.card);
  await tap(page, 'mock');
  await waitForApp(page, (s) => s.screen === 'mock-question');

  // 2: aloud, rated "Partly"; 3: skipped; 4: typed nothing, skipped too.
  await tap(page, 'mock-aloud');
  await tap(page, 'mock-partly');
  await waitForApp(page, (s) => s.mock.open && s.mock.open.question === 2);
  await tap(page, 'mock-next');
  await waitForApp(page, (s) => s.mock.open && s.mock.open.question === 3);
  await tap(page, 'mock-next');
  const fifth = await waitForApp(page, (s) => s.mock.open && s.mock.open.question === 4);
  const code = bankCards.get(fifth.mock.open.card);
  if (code.kind === 'code') {
    assert.ok(fifth.mock.open.left_s > 14 * 60, 'a code task gets fifteen minutes');
    await tap(page, 'mock-write-code');
    const editor = await waitForApp(page, (s) => s.screen === 'practice');
    assert.ok(!editor.targets.reference, 'no reference solution during the mock');
    await tap(page, 'back');
    await waitForApp(page, (s) => s.screen === 'mock-question');
  }
  await tap(page, 'mock-next');

  const report = await waitForApp(page, (s) => s.screen === 'mock-report' && s.mock.report);
  await screenshotStats(page, join(artifacts, 'screens', 'mock-report.png'));
  const questions = report.mock.report.questions;
  assert.deepEqual(questions.map((q) => q.how), ['typed', 'aloud', 'skipped', 'skipped', code.kind === 'code' ? 'code' : 'skipped']);
  const expected = graded(typedCard, answer);
  assert.deepEqual(questions[0].covered, expected.covered, 'the report scores the typed answer as pyprep-grade does');
  assert.equal(questions[1].score, 0.5);
  assert.ok(Math.abs(report.mock.report.score - (expected.score + 0.5) / 5) < 1e-9, `overall ${report.mock.report.score}`);

  const log = await records(page);
  assert.equal(log.filter((r) => r.type === 'mock_start').length, 1);
  assert.equal(log.filter((r) => r.type === 'mock_answer').length, 5);
  assert.equal(log.filter((r) => r.type === 'mock_end').length, 1);
  assert.equal(log.filter((r) => r.type === 'review').length, 0, 'mock answers are not reviews');
  assert.equal(log.find((r) => r.type === 'mock_answer' && r.how === 'typed').answer, answer);

  // The model answer is a tap away in the report.
  await scrollTo(page, 'mock-model-0');
  await tap(page, 'mock-model-0');
  await waitForApp(page, (s) => s.mock.report.model_shown[0] === true);
  await screenshotStats(page, join(artifacts, 'screens', 'mock-report-model.png'));

  // After another reload the report is one of the past mocks, with the same score.
  await page.reload();
  const today = await waitForApp(page, (s) => s.screen === 'today' && s.targets.mock);
  assert.equal(today.answered_today, 0);
  assert.equal(today.mock.open, undefined);
  await tap(page, 'mock');
  const setup = await waitForApp(page, (s) => s.screen === 'mock-setup' && !!s.targets['mock-past-0']);
  assert.equal(setup.mock.past_scores.length, 1);
  await tap(page, 'mock-past-0');
  const again = await waitForApp(page, (s) => s.screen === 'mock-report' && s.mock.report);
  assert.equal(again.mock.report.score, report.mock.report.score);
}));

test('text being typed in one tab does not move to the next question when another tab answers this one', () => withPhone(served.url, async ({ page: a, context }) => {
  await tap(a, 'mock');
  await waitForApp(a, (s) => s.screen === 'mock-setup');
  await tap(a, 'mock-start');
  await waitForApp(a, (s) => s.screen === 'mock-question' && s.mock.open && s.mock.open.question === 0);
  await tap(a, 'mock-typed');
  await waitForApp(a, (s) => s.text_input);
  await a.keyboard.type('half an answer');

  const b = await context.newPage();
  await b.goto(served.url);
  await waitForApp(b, (s) => s.screen === 'today' && s.mock.open && s.mock.open.question === 0);
  await tap(b, 'mock');
  await waitForApp(b, (s) => s.screen === 'mock-question');
  await tap(b, 'mock-aloud');
  await tap(b, 'mock-got-it');
  await waitForApp(b, (s) => s.mock.open && s.mock.open.question === 1 && s.pending === 0);

  await a.bringToFront();
  await waitForApp(a, (s) => s.screen === 'mock-question' && s.mock.open && s.mock.open.question === 1);
  await tap(a, 'mock-typed');
  await waitForApp(a, (s) => s.text_input);
  await a.keyboard.type('fresh');
  await tap(a, 'mock-next');
  await waitForApp(a, (s) => s.mock.open && s.mock.open.question === 2 && s.pending === 0);

  const answers = (await records(a)).filter((r) => r.type === 'mock_answer');
  assert.deepEqual(answers.map((r) => r.how).sort(), ['aloud', 'typed']);  // rows come in key order
  assert.equal(answers.find((r) => r.how === 'typed').answer, 'fresh', 'the second question holds only what was typed for it');
}));
