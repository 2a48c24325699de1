import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineFramer } from './line-framer.ts';

/** Lets the streams inside the framer deliver what they hold. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function frame(chunks: readonly Buffer[], maxLineBytes: number): Promise<string[]> {
  const lines: string[] = [];
  const framer = new LineFramer((line) => lines.push(line.toString('latin1')), undefined, maxLineBytes);
  for (const chunk of chunks) framer.push(chunk);
  await settle();
  framer.discard();
  return lines;
}

function splitAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

describe('LineFramer', () => {
  it('yields the same lines for every split point of the input', async () => {
    const text = Buffer.from('#D 1 2 3*ABCD\n$HELLO 0 1*0000\nshort\n', 'latin1');
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await frame([text.subarray(0, cut), text.subarray(cut)], 20)).toEqual(['#D 1 2 3*ABCD', '$HELLO 0 1*0000', 'short']);
    }
  });

  it('cuts every run longer than the limit to limit + 1 bytes, for every overflow length', async () => {
    const max = 16;
    for (let length = max + 1; length <= 3 * max; length++) {
      const input = Buffer.from(`ok\n${'x'.repeat(length)}\nafter\n`, 'latin1');
      const lines = await frame([input], max);
      expect(lines).toEqual(['ok', 'x'.repeat(max + 1), 'after']);
    }
  });

  it('keeps a line of exactly the limit intact', async () => {
    expect(await frame([Buffer.from(`${'y'.repeat(16)}\n`)], 16)).toEqual(['y'.repeat(16)]);
  });

  it('drops an unfinished trailing line on discard and reports it', async () => {
    const lines: string[] = [];
    const framer = new LineFramer((line) => lines.push(line.toString('latin1')), undefined, 32);
    framer.push(Buffer.from('whole\npart'));
    await settle();
    expect(framer.discard()).toBe(true);
    await settle();
    expect(lines).toEqual(['whole']);
  });

  it('passes every byte through unchanged, for the codec to judge', async () => {
    expect(await frame([Buffer.from([0x41, 0xff, 0x00, 0x42, 0x0a])], 16)).toEqual(['A\u00ff\u0000B']);
  });

  it('never emits a line longer than limit + 1 and never loses a short line, whatever the chunking', async () => {
    const max = 24;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ maxLength: max }), fc.string({ minLength: max + 1, maxLength: 4 * max })), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (lineTexts, cuts) => {
          const clean = lineTexts.map((text) => text.replace(/[\n\u0080-\uffff]/g, '.'));
          const input = Buffer.from(clean.map((text) => `${text}\n`).join(''), 'latin1');
          const lines = await frame(splitAt(input, cuts), max);
          const expected = clean.filter((text) => text.length > 0).map((text) => (text.length > max ? text.slice(0, max + 1) : text));
          expect(lines).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports every empty line, which readline would drop without a trace', async () => {
    let empty = 0;
    const lines: string[] = [];
    const framer = new LineFramer((line) => lines.push(line.toString('latin1')), () => empty++, 16);
    for (const chunk of ['\n', 'a\n\n', '\nb', '\n', '\n']) framer.push(Buffer.from(chunk));
    await settle();
    expect(lines).toEqual(['a', 'b']);
    expect(empty).toBe(4);
  });
});
