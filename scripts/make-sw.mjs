// Writes <dir>/sw.js (default dist/) from scripts/sw.template.js: the list of every file in the
// directory (index.html as "./") and a version that is a short hash of their contents and of the
// worker's own code, so any change to a deployment gives a new cache. Run on every release build
// by Trunk's post_build hook (scripts/post-build.mjs, on the staged dist/, hashed file names
// included); the end-to-end tests import makeServiceWorker for a changed copy of dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./sw.template.js', import.meta.url));

/** Generates dir/sw.js; returns { version, files }. */
export function makeServiceWorker(dir) {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .filter((name) => name !== 'sw.js')
    .sort();
  const template = readFileSync(TEMPLATE, 'utf8');
  const hash = createHash('sha256').update(template);
  for (const name of names) {
    const body = readFileSync(join(dir, name));
    hash.update(`${name}\0${body.length}\0`).update(body);
  }
  const version = hash.digest('hex').slice(0, 12);
  const files = names.map((name) => (name === 'index.html' ? './' : name))
    .sort((a, b) => (a === './' ? -1 : b === './' ? 1 : 0));
  const source = template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace("['__FILES__']", JSON.stringify(files, null, 2));
  writeFileSync(join(dir, 'sw.js'), source);
  return { version, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const { version, files } = makeServiceWorker(dir);
  console.log(`make-sw: ${dir}/sw.js caches ${files.length} files as claimmark-${version}`);
}
