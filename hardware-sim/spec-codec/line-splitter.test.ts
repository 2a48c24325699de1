import { describe, it, expect } from 'vitest';
import { LineSplitter } from './line-splitter.ts';

function collect(): { lines: string[]; overflows: number; splitter: LineSplitter } {
  const result = { lines: [] as string[], overflows: 0, splitter: undefined as unknown as LineSplitter };
  result.splitter = new LineSplitter({
    line: (text) => result.lines.push(text),
    overflow: () => {
      result.overflows++;
    },
  });
  return result;
}

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('LineSplitter', () => {
  it('gives the same lines for every split point of the input', () => {
    const input = '#D 0 1 2 3 4 5 00*ABCD\n%HB 1 7*0000\n\n+ACK 2 3*1234\n';
    for (let cut = 0; cut <= input.length; cut++) {
      const c = collect();
      c.splitter.push(bytes(input.slice(0, cut)));
      c.splitter.push(bytes(input.slice(cut)));
      expect(c.lines).toEqual(['#D 0 1 2 3 4 5 00*ABCD', '%HB 1 7*0000', '', '+ACK 2 3*1234']);
    }
  });

  it('accepts exactly 120 bytes and overflows at 121, for every length around the limit', () => {
    for (let length = 115; length <= 130; length++) {
      const c = collect();
      c.splitter.push(bytes(`${'A'.repeat(length)}\nOK\n`));
      if (length <= 120) {
        expect(c.lines).toEqual(['A'.repeat(length), 'OK']);
        expect(c.overflows).toBe(0);
      } else {
        expect(c.lines).toEqual(['OK']);
        expect(c.overflows).toBe(1);
      }
    }
  });

  it('counts one overflow for a very long run and resynchronises on the next LF', () => {
    const c = collect();
    c.splitter.push(bytes('x'.repeat(1000)));
    c.splitter.push(bytes('y'.repeat(1000)));
    c.splitter.push(bytes('z\nnext\n'));
    expect(c.overflows).toBe(1);
    expect(c.lines).toEqual(['next']);
  });

  it('passes bytes above 0x7F through unchanged', () => {
    const c = collect();
    c.splitter.push(Uint8Array.from([0x41, 0xff, 0x80, 0x0a]));
    expect(c.lines).toEqual(['A\u00ff\u0080']);
  });
});
