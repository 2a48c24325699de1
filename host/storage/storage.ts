/** The handle every repository takes: one open clinic database and the wall clock it stamps rows with. */
import type Database from 'better-sqlite3';

/** An open clinic database. One per process; repositories take it as their first argument. */
export class Storage {
  constructor(
    readonly db: Database.Database,
    readonly path: string,
    /** Wall clock, epoch ms, for `*_at_ms` columns (injected so tests control it). */
    readonly nowMs: () => number,
  ) {}

  close(): void {
    if (this.db.open) this.db.close();
  }
}
