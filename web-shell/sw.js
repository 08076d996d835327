// PyPrep's service worker: the whole app works offline. Every file of a build is precached under
// a cache named after the build's content hash; requests are served cache-first. A new build
// installs beside the running one and waits; the next launch asks it to take over before the app
// starts (bridge.js), so a running app never mixes files of two builds. The Python runtime
// (pyodide/) is not precached: it is kept, once fetched, in a cache of its own named by the
// runtime's version, so app updates do not download it again. __CACHE__, __FILES__ and
// __RUNTIME_CACHE__ are filled in by scripts/package_web.py.
'use strict';
const CACHE = '__CACHE__';
const FILES = __FILES__;
const RUNTIME_CACHE = '__RUNTIME_CACHE__';
const RUNTIME_PATH = new URL('pyodide/', self.location).pathname;

self.addEventListener('install', (event) => {
  // Where the browser has static routes, every request but a navigation or the Python runtime is
  // answered from this build's cache without starting the worker. Otherwise a request of the
  // launching page (the browser fetches its icon and manifest late) can restart this worker while
  // the next build is taking over, and Chromium then keeps it active until it idles out: the
  // switch stalls. The runtime goes through the fetch handler, which keeps it in its own cache.
  const routes = event.addRoutes && event.addRoutes([
    { condition: { urlPattern: new URLPattern({ pathname: RUNTIME_PATH + '*' }) }, source: 'fetch-event' },
    { condition: { not: { requestMode: 'navigate' } }, source: { cacheName: CACHE } },
  ]).catch(() => {});  // not supported here: the fetch handler serves everything
  event.waitUntil(Promise.all([caches.open(CACHE).then((cache) => cache.addAll(FILES)), routes]));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((name) => (name.startsWith('pyprep-') && name !== CACHE) ||
                           (name.startsWith('python-runtime-') && name !== RUNTIME_CACHE))
         .map((name) => caches.delete(name)))));
});

// Cross-origin isolation (the page can then interrupt a Python run through shared memory),
// added here so it holds on any static host.
function isolated(response) {
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// Cache-first; a miss is fetched and stored while the page already reads it (so a download
// shows its progress).
async function fromRuntimeCache(event) {
  const cache = await caches.open(RUNTIME_CACHE);
  const cached = await cache.match(event.request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(RUNTIME_PATH)) {
    event.respondWith(fromRuntimeCache(event));
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    // A navigation (launch from the home screen, reload) gets the app's page whatever the query.
    const key = request.mode === 'navigate' ? 'index.html' : request;
    const response = (await cache.match(key, { ignoreSearch: true })) || await fetch(request);
    return request.mode === 'navigate' ? isolated(response) : response;
  }));
});
