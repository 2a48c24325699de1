// Vite configuration of the renderer (STYLE.md §2: React UI, built to out/renderer/ for both the
// Electron shell, which serves it from app://proprio/, and browser mode, which serves it from the
// loopback host). Used by renderer/build.js and by `npx vite --config renderer/vite.config.js` for
// a dev server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  // Absolute asset URLs work under both app://proprio/ and http://127.0.0.1:PORT/.
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(here, '..', 'out', 'renderer'),
    emptyOutDir: true,
    // Debian's Chromium and Electron 45's are both far newer than this.
    target: 'chrome120',
    // No inline <script> (the CSP forbids it) and no modulepreload polyfill script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
