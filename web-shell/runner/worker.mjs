// Runs Python in a worker, never on the page's thread: loads the Pyodide runtime and grade.py,
// then grades one job at a time. The same file runs as a browser module worker (the app) and as
// a node worker thread (scripts/run-code.mjs, the bank check).
//
// In:  {type: 'load', indexURL, graderURL, interruptBuffer?}  then  {type: 'run', id, job}
// Out: {type: 'ready', version} | {type: 'case', id, result} | {type: 'verdict', id, verdict}
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

async function load({ indexURL, graderURL, interruptBuffer }) {
  // A URL in the browser; a directory path under node (Pyodide reads its files with node's fs).
  const moduleURL = indexURL.startsWith('/') ? `file://${indexURL}pyodide.mjs` : new URL('pyodide.mjs', indexURL).href;
  const { loadPyodide } = await import(moduleURL);
  pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  if (interruptBuffer) pyodide.setInterruptBuffer(new Int32Array(interruptBuffer));
  pyodide.FS.writeFile('/home/pyodide/grade.py', await readText(graderURL));
  grade = pyodide.pyimport('grade').grade;
  return pyodide.runPython('import sys; sys.version.split()[0]');
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
      .then((version) => port.send({ type: 'ready', version }))
      .catch((error) => port.send({ type: 'broken', message: String(error && error.message || error) }));
  } else if (message.type === 'run') {
    queue = queue.then(() => run(message));
  }
});
