// claimmark's service worker: keeps one deployment's files in a cache so that the app opens and
// works with the network off. Generated into dist/sw.js (release builds; see scripts/post-build.mjs)
// by scripts/make-sw.mjs from scripts/sw.template.js, which fills in FILES (every file of the build,
// with Trunk's hashed names) and VERSION (a hash of their contents and this code).
//
// Strategy: cache-first for every file of the app, the page included. A deployment is one
// consistent set (index.html, boot.js, the wasm-bindgen glue and the wasm must match), so a page
// is always served from one cache, never half from the network. Updates still arrive when online:
// the browser re-fetches sw.js on each visit, any changed file changes VERSION, and the new worker
// downloads the new set into a new cache. It waits until an open page has finished starting and
// asks it to take over (boot.js sends 'skip-waiting'), so no page loads half of each version; it
// then deletes the old caches, and the next load runs the new version.
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const CACHE = `claimmark-${VERSION}`;
const PAGE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  // cache: 'reload' bypasses the HTTP cache, so the set is exactly what the server has now.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith('claimmark-') && name !== CACHE).map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Opening the app (./, ./index.html, with any query; links keep their data after #) is the cached page.
  const path = url.origin + url.pathname;
  const page = request.mode === 'navigate' && (path === PAGE || path === `${PAGE}index.html`);
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(page ? PAGE : request))
      .then((hit) => hit ?? fetch(request)),
  );
});
