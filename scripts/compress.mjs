// Precompression, as static hosts serve it: beside every compressible file of a build, NAME.br
// (brotli, quality 11) and NAME.gz (gzip -9), written once at build time by Trunk's post_build
// hook (scripts/post-build.mjs) so that no host has to compress on the fly. scripts/serve.mjs
// sends them with Content-Encoding to browsers that accept them; the service worker never lists
// them (scripts/make-sw.mjs): it caches the plain URLs, which the browser has already decoded.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** What is worth compressing: text and WebAssembly (PNG is compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt', '.map']);
/** The precompressed files' endings, in the order a server prefers them. */
export const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

export const isPrecompressed = (name) => ENCODINGS.some(([, suffix]) => name.endsWith(suffix));
export const isCompressible = (name) => COMPRESSIBLE.has(extname(name)) && !isPrecompressed(name);

export const brotli = (body) => brotliCompressSync(body, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
  },
});
export const gzip = (body) => gzipSync(body, { level: 9 });

/** The compressible files of `dir` (recursively), as paths relative to it. */
function compressibleFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .sort();
}

/** Writes NAME.br and NAME.gz beside every compressible file of `dir`; returns their sizes. */
export function precompress(dir) {
  return compressibleFiles(dir).map((name) => {
    const body = readFileSync(join(dir, name));
    const br = brotli(body);
    const gz = gzip(body);
    writeFileSync(join(dir, `${name}.br`), br);
    writeFileSync(join(dir, `${name}.gz`), gz);
    return { name, raw: body.length, gzip: gz.length, brotli: br.length };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  for (const { name, raw, gzip: gz, brotli: br } of precompress(dir)) {
    console.log(`${name}: ${raw} bytes, gzip ${gz}, brotli ${br}`);
  }
}
