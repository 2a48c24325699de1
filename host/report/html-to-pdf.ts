/**
 * A printable HTML page to PDF with a headless Chromium (playwright-core): browser mode and the
 * `proprio report` command (the Electron window prints with its own printToPDF). Chromium is
 * Debian's (`apt-get install chromium`) or the one named by PROPRIO_CHROMIUM; without one the
 * answer says what to install. JavaScript is off in the page: the report is static.
 * playwright-core is imported when the first PDF is made, not when Proprio starts.
 */
import { existsSync } from 'node:fs';
import { err, ok, type Result } from '../../core/index.ts';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** The flags SETUP.md gives for these machines: no sandbox as root, no network chatter. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** DESIGN: a report renders in well under a second; past this something is wrong. */
const RENDER_TIMEOUT_MS = 30_000;

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['PROPRIO_CHROMIUM'] ?? DEFAULT_CHROMIUM;
}

/** A static HTML page to PDF bytes, or why not in words for the clinician. */
export type HtmlToPdf = (html: string) => Promise<Result<Buffer, string>>;

export async function htmlToPdf(html: string, executablePath = chromiumPath()): Promise<Result<Buffer, string>> {
  if (!existsSync(executablePath)) {
    return err(`saving a PDF needs Chromium, not found at ${executablePath}: install it (Debian: apt-get install chromium) or set PROPRIO_CHROMIUM to its path`);
  }
  // Loaded on first use: playwright-core costs every `proprio` command and the app's start up to a second otherwise.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: RENDER_TIMEOUT_MS }).catch((error: unknown) => error as Error);
  if (browser instanceof Error) return err(`Chromium at ${executablePath} did not start: ${browser.message.split('\n')[0] ?? ''}`);
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.setContent(html, { timeout: RENDER_TIMEOUT_MS });
    return ok(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
  } finally {
    await browser.close();
  }
}
