/**
 * Decides which links may leave the app for the system browser (STYLE.md §8: external links go
 * through a parsed-URL allowlist; modelled on Actual's `trusted-url.ts`).
 *
 * Why parse instead of matching text: `https://clinic.example.evil.test`,
 * `https://evil.test/clinic.example`, `https://clinic.example@evil.test` and
 * `https://evil.test#clinic.example` all *contain* an allowed host, and only the parsed hostname
 * says where the browser would really go.
 *
 * Invariants of an accepted URL: scheme https, no credentials, default port, hostname exactly
 * equal (after the WHATWG parser's lowercasing and punycoding) to one allowlisted host. The caller
 * must open the returned normalised `href`, never the raw input, so the OS sees the same URL we
 * checked.
 */

/** Hostnames a link may open in the system browser, compared exactly (no subdomain wildcard). */
export type ExternalHostAllowlist = ReadonlySet<string>;

/**
 * Returns the normalised URL to hand to `shell.openExternal`, or `undefined` when the link must
 * not leave the app. Never throws: unparsable input is simply untrusted.
 */
export function toTrustedExternalUrl(raw: string, allowedHosts: ExternalHostAllowlist): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  // Plain http could be rewritten on the way; file:, javascript:, data: and custom schemes would
  // run code or open local files through the OS handler.
  if (url.protocol !== 'https:') return undefined;
  // `user:pass@` is the classic way to make a URL read as one host and go to another.
  if (url.username !== '' || url.password !== '') return undefined;
  // A non-default port is a different service from the one we meant to allow.
  if (url.port !== '') return undefined;
  if (!allowedHosts.has(url.hostname)) return undefined;
  return url.href;
}
