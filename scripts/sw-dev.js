// claimmark's service worker in development builds (`trunk serve`; scripts/post-build.mjs puts it
// in place of the offline one): it keeps no cache, so every reload shows the latest build. It
// takes over from a release worker that an earlier visit installed on the same address
// (scripts/serve.sh also serves 127.0.0.1:8080) and deletes that worker's caches. With no fetch
// handler, every request goes to the network.
self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith('claimmark-')).map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});
