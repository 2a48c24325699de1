/**
 * Remembers the main window's bounds between launches in `<userData>/window-state.json`, so a
 * clinic workstation reopens Proprio where the clinician left it.
 *
 * The file is input like any other: it may be missing, truncated by a power cut, hand-edited, or
 * refer to a monitor that is no longer attached. Anything doubtful falls back to the default
 * size, centred by Electron; a saved position is used only if it is visible on a current display.
 *
 * No Electron import: the caller passes the displays' work areas in, so this is unit-tested.
 * Units: device-independent pixels, as Electron's `Rectangle`.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly isMaximized: boolean;
}

/** Smallest window the UI is laid out for; smaller saved sizes are treated as corrupt. */
export const MIN_WIDTH_PX = 800;
export const MIN_HEIGHT_PX = 600;
const MAX_SIDE_PX = 16_384;
/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE_PX = 64;

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Returns the state stored in `json`, or `undefined` when any field is missing or implausible. */
export function parseWindowState(json: unknown): WindowState | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { bounds, isMaximized } = json as { bounds?: unknown; isMaximized?: unknown };
  if (typeof isMaximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return undefined;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isFiniteInt(x) || !isFiniteInt(y) || !isFiniteInt(width) || !isFiniteInt(height)) return undefined;
  if (width < MIN_WIDTH_PX || height < MIN_HEIGHT_PX || width > MAX_SIDE_PX || height > MAX_SIDE_PX) return undefined;
  return { bounds: { x, y, width, height }, isMaximized };
}

/** True when a strip of the window's top edge (where the title bar is) lies on some work area. */
export function isReachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const topInside = bounds.y >= area.y && bounds.y < area.y + area.height - MIN_VISIBLE_PX / 2;
    return overlapX >= MIN_VISIBLE_PX && topInside;
  });
}

/** Reads the saved state; any read or parse failure means "no saved state". */
export function loadWindowState(filePath: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(readFileSync(filePath, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Saves the state. Synchronous on purpose: it runs from the window's `close` handler, and an
 * async write may not finish before the process exits. Written to a temporary file and renamed,
 * so a crash mid-write leaves the previous file intact rather than a truncated one.
 */
export function saveWindowState(filePath: string, state: WindowState): void {
  const tmpPath = `${filePath}.tmp`;
  writeFileSync(tmpPath, `${JSON.stringify(state)}\n`, 'utf8');
  renameSync(tmpPath, filePath);
}
