// Trunk's post_build hook (Trunk.toml): finishes the build Trunk has staged in $TRUNK_STAGING_DIR,
// before Trunk moves it to dist/.
// - Release builds get the offline service worker: sw.js caching every file of the build, the
//   hashed ones included (scripts/make-sw.mjs).
// - Debug builds (`trunk serve`) get scripts/sw-dev.js as sw.js instead: no offline cache, so a
//   reload always shows the latest build, and a release worker installed earlier on the same
//   address (scripts/serve.sh also serves 127.0.0.1:8080) is replaced and its caches deleted.
// - `trunk serve` appends its live-reload script to the page inline, which the page's CSP refuses
//   (script-src 'self'); it is moved into a file of its own, trunk-reload.js, so live reload works
//   under the same policy.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeServiceWorker } from './make-sw.mjs';

const DEV_WORKER = fileURLToPath(new URL('./sw-dev.js', import.meta.url));
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: this is a Trunk hook (TRUNK_STAGING_DIR is not set); run trunk build');
  process.exit(1);
}

moveLiveReloadToAFile(join(dir, 'index.html'), process.env.TRUNK_PUBLIC_URL ?? './');
if (process.env.TRUNK_PROFILE === 'release') {
  const { version, files } = makeServiceWorker(dir);
  console.log(`post-build: sw.js caches ${files.length} files as claimmark-${version}`);
} else {
  copyFileSync(DEV_WORKER, join(dir, 'sw.js'));
  console.log('post-build: debug build, sw.js keeps no offline cache');
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
