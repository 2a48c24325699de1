import { describe, it, expect } from 'vitest';
import { PLATE_SCHEMA_HASH, TABLE_SCHEMA_HASH, schemaHash } from './schema-hash.ts';

describe('schema hash', () => {
  it('reproduces the hashes stated in plate.md §3 and table.md §3', () => {
    expect(PLATE_SCHEMA_HASH).toBe('A571');
    expect(TABLE_SCHEMA_HASH).toBe('9E77');
  });

  it('changes when a message changes', () => {
    expect(schemaHash('PF600/1;$HELLO:id,proto')).not.toBe(schemaHash('PF600/1;$HELLO:id,proto,hash'));
  });
});
