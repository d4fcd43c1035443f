// Loads the WebAssembly app; wasm-bindgen's generated module does the rest.
import init from './claimmark.js';

init().catch((error) => {
  const app = document.getElementById('app');
  app.textContent = 'claimmark could not start: ' + error;
  app.setAttribute('role', 'alert');
});
