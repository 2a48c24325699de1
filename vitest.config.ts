import { defineConfig } from 'vitest/config';

// Vitest runs every *.test.ts: unit tests beside their source, cross-boundary suites under test/.
// Playwright specs (*.spec.ts) live only under test/e2e/ and never match here.

/**
 * Suites that hold real-time bounds over a real serial path or real processes (the table's 500 ms
 * watchdog, the patient switch's 100 ms, SIGKILL recovery): `npm test` runs them last, one at a
 * time, so no other suite competes with them for the two cores. The 60 s 1000 Hz PTY stream
 * (plate-pty) is not among them: losing nothing needs a few percent of a core, not quiet.
 */
const REAL_TIME_SUITES = [
  'test/integration/table-link.test.ts',
  'test/integration/decompression-patient-switch.test.ts',
  'test/system/decompression-sigkill.test.ts',
  'test/system/recording-sigkill.test.ts',
];
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    allowOnly: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest's default on two cores is one worker (cores − 1). Many cross-boundary suites mostly
    // wait (child processes, compressed-clock protocols), so two files at a time keep both cores
    // busy and `npm test` inside its 10 minutes.
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
        test: { name: 'cross', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', 'test/e2e/**', ...REAL_TIME_SUITES], testTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: 'real-time', include: REAL_TIME_SUITES, testTimeout: 120_000, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
