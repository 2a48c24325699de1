import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, parseDbArgs } from './db-args.ts';

describe('proprio db arguments', () => {
  it('reads each command with its options, and the default database in the user-data folder', () => {
    expect(parseDbArgs(['check'], '/home/u/.config/Proprio')).toEqual({ ok: true, value: { kind: 'check', databasePath: '/home/u/.config/Proprio/proprio.sqlite' } });
    expect(parseDbArgs(['export', '--db', 'a.sqlite', '--session', '12', '--out', 'dir'])).toEqual({
      ok: true,
      value: { kind: 'export', databasePath: 'a.sqlite', sessionId: 12, outDir: 'dir' },
    });
    expect(parseDbArgs(['backup', '--db', 'a.sqlite', '--out', 'b.sqlite'])).toMatchObject({ ok: true, value: { kind: 'backup', outPath: 'b.sqlite' } });
    expect(parseDbArgs(['restore', '--from', 'b.sqlite', '--db', 'a.sqlite'])).toMatchObject({ ok: true, value: { kind: 'restore', fromPath: 'b.sqlite' } });
  });

  const bad: [string[], RegExp][] = [
    [[], /no command/],
    [['vacuum'], /unknown command "vacuum"/],
    [['check', 'extra'], /unexpected argument "extra"/],
    [['check', '--force'], /Unknown option '--force'/],
    [['check', '--out', 'x'], /--out does not apply to "check"/],
    [['export', '--out', 'dir'], /export needs --session/],
    [['export', '--session', '7'], /export needs --out/],
    [['export', '--session', '0', '--out', 'd'], /--session must be a number from 1/],
    [['export', '--session', '2.5', '--out', 'd'], /--session must be a whole number/],
    [['export', '--session', 'abc', '--out', 'd'], /--session must be a number/],
    [['backup'], /backup needs --out/],
    [['backup', '--out', ''], /--out must not be empty/],
    [['restore', '--from', 'x', '--db', ''], /--db must not be empty/],
    [['restore', '--out', 'x'], /--out does not apply to "restore"/],
    [['check', '--db'], /argument missing/],
  ];
  for (const [argv, message] of bad) {
    it(`refuses ${JSON.stringify(argv)}`, () => {
      const parsed = parseDbArgs(argv, '/u');
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : parsed.error).toMatch(message);
    });
  }

  it("finds Electron's userData folder for Proprio on each platform", () => {
    expect(defaultUserDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Proprio');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Proprio');
    expect(defaultUserDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Proprio');
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain('Proprio');
  });
});
