import { defineConfig } from 'vitest/config';

// Vitest runs every *.test.ts: unit tests beside their source, cross-boundary suites under test/.
// Playwright specs (*.spec.ts) live only under test/e2e/ and never match here.
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    allowOnly: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest's default on two cores is one worker (cores − 1). Many cross-boundary suites mostly
    // wait (a real-time PTY stream, child processes, compressed-clock protocols), so two files at
    // a time keep both cores busy and `npm test` inside its 10 minutes.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{core,api,native-bridge,hardware-sim,host,electron,renderer}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'cross', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
      },
    ],
  },
});
