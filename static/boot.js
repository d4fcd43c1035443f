// Loads the WebAssembly app; wasm-bindgen's generated module does the rest. Then registers the
// service worker (sw.js) that lets the app open offline.
//
// Trunk gives the wasm-bindgen module and the wasm hashed names; the <script> that loads this
// file is written by Trunk (pattern_script in Trunk.toml) and carries them as data-js and
// data-wasm, so nothing inline is needed and the page keeps its Content-Security-Policy.
const files = document.getElementById('claimmark-boot').dataset;
const resolve = (name) => new URL(name, document.baseURI).href;

import(resolve(files.js))
  .then(({ default: init }) => init({ module_or_path: resolve(files.wasm) }))
  .then((wasm) => {
    // For profiling: the app's WebAssembly memory in bytes (the benchmark reads it).
    globalThis.claimmarkWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
  })
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = 'claimmark could not start: ' + error;
    app.setAttribute('role', 'alert');
  })
  .finally(registerServiceWorker);

// Registered once the app has started (or failed to), so the worker's downloads never delay it.
// A newer version's worker, once it has cached its files, is asked to take over: this page has
// already loaded everything it needs, so nothing mixes versions, and the next load is the new one.
// Without service workers (an insecure origin, an old browser) the app simply needs the network.
function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const takeOverWhenInstalled = (worker) => {
    if (!worker) return;
    const ask = () => { if (worker.state === 'installed') worker.postMessage('skip-waiting'); };
    worker.addEventListener('statechange', ask);
    ask();
  };
  navigator.serviceWorker.register('./sw.js')
    .then((registration) => {
      takeOverWhenInstalled(registration.waiting);
      takeOverWhenInstalled(registration.installing);
      registration.addEventListener('updatefound', () => takeOverWhenInstalled(registration.installing));
    })
    .catch((error) => console.warn('claimmark: no offline support:', error));
}
