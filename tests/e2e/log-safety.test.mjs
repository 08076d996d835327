// The review log under hostile conditions: two tabs of one profile writing in turn, records in
// IndexedDB the app did not write (and could not read), and backups — a round trip through
// "Delete" and "Restore", and broken backup files that must change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite, openPhone, withPhone, withProfile, waitForApp, tap, scrollTo, appState, root } from './harness.mjs';
import {
  idbRows, idbPut, rowText, identityOf, checksum, parseBackup, forgeBackup, multiset, openSettings, backUp,
  restore,
} from './log-tools.mjs';

let served;
before(async () => { served = await serveSite(); });
after(() => served.server.close());

const cardIds = readdirSync(join(root, 'assets/bank')).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => JSON.parse(readFileSync(join(root, 'assets/bank', f), 'utf8')).cards.map((c) => c.id));

// Opens Study if needed and answers the card shown; resolves once that answer is acknowledged.
async function answer(page, rating = 'good') {
  if ((await waitForApp(page, (s) => s.screen !== '')).screen !== 'study') await tap(page, 'start');
  const shown = await waitForApp(page, (s) => s.screen === 'study' && s.card !== '' && s.pending === 0);
  await tap(page, 'reveal');
  await waitForApp(page, new Function('s', `return s.revealed && !!s.targets[${JSON.stringify(rating)}]`));
  await tap(page, rating);
  const saved = await waitForApp(page, new Function('s', `return s.saved === ${shown.saved + 1} && s.pending === 0`));
  return { card: shown.card, state: saved };
}

const reviews = (rows) => rows.filter((row) => JSON.parse(row.record).type === 'review');

