// Loads the WebAssembly app; wasm-bindgen's generated module does the rest.
import init from './claimmark.js';

init()
  .then((wasm) => {
    // For profiling: the app's WebAssembly memory in bytes (the benchmark reads it).
    globalThis.claimmarkWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
  })
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = 'claimmark could not start: ' + error;
    app.setAttribute('role', 'alert');
  });
