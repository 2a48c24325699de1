/**
 * The receiver's classes of bad line, docs/protocols/link.md §2.2, checked in this order.
 * Every bad line lands in exactly one class and is counted; none changes host state.
 */
export type LineErrorClass = 'overflow' | 'crc' | 'format' | 'range' | 'unknown';

export const LINE_ERROR_CLASSES: readonly LineErrorClass[] = ['overflow', 'crc', 'format', 'range', 'unknown'];

/** Longest legal line, without its LF (link.md §2). */
export const MAX_LINE_BYTES = 120;