test('two tabs of one profile answer in turn: every answer is kept, both see all, undo is per tab', () => withProfile(async (dir) => {
  const { context, page: a, problems } = await openPhone(dir);
  try {
    await a.goto(served.url);
    await waitForApp(a, (s) => s.screen === 'today');
    const b = await context.newPage();
    await b.goto(served.url);
    await waitForApp(b, (s) => s.screen === 'today');

    // A, B, A, B: each tab first takes in what the other wrote (it re-reads the log when told).
    const order = [['A', a], ['B', b], ['A', a], ['B', b]];
    const answered = [];
    for (const [i, [name, page]] of order.entries()) {
      await page.bringToFront();
      await waitForApp(page, new Function('s', `return s.saved === ${i} && s.answered_today === ${i}`));
      const rowsBefore = await idbRows(page);
      const { card, state } = await answer(page);
      assert.equal(state.saved, i + 1, `${name}'s answer ${i + 1} is saved`);
      const rows = await idbRows(page);
      const added = rows.filter((row) => !rowsBefore.some((old) => old.id === row.id));
      assert.equal(added.length, 1, 'one row per answer');
      const record = JSON.parse(added[0].record);
      assert.equal(record.type, 'review');
      assert.equal(record.card, card, 'the row is the answer to the card shown');
      // A new card answered Good is in learning for minutes: no tab may offer it again now.
      const earlier = answered.find((x) => x.record.card === card);
      assert.ok(!earlier, `tab ${name} offered ${card} although tab ${earlier && earlier.name} had answered it ` +
                          `(row ${earlier && earlier.key}) and ${name} had re-read the log (saved ${i})`);
      answered.push({ name, key: added[0].id, record });
    }

    // Keys are "<writer>:<n>" with one writer per tab; the key is the record's identity.
    const rows = await idbRows(a);
    assert.equal(rows.length, 4);
    assert.equal(reviews(rows).length, 4, 'four review rows in IndexedDB');
    for (const row of rows) {
      assert.match(row.id, /^[0-9a-f]{16}:\d+$/);
      assert.equal(row.id, identityOf(row.record), 'the key is the identity of its record');
    }
    const writerOf = (who) => new Set(answered.filter((x) => x.name === who).map((x) => x.record.by));
    assert.equal(writerOf('A').size, 1, 'tab A writes as one writer');
    assert.equal(writerOf('B').size, 1, 'tab B writes as one writer');
    const [writerA] = writerOf('A');
    const [writerB] = writerOf('B');
    assert.notEqual(writerA, writerB, 'each tab has its own writer id');
    // Lamport ids: every answer comes after the one the tab had seen.
    assert.deepEqual(answered.map((x) => x.record.id), [1, 2, 3, 4]);

    for (const page of [a, b]) {
      await page.bringToFront();
      const seen = await waitForApp(page, (s) => s.saved === 4 && s.answered_today === 4);
      assert.equal(seen.pending, 0);
    }
    await b.reload();
    const reloaded = await waitForApp(b, (s) => s.screen === 'today');
    assert.equal(reloaded.saved, 4, 'after a reload: still 4');
    assert.equal(reloaded.answered_today, 4);

    // Undo in A takes back A's own last answer (the third), not B's later one.
    await a.bringToFront();
    await waitForApp(a, (s) => s.screen === 'study' && !!s.targets.undo);
    await tap(a, 'undo');
    const undone = await waitForApp(a, (s) => s.saved === 5 && s.pending === 0);
    assert.equal(undone.answered_today, 3);
    const after = await idbRows(a);
    const undoRows = after.filter((row) => JSON.parse(row.record).type === 'undo');
    assert.equal(undoRows.length, 1);
    const undo = JSON.parse(undoRows[0].record);
    assert.equal(undo.by, writerA, 'the undo is written by A');
    assert.equal(undo.target_by, writerA, "the undo targets A's answer");
    assert.equal(undo.target, answered[2].record.id, "A's last answer (the third overall) is undone");
    assert.equal(undoRows[0].id, identityOf(undoRows[0].record));
    assert.equal(undo.id, 5, 'the undo comes after everything A had seen');
    await b.bringToFront();
    const bSees = await waitForApp(b, (s) => s.saved === 5 && s.answered_today === 3);
    assert.equal(bSees.error, '');
    assert.deepEqual(problems.consoleErrors, []);
    console.log(`two tabs: writers A=${writerA} B=${writerB}; cards answered ${answered.map((x) => `${x.name}:${x.record.card}`).join(', ')}`);
  } finally {
    await context.close();
  }
}));

