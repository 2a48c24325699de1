import { describe, it, expect } from 'vitest';
import { CommandMemory } from './command-memory.ts';

describe('CommandMemory', () => {
  it('recognises a repeat, a reused id and a new command', () => {
    const memory = new CommandMemory<string>();
    memory.remember(17, '$SET 17 450.0 40.0', 'ack17');
    expect(memory.lookup(17, '$SET 17 450.0 40.0')).toEqual({ kind: 'repeat', reply: 'ack17' });
    expect(memory.lookup(17, '$SET 17 451.0 40.0')).toEqual({ kind: 'idReused' });
    expect(memory.lookup(17, '$PAUSE 17')).toEqual({ kind: 'idReused' });
    expect(memory.lookup(18, '$PAUSE 18')).toEqual({ kind: 'new' });
  });

  it('remembers only the last 16 commands', () => {
    const memory = new CommandMemory<number>();
    for (let id = 1; id <= 17; id++) memory.remember(id, `$STATUS ${id}`, id);
    expect(memory.size).toBe(16);
    expect(memory.lookup(1, '$STATUS 1')).toEqual({ kind: 'new' });
    expect(memory.lookup(2, '$STATUS 2')).toEqual({ kind: 'repeat', reply: 2 });
    memory.clear();
    expect(memory.lookup(2, '$STATUS 2')).toEqual({ kind: 'new' });
  });
});
