#!/usr/bin/env node
// Builds the renderer with Vite's JavaScript API: `node renderer/build.js [OUT_DIR]` (default
// out/renderer). `proprio web` and `proprio start` run it when the sources are newer than the
// build (host/cli/web-renderer-build.ts), so there is no build step to remember after `npm ci`.
// Output goes to stderr only: the caller's first stdout line is the URL line.
import path from 'node:path';
import { build } from 'vite';
import config from './vite.config.js';

// Always React's production build. Vite takes NODE_ENV from the environment when it is set, and
// this runs as a child of whatever started the host: under Vitest (NODE_ENV=test) the page once
// shipped React's development build, whose every element records a stack, and the live view's
// frames and latency paid for it (bench/ui-latency.ts).
process.env.NODE_ENV = 'production';
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : config.build.outDir;
await build({ ...config, mode: 'production', configFile: false, logLevel: 'warn', build: { ...config.build, outDir } });