test('records the app did not write are reported, kept byte for byte and backed up', () => withPhone(served.url, async ({ page }) => {
  const now = Date.now();
  const [card1, card2, card3] = cardIds;
  const stranger = 'feedfacefeedface';
  const review = (id, card, rating, extra = {}) => JSON.stringify({
    id, by: stranger, at_ms: now - 3600000, type: 'review', card, rating, duration_ms: 5000, ...extra,
  });
  // kind, the row as stored, whether the app can read it, whether it can apply it.
  const hostile = [
    ['not JSON', { id: 'h-not-json', record: 'this is {not JSON' }, false, false],
    ['wrong field types', { id: 'h-types', record: JSON.stringify({ id: 'x', by: stranger, at_ms: 'soon', type: 'review', card: card1, rating: 'good', duration_ms: null }) }, false, false],
    ['unknown card', { id: 'h-unknown-card', record: review(900001, 'no-such-card-anywhere', 3) }, true, false],
    ['rating 9', { id: 'h-rating-9', record: review(900002, card2, 9) }, true, false],
    ['200 KB record', { id: 'h-200kb', record: JSON.stringify({ id: 900003, by: stranger, at_ms: now - 3600000, type: 'note', card: card3, text: 'x'.repeat(200 * 1024) }) }, true, true],
    ['row without record', { id: 'h-no-record', text: 'no record field here', n: 7 }, false, false],
    ['non-numeric key, readable record', { id: 'weird-key', record: review(900004, card1, 3) }, true, true],
    ['record with a line break', { id: 'h-newline', record: 'first line\nsecond line' }, false, false],
    ["record starting with '!'", { id: 'h-bang', record: '!not hex, not JSON' }, false, false],
    ['legacy numeric key, garbage', { id: 31337, record: '{"id":31337,"type":"review"' }, false, false],
  ];
  const expectUnreadable = hostile.filter(([, , readable]) => !readable).length;
  const expectProblems = hostile.filter(([, , , applies]) => !applies).length;
  // Saved counts what is in effect: readable records that apply.
  const expectSaved = hostile.filter(([, , readable, applies]) => readable && applies).length;
  assert.deepEqual([expectUnreadable, expectProblems, expectSaved], [6, 8, 2]);

  await idbPut(page, hostile.map(([, row]) => row));
  await page.reload();
  const loaded = await waitForApp(page, (s) => s.screen === 'today');
  assert.equal(loaded.started, true);
  assert.equal(loaded.error, '');
  assert.ok(loaded.frames > 0);
  assert.equal(loaded.unreadable, expectUnreadable, 'unreadable rows are counted');
  assert.equal(loaded.problems, expectProblems, 'unreadable rows plus events that cannot be applied');
  assert.equal(loaded.saved, expectSaved, 'only records in effect count as saved');
  assert.ok(loaded.targets['data-problems'], 'Today says some saved records could not be read');

  const untouched = async (when) => {
    const rows = await idbRows(page);
    for (const [kind, row] of hostile) {
      assert.deepEqual(rows.find((r) => r.id === row.id), row, `${kind}: the row is unchanged ${when}`);
    }
    return rows;
  };
  await untouched('after the app started');

  await tap(page, 'data-problems');  // "Details" goes to Settings
  await waitForApp(page, (s) => s.screen === 'settings');
  await tap(page, 'tab-today');
  await answer(page);
  await tap(page, 'close');
  await waitForApp(page, (s) => s.screen === 'today');
  const rows = await untouched('after answering a card');
  assert.equal(rows.length, hostile.length + 1);

  await openSettings(page);
  const { name, text, state } = await backUp(page);
  assert.match(name, /^pyprep-backup-\d{4}-\d{2}-\d{2}\.jsonl$/);
  assert.match(state.data_message, /^Downloaded pyprep-backup-/);
  const backup = parseBackup(text);
  assert.equal(backup.header.format, 'pyprep-backup');
  assert.equal(backup.header.count, backup.records.length);
  assert.equal(backup.header.checksum, checksum(backup.records), 'the checksum is FNV-1a 64 of the records');
  const afterBackup = await idbRows(page);
  assert.equal(afterBackup.length, rows.length + 1, 'the backup is noted in the log');
  assert.deepEqual(multiset(backup.records), multiset(afterBackup.map(rowText)),
    'the backup holds every stored row, its own note included');
  for (const [kind, row] of hostile) {
    assert.ok(backup.records.includes(rowText(row)), `${kind}: in the backup`);
  }
  const encoded = backup.lines.filter((line) => line.startsWith('!'));
  assert.equal(encoded.length, 2, "the line-break and '!' records are hex-encoded");
  assert.equal(backup.lines.length, text.split('\n').length - 2, 'no record spills over lines');
  await untouched('after the backup');
  console.log(`hostile rows: ${hostile.length}; app reported unreadable=${loaded.unreadable} problems=${loaded.problems} saved=${loaded.saved}`);
}));

