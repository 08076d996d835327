// The page's (or node's) side of the Python runner: starts worker.mjs, sends it one job at a time,
// and enforces the time limit. When the page is cross-origin isolated, a run over its limit is
// interrupted (KeyboardInterrupt through a shared buffer) and the same worker stays ready;
// otherwise, or when Python does not stop within a grace period, the worker is terminated and a
// new one loads. Used by bridge.js in the app and by scripts/run-code.mjs under node.
//
// spawn() returns {post(message), listen(handler), terminate()}; listen's handler also gets
// {type: 'died', message} when the worker itself fails.
const GRACE_MS = 1000;  // after an interrupt, before giving up on the worker

export class PythonRunner {
  // `snapshot` ({cache, url}, browser only): where the worker keeps a memory snapshot of the
  // started runtime, so the next start restores it instead of starting from scratch.
  constructor({ spawn, indexURL, graderURL, snapshot, timeLimitMs = 5000 }) {
    Object.assign(this, { spawn, indexURL, graderURL, snapshot, timeLimitMs });
    this.state = 'idle';  // idle | loading | ready | running | broken
    this.version = '';
    this.nextId = 1;
    this.pending = null;  // {id, job, onCase, resolve, started, timer, timedOut, cases}
    this.readyWaiters = [];
  }

  // Loads the runtime (once; again after a terminated run). Resolves when ready, rejects if broken.
  start() {
    if (this.state === 'ready' || this.state === 'running') return Promise.resolve();
    if (this.state !== 'loading') this.boot();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  boot() {
    this.state = 'loading';
    const shared = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated !== false;
    this.interrupt = shared ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const worker = this.spawn();
    this.worker = worker;
    worker.listen((message) => { if (this.worker === worker) this.receive(message); });
    worker.post({ type: 'load', indexURL: this.indexURL, graderURL: this.graderURL, snapshot: this.snapshot,
      interruptBuffer: this.interrupt ? this.interrupt.buffer : undefined });
  }

  receive(message) {
    if (message.type === 'ready') {
      this.state = 'ready';
      this.version = message.version;
      this.loadPhases = message.phases;
      for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
    } else if (message.type === 'broken' || message.type === 'died') {
      this.worker.terminate();
      this.worker = null;
      if (this.state === 'loading') {
        this.state = 'broken';
        for (const waiter of this.readyWaiters.splice(0)) waiter.reject(new Error(message.message));
      } else {
        // The user's code took Python down (memory): the next run loads a fresh one.
        this.state = 'idle';
        this.finish({ status: 'error', passed: 0, total: this.pending ? this.pending.job.cases.length : 0,
          cases: this.pending ? this.pending.cases : [],
          message: `Python stopped: ${message.message}. It starts afresh for the next run.` });
      }
    } else if (this.pending && message.id === this.pending.id) {
      if (message.type === 'case') {
        this.pending.cases.push(message.result);
        this.pending.onCase(message.result);
      }
      if (message.type === 'verdict') this.finish(message.verdict);
    }
  }

  finish(verdict) {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    if (this.state === 'running') this.state = 'ready';
    if (pending.timedOut) verdict = this.timeoutVerdict(pending);
    pending.resolve({ ...verdict, wall_ms: Date.now() - pending.started });
  }

  limitMs(job) { return job.time_limit_s ? job.time_limit_s * 1000 : this.timeLimitMs; }

  timeoutVerdict({ job, cases }) {
    const running = job.cases[cases.length];
    const seconds = this.limitMs(job) / 1000;
    return { status: 'timeout', passed: cases.filter((c) => c.status === 'pass').length,
      total: job.cases.length, cases,
      message: `Stopped after ${seconds} s` + (running ? `: case "${running.name}" was still running.` : '.') };
  }

  // Grades `job` ({solution, names, cases}, optionally time_limit_s, scale and reference: see
  // grade.py); onCase(result) is called as each case finishes.
  async run(job, onCase = () => {}) {
    if (this.pending) throw new Error('a run is already going');
    try {
      await this.start();
    } catch (error) {
      return { status: 'unavailable', passed: 0, total: job.cases.length, cases: [],
        message: `Python could not start: ${error.message}` };
    }
    const id = this.nextId++;
    this.state = 'running';
    if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
    return new Promise((resolve) => {
      this.pending = { id, job, onCase, resolve, started: Date.now(), timedOut: false, cases: [] };
      this.pending.timer = setTimeout(() => this.overTime(id), this.limitMs(job));
      this.worker.post({ type: 'run', id, job });
    });
  }

  overTime(id) {
    if (!this.pending || this.pending.id !== id) return;
    this.pending.timedOut = true;
    const stop = () => {
      if (!this.pending || this.pending.id !== id) return;
      this.worker.terminate();
      this.worker = null;
      this.state = 'idle';
      this.finish({});
      this.boot();  // ready again for the next run without waiting for it
    };
    if (this.interrupt) {
      Atomics.store(this.interrupt, 0, 2);  // SIGINT: Python raises KeyboardInterrupt
      this.pending.timer = setTimeout(stop, GRACE_MS);
    } else {
      stop();
    }
  }

  stop() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.state = 'idle';
  }
}
