// A small static file server for the built site (no dependencies): used by `scripts/run.sh` and by
// the end-to-end tests. Serves .wasm as application/wasm and the manifest with its own type, and
// asks browsers to revalidate so a rebuilt service worker is always noticed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8', '.py': 'text/plain; charset=utf-8', '.zip': 'application/zip',
};

export function startServer(root, port = 0, host = '127.0.0.1') {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) { response.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        // Cross-origin isolation lets the page interrupt a Python run through shared memory.
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root, port = '8080'] = process.argv.slice(2);
  startServer(root, Number(port)).then((server) => {
    const { port: bound } = server.address();
    console.log(`PyPrep is served at http://127.0.0.1:${bound}/  (Ctrl+C to stop)`);
  }, (error) => {
    console.error(`Could not serve on port ${port}: ${error.message}`);
    process.exit(1);
  });
}
