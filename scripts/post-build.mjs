// Trunk's post_build hook (Trunk.toml): finishes the build Trunk has staged in $TRUNK_STAGING_DIR,
// before Trunk moves it to dist/.
// - The page gets the seed article, as the app's reading view renders it, in place of the
//   <!-- claimmark:prerendered-article --> in index.html's shell: `cargo run --example
//   prerender` (model::prerender) writes it. The shell's white space between tags goes, as the
//   app renders none, so the page lays out exactly as the app will.
// - Release builds get the offline service worker: sw.js caching every file of the build, the
//   hashed ones included (scripts/make-sw.mjs); then every compressible file gets its brotli and
//   gzip versions beside it, NAME.br and NAME.gz (scripts/compress.mjs), for static hosts to send.
// - Debug builds (`trunk serve`) get scripts/sw-dev.js as sw.js instead: no offline cache, so a
//   reload always shows the latest build, and a release worker installed earlier on the same
//   address (scripts/serve.sh also serves 127.0.0.1:8080) is replaced and its caches deleted.
// - `trunk serve` appends its live-reload script to the page inline, which the page's CSP refuses
//   (script-src 'self'); it is moved into a file of its own, trunk-reload.js, so live reload works
//   under the same policy.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeServiceWorker } from './make-sw.mjs';
import { precompress } from './compress.mjs';

const DEV_WORKER = fileURLToPath(new URL('./sw-dev.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLACEHOLDER = '<!-- claimmark:prerendered-article -->';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: this is a Trunk hook (TRUNK_STAGING_DIR is not set); run trunk build');
  process.exit(1);
}

prerenderTheSeedArticle(join(dir, 'index.html'));
moveLiveReloadToAFile(join(dir, 'index.html'), process.env.TRUNK_PUBLIC_URL ?? './');
if (process.env.TRUNK_PROFILE === 'release') {
  const { version, files } = makeServiceWorker(dir);
  console.log(`post-build: sw.js caches ${files.length} files as claimmark-${version}`);
  const compressed = precompress(dir);
  const total = (key) => (compressed.reduce((sum, file) => sum + file[key], 0) / 1024).toFixed(0);
  console.log(`post-build: ${compressed.length} files precompressed: ${total('raw')} KB, gzip ${total('gzip')} KB, brotli ${total('brotli')} KB`);
} else {
  copyFileSync(DEV_WORKER, join(dir, 'sw.js'));
  console.log('post-build: debug build, sw.js keeps no offline cache');
}

/** Writes the seed article into the page's shell (inside <div id="app">), without white space between tags. */
function prerenderTheSeedArticle(page) {
  const html = readFileSync(page, 'utf8');
  const start = html.indexOf('<div id="app">');
  const end = html.lastIndexOf('</body>');
  if (start < 0 || end < start || html.indexOf(PLACEHOLDER, start) < 0) {
    throw new Error(`post-build: index.html has no <div id="app"> holding ${PLACEHOLDER}`);
  }
  const article = execFileSync('cargo', ['run', '--quiet', '--offline', '--locked', '--example', 'prerender'], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!article.startsWith('<article class="doc"')) throw new Error('post-build: the prerender example wrote no article');
  const shell = html.slice(start, end).trimEnd().replace(/>\s+</g, '><').replace(PLACEHOLDER, () => article);
  writeFileSync(page, html.slice(0, start) + shell + '\n' + html.slice(end));
  console.log(`post-build: index.html shows the seed article before the app starts (${article.length} bytes)`);
}

/** Replaces Trunk's inline live-reload script (only `trunk serve` adds one) with trunk-reload.js. */
function moveLiveReloadToAFile(page, base) {
  const html = readFileSync(page, 'utf8');
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  if (!inline.length) return;
  const [[tag, code]] = inline;
  if (inline.length > 1 || !code.includes('.well-known/trunk/ws')) {
    throw new Error('post-build: index.html has an inline script that is not Trunk\'s live reload; the CSP would refuse it');
  }
  // Trunk's server fills these in only in HTML: the address is the page's own (Trunk's fallback
  // too), and the WebSocket path comes from the tag's data-ws-base, which the server fills in.
  let file = code;
  for (const [placeholder, value] of [
    ["'{{__TRUNK_ADDRESS__}}'", 'window.location.host'],
    ["'{{__TRUNK_WS_BASE__}}'", 'document.currentScript.dataset.wsBase'],
  ]) {
    if (!file.includes(placeholder)) throw new Error(`post-build: Trunk's live-reload script has no ${placeholder}`);
    file = file.replace(placeholder, value);
  }
  writeFileSync(join(dir, 'trunk-reload.js'), file);
  writeFileSync(page, html.replace(tag, `<script src="${base}trunk-reload.js" data-ws-base="{{__TRUNK_WS_BASE__}}"></script>`));
  console.log('post-build: live reload moved to trunk-reload.js');
}
