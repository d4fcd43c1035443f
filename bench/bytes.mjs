// The bytes of every file of the build (dist/): as written, and as shipped compressed — the
// NAME.gz and NAME.br the build writes beside it (scripts/compress.mjs), or, for a file that
// has none (PNG), its own size.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPrecompressed } from '../scripts/compress.mjs';

/** Rows { name, raw, gzip, brotli }, largest first, for the files of `dist` (not its bench/). */
export function bytesByFile(dist) {
  const size = (name) => statSync(join(dist, name)).size;
  const shipped = (name, suffix) => (existsSync(join(dist, name + suffix)) ? size(name + suffix) : size(name));
  return readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !isPrecompressed(entry.name))
    .map(({ name }) => ({ name, raw: size(name), gzip: shipped(name, '.gz'), brotli: shipped(name, '.br') }))
    .sort((a, b) => b.raw - a.raw);
}

/** The files a first visit downloads before the app can start: the page, its stylesheet and scripts, the wasm. */
export function startupFiles(rows) {
  return rows.filter(({ name }) => name === 'index.html' || name === 'boot.js' || /^(style|claimmark-web)-/.test(name));
}
