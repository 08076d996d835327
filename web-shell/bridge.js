// The thin JavaScript side of PyPrep: start-up checks, the IndexedDB review log, the service
// worker, and the small services platform_web.cpp calls (window.pyprepBridge). All app logic is
// in C++; this file only moves data across the boundary.
'use strict';
(function () {
  const DB_NAME = 'pyprep';
  const LOG_STORE = 'log';  // one row per record: { id, record }; id = the event's key (text;
                           // numbers in logs written before writers had ids)
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('pyprep-log') : null;

  const statusBox = document.getElementById('status');
  function showStatus(title, text, busy) {
    document.getElementById('status-title').textContent = title;
    document.getElementById('status-text').textContent = text;
    document.getElementById('spinner').hidden = !busy;
    statusBox.hidden = false;
  }

  function openLog() {
    return new Promise((resolve, reject) => {
      let request;
      try { request = indexedDB.open(DB_NAME, 1); } catch (e) { reject(e); return; }
      request.onupgradeneeded = () => request.result.createObjectStore(LOG_STORE, { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the database is blocked by another PyPrep tab'));
    });
  }

  // Every row as text. A row without a text record (not written by PyPrep) is handed over as
  // its JSON so the app can report and back it up; the row itself is never touched.
  function rowText(row) {
    const text = typeof row.record === 'string' ? row.record : JSON.stringify(row) || String(row);
    return text.toWellFormed ? text.toWellFormed() : text;
  }

  function readAll(db) {
    return new Promise((resolve, reject) => {
      const request = db.transaction(LOG_STORE, 'readonly').objectStore(LOG_STORE).getAll();
      request.onsuccess = () => resolve(request.result.map(rowText));
      request.onerror = () => reject(request.error);
    });
  }

  // Records cross into the wasm heap as one block (ui/platform/record_block.h): each record's
  // UTF-8 after its length, 4 bytes little-endian. The caller frees block.pointer.
  function recordsBlock(records) {
    const encoder = new TextEncoder();
    const encoded = records.map((record) => encoder.encode(record));
    const size = encoded.reduce((sum, bytes) => sum + 4 + bytes.length, 0);
    const pointer = Module._malloc(Math.max(size, 1));
    const heap = Module.HEAPU8;  // read after malloc, which may have grown the heap
    const view = new DataView(heap.buffer);
    let at = pointer;
    for (const bytes of encoded) {
      view.setUint32(at, bytes.length, true);
      heap.set(bytes, at + 4);
      at += 4 + bytes.length;
    }
    return { pointer, size };
  }

  // Copies text into the wasm heap (ccall's 'string' would put it on the small stack).
  function withHeapText(text, use) {
    const size = lengthBytesUTF8(text) + 1;
    const pointer = Module._malloc(size);
    stringToUTF8(text, pointer, size);
    try { use(pointer); } finally { Module._free(pointer); }
  }
  const lengthBytesUTF8 = (text) => Module.lengthBytesUTF8(text);
  const stringToUTF8 = (text, pointer, size) => Module.stringToUTF8(text, pointer, size);

  // Another tab wrote: read the whole log again and hand it to the app (one read at a time).
  let reloading = false, reloadAgain = false;
  async function reload() {
    if (!bridge.db || !bridge.running) return;  // before the first frame, start-up reads the log
    if (reloading) { reloadAgain = true; return; }
    reloading = true;
    try {
      do {
        reloadAgain = false;
        const block = recordsBlock(await readAll(bridge.db));
        try { Module._pyprep_storage_reloaded(block.pointer, block.size); } finally { Module._free(block.pointer); }
      } while (reloadAgain);
    } catch (e) {
      console.warn('PyPrep: could not re-read the log', e);
    } finally {
      reloading = false;
    }
  }

  function reason(error) {
    if (!error) return 'unknown error';
    if (error.name === 'QuotaExceededError') return 'the browser storage is full';
    return error.message || error.name || String(error);
  }

  const bridge = {
    db: null,
    records: [],
    // Test hook (documented in README.md): frames rendered so far and the app's state summary.
    test: { frames: 0, state: null, wantsTexts: false,  // wantsTexts: state.texts lists what is drawn
            startup: [], frameCpuMs: [] },

    persisted: null,  // navigator.storage.persisted(), once known
    running: false,   // the app has drawn its first frame

    // One record per transaction; C++ counts it saved only once the transaction completes. `add`
    // never replaces: a key that is taken fails, unless the stored record is this one (a retry
    // whose first attempt had landed).
    append(key, record) {
      const done = (ok, why) => {
        if (ok && channel) channel.postMessage('changed');
        Module.ccall('pyprep_append_done', null, ['string', 'number', 'string'], [key, ok ? 1 : 0, why || '']);
      };
      let tx, conflict = false;
      try {
        tx = bridge.db.transaction(LOG_STORE, 'readwrite', { durability: 'strict' });
        const request = tx.objectStore(LOG_STORE).add({ id: key, record });
        request.onerror = (event) => {
          if (request.error && request.error.name === 'ConstraintError') {
            event.preventDefault();  // keep the transaction: look at what holds the key
            const stored = tx.objectStore(LOG_STORE).get(key);
            stored.onsuccess = () => {
              if (stored.result && stored.result.record === record) return;
              conflict = true;
              tx.abort();
            };
          }
        };
      } catch (e) { done(false, reason(e)); return; }
      tx.oncomplete = () => done(true);
      tx.onabort = () => done(false, conflict ? 'another record has the same id' : reason(tx.error));
    },

    // Reset all progress: every row goes, in one transaction.
    clearLog() {
      const done = (ok, why) => {
        if (ok && channel) channel.postMessage('changed');
        Module.ccall('pyprep_append_done', null, ['string', 'number', 'string'], ['*clear*', ok ? 1 : 0, why || '']);
      };
      let tx;
      try {
        tx = bridge.db.transaction(LOG_STORE, 'readwrite', { durability: 'strict' });
        tx.objectStore(LOG_STORE).clear();
      } catch (e) { done(false, reason(e)); return; }
      tx.oncomplete = () => done(true);
      tx.onabort = () => done(false, reason(tx.error));
    },

    // A backup file: the share sheet where the phone can share files, otherwise a download.
    saveFile(name, text) {
      const file = new File([text], name, { type: 'application/x-ndjson' });
      const coarse = matchMedia('(pointer: coarse)').matches;
      if (coarse && navigator.canShare && navigator.canShare({ files: [file] })) {
        navigator.share({ files: [file], title: 'PyPrep backup' }).catch(() => {});
        return 'Choose where to keep ' + name + '.';
      }
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      return 'Downloaded ' + name + '.';
    },

    // Restore: a file chooser (opened inside the tap that asked for it); the file's text goes to
    // the app, or why it could not be read.
    pickFile() {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.jsonl,.ndjson,.json,.txt,application/x-ndjson,application/json,text/plain';
      input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        if (!file) return;
        const picked = (text, error) => withHeapText(file.name, (name) => withHeapText(text, (body) =>
          withHeapText(error, (why) => Module._pyprep_file_picked(name, body, why))));
        if (file.size > 64 * 1024 * 1024) {
          picked('', 'Nothing was restored: the file is ' + Math.round(file.size / 1048576) +
                 ' MB; a PyPrep backup is at most 64 MB.');
          return;
        }
        file.text().then((text) => picked(text, ''),
                         (e) => picked('', 'Nothing was restored: the file could not be read (' + reason(e) + ').'));
      });
      bridge.pickerInput = input;  // tests reach the chooser through it
      input.click();
    },

    // Benchmark hooks: when each start-up phase ended (ms since navigation start), and the CPU
    // time of the last frames: [ImGui new frame to render, the rest but the buffer swap].
    markStartup(phase) { bridge.test.startup.push([phase, performance.now()]); },
    frameCpu(buildMs, otherMs) {
      const cpu = bridge.test.frameCpuMs;
      cpu.push([buildMs, otherMs]);
      if (cpu.length > 2000) cpu.splice(0, cpu.length - 2000);
    },

    publish(frames, stateJson) {
      bridge.test.frames = frames;
      bridge.test.state = JSON.parse(stateJson);
      if (frames === 1) {
        bridge.running = true;  // the wasm runtime is up: its exports may be called
        bridge.test.firstFrameMs = performance.now();  // since navigation start
        bridge.markStartup('first frame');
        statusBox.hidden = true;
      }
    },

    fatal(message) { showStatus('PyPrep cannot start', message, false); },

    copy(text) { navigator.clipboard && navigator.clipboard.writeText(text).catch(() => {}); },

    prefersDark() { return matchMedia('(prefers-color-scheme: dark)').matches; },

    // History: the app's root entry, a guard above it, and one entry per opened screen. Back at
    // the root lands on the root entry; the guard is pushed again so Back never leaves the app.
    pushHistory() { history.pushState({ pyprep: 'screen' }, ''); },

    // The part of the layout the on-screen keyboard covers: the visual viewport shrinks, the page
    // (and the canvas) does not.
    keyboardInset() {
      const view = window.visualViewport;
      return view ? Math.max(0, window.innerHeight - view.height - view.offsetTop) : 0;
    },
    safeArea() {
      const style = getComputedStyle(document.getElementById('safe-area'));
      return { left: parseFloat(style.paddingLeft) || 0, top: parseFloat(style.paddingTop) || 0,
               right: parseFloat(style.paddingRight) || 0, bottom: parseFloat(style.paddingBottom) || 0 };
    },

    // Keyboard proxy: where the app's text fields are, and whether one is being edited.
    textFields: [],
    textActive: false,
    setTextFields(fields, active) {
      bridge.textFields = fields;
      if (active === bridge.textActive) return;
      bridge.textActive = active;
      pyprepAccess.textFieldActive(active, keyboard.proxy);  // sees which mirrored field had the focus
      if (active) keyboard.focus();
      else if (document.activeElement === keyboard.proxy) keyboard.proxy.blur();
    },
  };

  // The hidden textarea that makes phones show their keyboard. It is focused synchronously inside
  // the touch that hits a text field (phones only open the keyboard during a user gesture); what is
  // typed into it goes to the app. It always holds one sentinel character so Backspace on an
  // "empty" field still produces an input event.
  const SENTINEL = ' ';
  const keyboard = {
    proxy: document.getElementById('keyboard-proxy'),
    composing: false,
    focus() {
      if (document.activeElement === keyboard.proxy) return;
      keyboard.reset();
      keyboard.proxy.focus({ preventScroll: true });
    },
    reset() {
      keyboard.proxy.value = SENTINEL;
      keyboard.proxy.setSelectionRange(1, 1);
    },
    send(text) { if (text) Module.ccall('pyprep_text_input', null, ['string'], [text]); },
    key(name) { Module.ccall('pyprep_key', null, ['string'], [name]); },
    hits(x, y) {
      return bridge.textFields.some((f) => x >= f.x && x <= f.x + f.w && y >= f.y && y <= f.y + f.h);
    },
  };
  keyboard.proxy.addEventListener('compositionstart', () => { keyboard.composing = true; });
  keyboard.proxy.addEventListener('compositionend', (event) => {
    keyboard.composing = false;
    keyboard.send(event.data);
    keyboard.reset();
  });
  keyboard.proxy.addEventListener('input', (event) => {
    if (keyboard.composing || event.isComposing) return;
    switch (event.inputType) {
      case 'insertText': case 'insertReplacementText': case 'insertFromPaste':
        keyboard.send(event.data != null ? event.data : keyboard.proxy.value.slice(1));
        break;
      case 'deleteContentBackward': case 'deleteWordBackward': keyboard.key('Backspace'); break;
      case 'deleteContentForward': keyboard.key('Delete'); break;
      case 'insertLineBreak': case 'insertParagraph': keyboard.key('Enter'); break;
      default: break;
    }
    keyboard.reset();
  });
  keyboard.proxy.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' && pyprepAccess.tabOutOfField(event.shiftKey)) { event.preventDefault(); return; }
    const forwarded = { Escape: 'Escape', ArrowLeft: 'LeftArrow', ArrowRight: 'RightArrow',
                        ArrowUp: 'UpArrow', ArrowDown: 'DownArrow', Home: 'Home', End: 'End',
                        Tab: event.shiftKey ? 'ShiftTab' : 'Tab' }[event.key];
    if (forwarded) { event.preventDefault(); keyboard.key(forwarded); }
  });
  // Python for code tasks: the runtime (runtime.json lists its files) is downloaded on first use
  // or from Settings, and the service worker keeps it; runs go to web-shell/runner/host.mjs, which
  // grades them in a module worker. The app polls pythonStatus() and gets verdicts through
  // _pyprep_code_verdict.
  const python = {
    runtime: null,      // runtime.json
    state: 'unknown',   // unknown | absent | downloading | ready | failed
    doneBytes: 0,
    message: '',
    abort: null,
    runner: null,
    totalBytes() { return python.runtime ? python.runtime.files.reduce((sum, f) => sum + f.bytes, 0) : 0; },
    async check() {
      try {
        python.runtime = python.runtime || await (await fetch('runtime.json')).json();
        // has() first: open() would create an empty cache for a runtime never downloaded.
        const cache = await caches.has(python.runtime.cache) && await caches.open(python.runtime.cache);
        const held = cache && await Promise.all(python.runtime.files.map((f) => cache.match(f.path)));
        if (python.state !== 'downloading') python.state = held && held.every(Boolean) ? 'ready' : 'absent';
      } catch (e) {
        python.state = 'failed';
        python.message = 'The Python runtime could not be looked up (' + reason(e) + ').';
      }
      wakeApp();
    },
    // Fetches every runtime file through the service worker (which stores it), counting bytes.
    async download() {
      if (python.state === 'downloading' || python.state === 'ready') return python.state === 'ready';
      if (!python.runtime) await python.check();
      if (python.state === 'ready') return true;
      const abort = new AbortController();
      Object.assign(python, { state: 'downloading', doneBytes: 0, message: '', abort });
      wakeApp();
      try {
        for (const file of python.runtime.files) {
          const response = await fetch(file.path, { signal: abort.signal });
          if (!response.ok) throw new Error(file.path + ': HTTP ' + response.status);
          const reader = response.body.getReader();
          for (let part = await reader.read(); !part.done; part = await reader.read()) {
            python.doneBytes += part.value.length;
            wakeApp();
          }
        }
        python.state = 'absent';
        if (navigator.serviceWorker && navigator.serviceWorker.controller) {
          // Ready once the service worker has stored every file (it does so as they stream).
          for (let i = 0; i < 30 && python.state !== 'ready'; i++) {
            await python.check();
            if (python.state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        if (python.state !== 'ready') {
          // Without a service worker yet (the very first visit) runs work while online; with one
          // that could not keep the files (storage full), they are not offline either: say so.
          const firstVisit = !(navigator.serviceWorker && navigator.serviceWorker.controller);
          python.state = 'ready';
          python.message = firstVisit ? 'Python runs now; it can be kept for offline use once PyPrep is installed (open it again).'
            : 'Python runs now, but could not be kept for offline use (is the storage full?).';
        }
      } catch (e) {
        python.state = abort.signal.aborted ? 'absent' : 'failed';
        python.message = abort.signal.aborted ? 'Download cancelled.' :
          'Python could not be downloaded (' + reason(e) + '). Check the connection and try again.';
      }
      python.abort = null;
      wakeApp();
      return python.state === 'ready';
    },
    cancel() { if (python.abort) python.abort.abort(); },
    async makeRunner() {
      if (!python.runner) {
        const { PythonRunner } = await import('./runner/host.mjs');
        python.runner = python.runner || new PythonRunner({
          spawn: () => {
            const worker = new Worker('runner/worker.mjs', { type: 'module' });
            return {
              post: (message) => worker.postMessage(message),
              listen: (handler) => {
                worker.onmessage = (event) => handler(event.data);
                worker.onerror = (event) => handler({ type: 'died', message: event.message || 'the worker failed' });
              },
              terminate: () => worker.terminate(),
            };
          },
          indexURL: new URL('pyodide/', location.href).href,
          graderURL: new URL('runner/grade.py', location.href).href,
          snapshot: python.runtime &&
            { cache: python.runtime.cache, url: new URL('pyodide/started.snapshot', location.href).href },
        });
      }
      return python.runner;
    },
    // A code task was opened: if Python is on the device, load it now rather than at Run.
    warmUp() {
      if (python.state !== 'ready') return;
      python.makeRunner().then((runner) => runner.start()).catch(() => {});  // Run reports failures
    },
    async run(jobText) {
      let verdict;
      try {
        if (!(await python.download())) {
          verdict = { status: 'unavailable', passed: 0, total: 0, cases: [], message: python.message };
        } else {
          verdict = await (await python.makeRunner()).run(JSON.parse(jobText));
        }
      } catch (e) {
        verdict = { status: 'unavailable', passed: 0, total: 0, cases: [], message: 'Python could not run (' + reason(e) + ').' };
      }
      withHeapText(JSON.stringify(verdict), (p) => Module._pyprep_code_verdict(p));
      wakeApp();
    },
  };
  function wakeApp() { if (bridge.running) Module._pyprep_wake(); }
  bridge.python = python;
  bridge.pythonStatus = () => JSON.stringify({ state: python.state, done: python.doneBytes,
    total: python.totalBytes(), message: python.message,
    runner: python.runner ? python.runner.state : 'idle',
    load_phases: python.runner ? python.runner.loadPhases || null : null });

  bridge.recordsBlock = recordsBlock;
  window.pyprepBridge = bridge;

  // pyprep.js follows this file in index.html, so the app's files download and compile while the
  // shell reads the log; main() waits for start() to let it run (or never runs, if start() fails).
  const canvas = document.getElementById('canvas');
  let shellReady = false, holdingMain = false;
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => bridge.fatal('PyPrep stopped unexpectedly (' + what + '). Reload to continue; your saved progress is safe.'),
    preRun: [() => { if (!shellReady) { holdingMain = true; Module.addRunDependency('pyprep shell'); } }],
  };
  function letMainRun() {
    shellReady = true;
    if (holdingMain) Module.removeRunDependency('pyprep shell');
  }
  addEventListener('error', (event) => {
    if (event.target instanceof HTMLScriptElement && event.target.src.endsWith('/pyprep.js')) {
      bridge.fatal('The app files could not be loaded. Connect once to install PyPrep for offline use.');
    }
  }, true);  // a script that fails to load reports to the capturing phase only

  // A launch is where a new build takes over: if one finished installing while an earlier session
  // ran, activate it now, before anything of the old build starts, and load the page again.
  async function switchToInstalledUpdate() {
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return false;
    // One attempt per launch: if the switch did not happen, start the running build anyway.
    if (sessionStorage.getItem('pyprep-switching')) {
      sessionStorage.removeItem('pyprep-switching');
      return false;
    }
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration || !registration.waiting) return false;
    sessionStorage.setItem('pyprep-switching', '1');
    const switched = new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
    });
    registration.waiting.postMessage('activate');
    // Load the page again only once the new build's worker controls it: that load waits for its
    // activation. A load sent while the old worker is still being replaced can be lost with it
    // (a page that never appears), so if the switch is slow, start the running build instead.
    if (!await Promise.race([switched, new Promise((resolve) => setTimeout(resolve, 3000, false))])) {
      sessionStorage.removeItem('pyprep-switching');
      return false;
    }
    location.reload();
    return true;
  }

  async function start() {
    // WebGL 2 is checked where the context is made (main.cpp), which says so if it cannot be.
    if (!('indexedDB' in window)) {
      bridge.fatal('This browser has no IndexedDB, so PyPrep could not keep your progress. ' +
                   'Private browsing modes sometimes turn it off.');
      return;
    }
    bridge.markStartup('page and shell');
    try {
      bridge.db = await openLog();
      bridge.records = await readAll(bridge.db);
      bridge.markStartup('log read');
    } catch (e) {
      bridge.fatal('Your saved progress could not be opened (' + reason(e) + '). ' +
                   'Nothing was changed; close other PyPrep tabs and reload.');
      return;
    }
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().catch(() => false)
        .then(() => navigator.storage.persisted())
        .then((granted) => { bridge.persisted = !!granted; if (bridge.running) Module._pyprep_wake(); },
              () => {});
    }
    if (channel) channel.onmessage = () => reload();
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') reload(); });
    if (await switchToInstalledUpdate()) return;
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
    python.check();
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { if (bridge.running) Module._pyprep_wake(); });
    if (window.visualViewport) window.visualViewport.addEventListener('resize', wakeApp);  // the keyboard opened or closed

    const focusIfField = (x, y) => { if (keyboard.hits(x, y)) keyboard.focus(); };
    canvas.addEventListener('touchend', (event) => {
      const touch = event.changedTouches[0];
      if (touch) focusIfField(touch.clientX, touch.clientY);
    });
    canvas.addEventListener('mouseup', (event) => focusIfField(event.clientX, event.clientY));

    history.replaceState({ pyprep: 'root' }, '');
    history.pushState({ pyprep: 'guard' }, '');
    addEventListener('popstate', (event) => {
      if (event.state && event.state.pyprep === 'root') history.pushState({ pyprep: 'guard' }, '');
      Module._pyprep_on_back();
    });
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      showStatus('PyPrep', 'The graphics context was lost. Reload to continue; your progress is saved.', false);
    });
    bridge.markStartup('shell set up');
    letMainRun();
  }
  start();
})();
