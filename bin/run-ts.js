#!/usr/bin/env node
// Runs a TypeScript entry point straight from source through tsx, so no build step stands
// between `npm ci` and a working CLI. Usage: node bin/run-ts.js path/to/entry.ts [args...]
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.js ENTRY.ts [args...]');
  process.exit(2);
}
register();
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(path.resolve(entry)).href);
