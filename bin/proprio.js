#!/usr/bin/env node
// The `proprio` command. The CLI is TypeScript run from source through tsx (see run-ts.js).
import { register } from 'tsx/esm/api';

register();
await import('../host/cli/proprio.ts');
