import { describe, it, expect } from 'vitest';
import { createDuplexPair } from './duplex-pair.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createDuplexPair', () => {
  it('carries bytes both ways', async () => {
    const { a, b } = createDuplexPair();
    const fromA: Buffer[] = [];
    const fromB: Buffer[] = [];
    b.on('data', (chunk: Buffer) => fromA.push(chunk));
    a.on('data', (chunk: Buffer) => fromB.push(chunk));
    a.write('hello ');
    a.write('world');
    b.write('pong');
    await tick();
    expect(Buffer.concat(fromA).toString()).toBe('hello world');
    expect(Buffer.concat(fromB).toString()).toBe('pong');
  });

  it('applies backpressure when the reader does not read', async () => {
    const { a } = createDuplexPair(1024);
    let accepted = true;
    let writes = 0;
    while (accepted && writes < 100) {
      accepted = a.write(Buffer.alloc(256));
      writes++;
    }
    expect(accepted).toBe(false);
    expect(writes).toBeLessThan(20);
    await tick();
  });

  it('closes both ends when one is destroyed', async () => {
    const { a, b } = createDuplexPair();
    const events: string[] = [];
    b.on('close', () => events.push('b close'));
    b.on('end', () => events.push('b end'));
    b.resume();
    a.destroy();
    await tick();
    await tick();
    expect(events).toContain('b close');
    expect(b.destroyed).toBe(true);
  });
});
