// A small static file server for dist/, bound to 127.0.0.1. Used by scripts/serve.sh, by the
// end-to-end tests (which import startServer) and by the benchmark.
//
// It compresses as static hosts do: a file with a precompressed NAME.br or NAME.gz beside it
// (written by the build, scripts/compress.mjs) is sent as that, with Content-Encoding, to a
// browser that accepts it (brotli first); other compressible files are gzipped on the fly (at zlib's default level). A
// precompressed file older than its original (a test changed the original) is not used.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ENCODINGS, isCompressible } from './compress.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The encodings an Accept-Encoding header allows (those with q=0 are refused). */
function accepted(header = '') {
  return new Set(header.split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q && Number(q.slice(2)) === 0 ? '' : name.trim();
  }).filter(Boolean));
}

/** The body to send for `file` and its Content-Encoding (none when not compressed). */
async function encoded(file, acceptEncoding) {
  const ok = accepted(acceptEncoding);
  const original = await stat(file);
  if (!isCompressible(file)) return { body: await readFile(file), encoding: null, vary: false };
  for (const [encoding, suffix] of ENCODINGS) {
    if (!ok.has(encoding)) continue;
    const precompressed = await stat(file + suffix).catch(() => null);
    if (precompressed && precompressed.mtimeMs >= original.mtimeMs) {
      return { body: await readFile(file + suffix), encoding, vary: true };
    }
  }
  const body = await readFile(file);
  return ok.has('gzip') ? { body: gzipSync(body), encoding: 'gzip', vary: true } : { body, encoding: null, vary: true };
}

export function startServer({ root, port = 8080, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const { body, encoding, vary } = await encoded(file, request.headers['accept-encoding']);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'Content-Length': body.length,
        ...(encoding && { 'Content-Encoding': encoding }),
        ...(vary && { Vary: 'Accept-Encoding' }),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../dist', import.meta.url));
  const port = Number(process.env.PORT ?? 8080);
  startServer({ root, port })
    .then((server) => console.log(`claimmark is at http://127.0.0.1:${server.address().port}/  (Ctrl+C stops)`))
    .catch((error) => {
      console.error(`could not serve on 127.0.0.1:${port}: ${error.message} (set PORT to use another port)`);
      process.exit(1);
    });
}
