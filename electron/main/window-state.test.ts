import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isReachable, loadWindowState, parseWindowState, saveWindowState } from './window-state.ts';

const good = { bounds: { x: 100, y: 50, width: 1280, height: 800 }, isMaximized: false };
const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('parseWindowState', () => {
  it('accepts a well-formed state', () => {
    expect(parseWindowState(good)).toEqual(good);
  });

  it.each([
    ['null', null],
    ['a string', 'bounds'],
    ['a missing flag', { bounds: good.bounds }],
    ['missing bounds', { isMaximized: true }],
    ['a fractional coordinate', { ...good, bounds: { ...good.bounds, x: 1.5 } }],
    ['a string width', { ...good, bounds: { ...good.bounds, width: '1280' } }],
    ['NaN height', { ...good, bounds: { ...good.bounds, height: Number.NaN } }],
    ['a tiny window', { ...good, bounds: { ...good.bounds, width: 10, height: 10 } }],
    ['an absurd window', { ...good, bounds: { ...good.bounds, width: 1e9 } }],
  ])('rejects %s', (_why, value) => {
    expect(parseWindowState(value)).toBeUndefined();
  });
});

describe('isReachable', () => {
  it('is true for a window on the screen and false for one on an unplugged monitor', () => {
    expect(isReachable(good.bounds, [screen])).toBe(true);
    expect(isReachable({ ...good.bounds, x: 2500 }, [screen])).toBe(false);
    expect(isReachable({ ...good.bounds, x: 2500 }, [screen, { x: 1920, y: 0, width: 1920, height: 1080 }])).toBe(true);
  });

  it('is false when the title bar is above or below the work area', () => {
    expect(isReachable({ ...good.bounds, y: -200 }, [screen])).toBe(false);
    expect(isReachable({ ...good.bounds, y: 1070 }, [screen])).toBe(false);
  });

  it('is false when only a sliver of the window overlaps the screen', () => {
    expect(isReachable({ ...good.bounds, x: -1270 }, [screen])).toBe(false);
  });
});

describe('loadWindowState / saveWindowState', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a state and treats a missing or truncated file as no state', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'proprio-window-state-'));
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeUndefined();
    saveWindowState(file, good);
    expect(loadWindowState(file)).toEqual(good);
    writeFileSync(file, '{"bounds": {"x": 1', 'utf8');
    expect(loadWindowState(file)).toBeUndefined();
  });
});
