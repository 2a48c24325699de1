#!/usr/bin/env node
// Bundles the Electron shell for running and packaging: out/electron/main.cjs and preload.cjs.
//
// Why a bundle: Electron runs JavaScript, and a sandboxed preload cannot `require` our own
// modules, so it must be one self-contained file (electron-vite's `isolatedEntries` exists for the
// same reason). CommonJS, because a sandboxed preload cannot be an ES module. npm packages stay
// external in main (they load from node_modules, native ones unpacked from the asar); the preload
// may use nothing but `electron`.
//
// Also writes out/electron/package.json so `electron out/electron` runs the shell from source
// checkouts with the right name and version; packaged builds use the root package.json with
// `main` overridden in electron-builder.yml.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out', 'electron');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
};

await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(outDir, 'main.cjs'), packages: 'external' }),
  build({ ...common, entryPoints: [path.join(root, 'electron/preload/index.ts')], outfile: path.join(outDir, 'preload.cjs') }),
]);

mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'package.json'),
  `${JSON.stringify({ name: pkg.name, productName: 'Proprio', version: pkg.version, private: true, main: 'main.cjs' }, null, 2)}\n`,
);
console.log(`electron/build: wrote ${path.relative(root, outDir)}/{main,preload}.cjs`);
