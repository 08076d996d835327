// Runs Python in a worker, never on the page's thread: loads the Pyodide runtime and grade.py,
// then grades one job at a time. The same file runs as a browser module worker (the app) and as
// a node worker thread (scripts/run-code.mjs, the bank check).
//
// In:  {type: 'load', indexURL, graderURL, interruptBuffer?, snapshot?}  then  {type: 'run', id, job}
// Out: {type: 'ready', version, phases} | {type: 'case', id, result} | {type: 'verdict', id, verdict}
//      | {type: 'broken', message}   (the runtime could not load; nothing more will come)
const port = globalThis.WorkerGlobalScope
  ? { on: (handler) => { self.onmessage = (event) => handler(event.data); }, send: (m) => self.postMessage(m) }
  : await (async () => {
    const { parentPort } = await import('node:worker_threads');
    return { on: (handler) => parentPort.on('message', handler), send: (m) => parentPort.postMessage(m) };
  })();

async function readText(url) {
  if (url.startsWith('file:')) {
    const { readFile } = await import('node:fs/promises');
    return readFile(new URL(url), 'utf8');
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

let grade = null;  // grade.grade, a Python coroutine function
let pyodide = null;

// A memory snapshot of the runtime just after it started, kept beside the runtime in its cache:
// restoring it takes a fraction of a normal start (which unpacks and imports the standard
// library). It is taken before the grader is imported, so it holds only Pyodide's own state and
// stays valid for as long as the runtime's cache does. Browser only; `snapshot` is
// {cache, url}.
async function cachedSnapshot(snapshot) {
  if (!snapshot || !globalThis.caches) return null;
  try {
    const hit = await (await caches.open(snapshot.cache)).match(snapshot.url);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

async function storeSnapshot(snapshot, bytes) {
  try {
    await (await caches.open(snapshot.cache)).put(snapshot.url, new Response(bytes));
  } catch {
    // A full disk only costs the next start its speed.
  }
}

async function forgetSnapshot(snapshot) {
  try { await (await caches.open(snapshot.cache)).delete(snapshot.url); } catch { /* as above */ }
}

// Returns the Python version and how long each step of the load took, in ms, for the benchmark.
async function load({ indexURL, graderURL, interruptBuffer, snapshot }) {
  const phases = {};
  let mark = performance.now();
  const lap = (name) => { const now = performance.now(); phases[name] = Math.round(now - mark); mark = now; };
  // A URL in the browser; a directory path under node (Pyodide reads its files with node's fs).
  const moduleURL = indexURL.startsWith('/') ? `file://${indexURL}pyodide.mjs` : new URL('pyodide.mjs', indexURL).href;
  const grader = readText(graderURL);
  const { loadPyodide } = await import(moduleURL);
  const saved = await cachedSnapshot(snapshot);
  lap('import');
  const options = { indexURL, stdout: () => {}, stderr: () => {} };
  if (saved) {
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: saved });
      phases.from_snapshot = true;
    } catch {
      await forgetSnapshot(snapshot);  // unusable: start normally and take a new one
    }
  }
  if (!pyodide) {
    pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(snapshot) });
    if (snapshot) storeSnapshot(snapshot, pyodide.makeMemorySnapshot());
    phases.from_snapshot = false;
  }
  lap('runtime');
  if (interruptBuffer) pyodide.setInterruptBuffer(new Int32Array(interruptBuffer));
  pyodide.FS.writeFile('/home/pyodide/grade.py', await grader);
  grade = pyodide.pyimport('grade').grade;
  lap('grader');
  return { version: pyodide.runPython('import sys; sys.version.split()[0]'), phases };
}

async function run({ id, job }) {
  // A fresh working directory per run: a solution's files never leak into the next run.
  const dir = `/home/pyodide/run-${id}`;
  pyodide.FS.mkdirTree(dir);
  pyodide.FS.chdir(dir);
  const jobProxy = pyodide.toPy(job);
  try {
    const verdict = await grade(jobProxy, (result) => {
      port.send({ type: 'case', id, result: result.toJs({ dict_converter: Object.fromEntries }) });
    });
    const plain = verdict.toJs({ dict_converter: Object.fromEntries });
    verdict.destroy();
    port.send({ type: 'verdict', id, verdict: plain });
  } catch (error) {
    // A fault in the grader itself: report it rather than leave the page waiting.
    port.send({ type: 'verdict', id, verdict: { status: 'error', passed: 0,
      total: job.cases.length, cases: [], message: String(error).slice(-600) } });
  } finally {
    jobProxy.destroy();
    pyodide.FS.chdir('/home/pyodide');
  }
}

let queue = Promise.resolve();
port.on((message) => {
  if (message.type === 'load') {
    queue = queue.then(() => load(message))
      .then(({ version, phases }) => port.send({ type: 'ready', version, phases }))
      .catch((error) => port.send({ type: 'broken', message: String(error && error.message || error) }));
  } else if (message.type === 'run') {
    queue = queue.then(() => run(message));
  }
});