test('backup round trip through Delete and Restore; broken backups are refused and change nothing', () => withPhone(served.url, async ({ page }) => {
  for (let i = 0; i < 3; i++) await answer(page);
  await tap(page, 'close');
  await waitForApp(page, (s) => s.screen === 'today');
  const exported = await idbRows(page);
  assert.equal(exported.length, 3);
  assert.equal(reviews(exported).length, 3);

  await openSettings(page);
  const { name, text } = await backUp(page);
  const backup = parseBackup(text);
  const withNote = await idbRows(page);
  assert.equal(withNote.length, 4, 'the log also notes that a backup was made');
  const note = JSON.parse(withNote.find((r) => !exported.some((e) => e.id === r.id)).record);
  assert.equal(note.type, 'backup');
  assert.equal(note.records, 4, 'the note counts the records in the backup, itself included');
  assert.deepEqual(multiset(backup.records), multiset(withNote.map(rowText)),
    'the backup holds the log as it was made, with its own note');
  assert.equal(backup.header.count, 4);
  assert.equal(backup.header.checksum, checksum(backup.records));

  await scrollTo(page, 'reset-all');
  await tap(page, 'reset-all');
  await scrollTo(page, 'reset-all-confirm');
  await tap(page, 'reset-all-confirm');
  const cleared = await waitForApp(page, (s) => s.saved === 0 && s.pending === 0);
  assert.equal(cleared.answered_today, 0);
  assert.deepEqual(await idbRows(page), [], 'IndexedDB is empty after Delete');

  const restored = await restore(page, name, text);
  assert.equal(restored.data_message, `Restored ${name}: 3 answers and 1 other item added, 0 items already here.`);
  assert.equal(restored.saved, 4);
  assert.equal(restored.answered_today, 3);
  assert.equal(restored.last_backup_ms, note.at_ms, 'the restore also brings back when the backup was made');
  const back = await idbRows(page);
  assert.deepEqual(back.sort((x, y) => (x.id < y.id ? -1 : 1)), withNote.sort((x, y) => (x.id < y.id ? -1 : 1)),
    'the same rows (keys and record texts) as when the backup was made');

  const again = await restore(page, name, text);
  assert.equal(again.data_message, `Restored ${name}: 0 answers and 0 other items added, 4 items already here.`);
  assert.deepEqual(await idbRows(page), back);

  // Broken backups: each refused with its own reason, the log untouched.
  const lines = text.split('\n');
  const last = lines[4];
  const firstRecord = JSON.parse(backup.records[0]);
  const changed = backup.records.map((r, i) => (i === 0 ? JSON.stringify({ ...firstRecord, duration_ms: firstRecord.duration_ms + 1 }) : r));
  const broken = [
    ['truncated mid-record', text.slice(0, text.length - Math.floor(last.length / 2) - 1),
      /^Nothing was restored: the backup is incomplete: it was cut short at line 5\.$/],
    ['one byte edited', text.replace(/"rating":3/, '"rating":2'),
      /^Nothing was restored: the backup was changed or damaged after it was made \(its checksum does not match\)\.$/],
    ['a CSV file', 'card,rating,duration_ms\nwhat-is-python,3,8200\n',
      /^Nothing was restored: this file is not a PyPrep backup\.$/],
    ['format version 2', forgeBackup(backup.records, { version: 2 }),
      /^Nothing was restored: the backup was made by a newer PyPrep \(format 2\); update the app to restore it\.$/],
    ['same identity, other content', forgeBackup(changed),
      new RegExp(`^Nothing was restored: line 2 contradicts an item saved here \\(${identityOf(backup.records[0])}\\): the file was edited or is not from PyPrep\\.$`)],
  ];
  assert.notEqual(broken[1][1], text, 'the edit changed the file');
  const messages = new Set();
  for (const [kind, file, expected] of broken) {
    const refused = await restore(page, `broken-${kind.replace(/\W+/g, '-')}.jsonl`, file);
    assert.match(refused.data_message, expected, kind);
    assert.ok(refused.data_message.startsWith('Nothing was restored: '), kind);
    messages.add(refused.data_message);
    assert.equal(refused.saved, 4, `${kind}: nothing added`);
    assert.deepEqual(await idbRows(page), back, `${kind}: the log is unchanged`);
  }
  assert.equal(messages.size, broken.length, 'five distinct reasons');
  const final = await appState(page);
  assert.equal(final.error, '');
}));
