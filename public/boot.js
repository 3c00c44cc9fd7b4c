// Starts the wasm app. Kept out of index.html so that a strict Content-Security-Policy
// needs no inline script. If the module cannot start, say so instead of spinning forever.
import init from './ftz_explorer.js';

init().catch((error) => {
  const status = document.getElementById('boot-status');
  if (status) {
    status.setAttribute('role', 'alert');
    status.classList.add('boot-error');
    status.textContent = 'The explorer could not start: ' + (error && error.message ? error.message : String(error));
  }
  console.error(error);
});
