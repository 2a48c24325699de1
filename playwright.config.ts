import { defineConfig } from '@playwright/test';

// Playwright owns test/e2e/ and only *.spec.ts there; Vitest owns every *.test.ts (vitest.config.ts),
// so the two runners never pick up each other's files (STYLE.md §1.7).
//
// Browsers: Debian's Chromium, never a downloaded one (SETUP.md: `npx playwright install` fails
// offline). Nothing here launches it unless a spec asks for the `page` or `browser` fixture.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // A stray .only would turn every other spec off; CI refuses it.
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  // Two cores on every machine, and the e2e specs start whole apps: one at a time.
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Cue sounds play without a click first, so the specs exercise them (issue 7).
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
});
