// Helpers for the data-safety tests: the IndexedDB review log read and written directly, the
// backup file format (header, '!'-hex lines, FNV-1a 64 checksum) parsed and forged independently
// of the app, and the Settings → Data actions driven by taps.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { waitForApp, tap, scrollTo, appState } from './harness.mjs';

// Every row of the store 'log' of database 'pyprep', as stored (objects, in key order).
export function idbRows(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = pyprepBridge.db.transaction('log', 'readonly').objectStore('log').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }));
}

// Writes rows as they are (`put`, one transaction), behind the running app's back.
export function idbPut(page, rows) {
  return page.evaluate((list) => new Promise((resolve, reject) => {
    const tx = pyprepBridge.db.transaction('log', 'readwrite');
    for (const row of list) tx.objectStore('log').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  }), rows);
}

// The text the app reads for a row (as bridge.js hands it over): the record, or the row's JSON.
export const rowText = (row) => (typeof row.record === 'string' ? row.record : JSON.stringify(row));

// The storage key an event record must have: "<by>:<id>", or "<id>" for a record without writer.
export function identityOf(record) {
  const event = JSON.parse(record);
  return event.by ? `${event.by}:${event.id}` : String(event.id);
}

// FNV-1a 64 over each record's UTF-8 bytes followed by "\n".
export function checksum(records) {
  let h = 0xcbf29ce484222325n;
  for (const record of records) {
    for (const byte of Buffer.concat([Buffer.from(record, 'utf8'), Buffer.from('\n')])) {
      h ^= BigInt(byte);
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
  }
  return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
}

const encodeLine = (record) => (record.includes('\n') || record.startsWith('!')
  ? `!${Buffer.from(record, 'utf8').toString('hex')}` : record);
const decodeLine = (line) => (line.startsWith('!') ? Buffer.from(line.slice(1), 'hex').toString('utf8') : line);

// Splits a backup into its header, its record lines as written and the decoded records.
export function parseBackup(text) {
  assert.ok(text.endsWith('\n'), 'a backup ends with a line break');
  const [headerLine, ...lines] = text.slice(0, -1).split('\n');
  return { header: JSON.parse(headerLine), lines, records: lines.map(decodeLine) };
}

// A backup file made here, not by the app: header fields can be overridden (e.g. version).
export function forgeBackup(records, header = {}) {
  const head = {
    format: 'pyprep-backup', version: 1, app: 'forged', created_at_ms: Date.now(),
    count: records.length, checksum: checksum(records), ...header,
  };
  return `${JSON.stringify(head)}\n${records.map((r) => `${encodeLine(r)}\n`).join('')}`;
}

// Counts of equal strings, for comparing two lists as multisets.
export function multiset(list) {
  const counts = new Map();
  for (const item of list) counts.set(item, (counts.get(item) || 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function openSettings(page) {
  await tap(page, 'tab-settings');
  await waitForApp(page, (s) => s.screen === 'settings');
}

// Settings → Data → "Back up to a file": resolves with the downloaded file's name and text, once
// the app has also stored that a backup was made.
export async function backUp(page) {
  const before = await appState(page);
  await scrollTo(page, 'backup');
  const download = page.waitForEvent('download', { timeout: 10000 });
  await tap(page, 'backup');
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  const state = await waitForApp(page, new Function('s',
    `return s.pending === 0 && s.saved === ${before.saved + 1} && s.data_message !== ''`));
  return { name: file.suggestedFilename(), text, state };
}

// Settings → Data → "Restore from a backup" with the given file: resolves with the app's state
// once it has said what happened (state.data_message) and written what it added.
export async function restore(page, name, text, mimeType = 'application/x-ndjson') {
  await scrollTo(page, 'restore');
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await tap(page, 'restore');
  const picker = await chooser;
  assert.equal((await appState(page)).data_message, '', 'the last message went when Restore was tapped');
  const before = await appState(page);
  await picker.setFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
  try {
    return await waitForApp(page, (s) => s.data_message !== '' && s.pending === 0);
  } catch (e) {
    const now = await appState(page);
    const picked = await page.evaluate(() => pyprepBridge.pickerInput && pyprepBridge.pickerInput.files.length);
    throw new Error(`the app said nothing about the restored file ${name} (files picked: ${picked}; frames ` +
                    `${before.frames} → ${now.frames}; data_message ${JSON.stringify(now.data_message)}): ${e.message}`);
  }
}
