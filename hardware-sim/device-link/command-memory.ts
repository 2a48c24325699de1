/**
 * The device's memory of the last 16 commands it answered, for the never-twice rule.
 *
 * Spec: link.md §4.2. A command whose id and fields equal a remembered one is not executed again:
 * the remembered reply is re-sent with a new seq. The same id with different fields is refused
 * with code 7 and not executed. A successful `$HELLO` clears the memory.
 * The key is the command type plus every field after `seq`, byte for byte, so a different type
 * with a remembered id also counts as "different fields".
 */

export type MemoryLookup<R> =
  | { readonly kind: 'new' }
  | { readonly kind: 'repeat'; readonly reply: R }
  | { readonly kind: 'idReused' };

interface Entry<R> {
  readonly id: number;
  readonly key: string;
  readonly reply: R;
}

export const COMMAND_MEMORY_SIZE = 16;

export class CommandMemory<R> {
  private entries: Entry<R>[] = [];

  lookup(id: number, key: string): MemoryLookup<R> {
    // Newest first: after 65535 ids wrap, only the most recent use of an id matters.
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i] as Entry<R>;
      if (entry.id !== id) continue;
      return entry.key === key ? { kind: 'repeat', reply: entry.reply } : { kind: 'idReused' };
    }
    return { kind: 'new' };
  }

  remember(id: number, key: string, reply: R): void {
    this.entries.push({ id, key, reply });
    if (this.entries.length > COMMAND_MEMORY_SIZE) this.entries.shift();
  }

  clear(): void {
    this.entries = [];
  }

  get size(): number {
    return this.entries.length;
  }
}
