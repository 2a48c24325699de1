import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../../test/support/manual-timers.ts';
import { CommandChannel, CommandIds, type CommandResult } from './command-channel.ts';
import { emptyLinkStats } from './link-stats.ts';

type Command = { readonly kind: 'set'; readonly targetN: number };

function setup() {
  const timers = new ManualTimers();
  const stats = emptyLinkStats();
  const written: string[] = [];
  let exhausted = 0;
  const channel = new CommandChannel<Command>(
    (text) => written.push(text),
    (command, seq, id) => `$SET ${seq} ${id} ${command.targetN}\n`,
    timers,
    stats,
    100,
    () => exhausted++,
  );
  const settled: CommandResult[] = [];
  const send = (targetN: number): void => void channel.send({ kind: 'set', targetN }).then((r) => settled.push(r));
  return { timers, stats, written, channel, settled, send, exhausted: () => exhausted };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CommandChannel', () => {
  it('retransmits with the same id and fields and a new seq, three attempts in all, then times out', async () => {
    const t = setup();
    t.send(450);
    t.timers.advance(99);
    expect(t.written).toEqual(['$SET 0 1 450\n']);
    t.timers.advance(1);
    t.timers.advance(100);
    expect(t.written).toEqual(['$SET 0 1 450\n', '$SET 1 1 450\n', '$SET 2 1 450\n']);
    t.timers.advance(100);
    await flush();
    expect(t.settled).toEqual([{ ok: false, error: { kind: 'timeout', attempts: 3 } }]);
    expect(t.stats.retransmissions).toBe(2);
    expect(t.exhausted()).toBe(1);
  });

  it('matches replies by id, not by order, and counts a late duplicate as stray', async () => {
    const t = setup();
    t.send(100);
    t.send(200);
    t.timers.advance(30);
    t.channel.handleReply({ kind: 'ack', seq: 5, id: 2, detail: {} });
    t.channel.handleReply({ kind: 'nak', seq: 6, id: 1, code: 14, detail: { max: '980.7' } });
    t.channel.handleReply({ kind: 'ack', seq: 7, id: 1, detail: {} });
    await flush();
    expect(t.settled).toEqual([
      { ok: true, value: { kind: 'ack', seq: 5, id: 2, detail: {} } },
      { ok: false, error: { kind: 'nak', code: 14, name: 'limit-exceeded', detail: { max: '980.7' } } },
    ]);
    expect(t.stats.strayReplies).toBe(1);
    expect(t.stats.lastReplyLatencyMs).toBe(30);
  });

  it('treats a busy NAK as a lost attempt and retransmits on the timer', async () => {
    const t = setup();
    t.send(300);
    t.channel.handleReply({ kind: 'nak', seq: 1, id: 1, code: 8, detail: {} });
    t.timers.advance(100);
    expect(t.written).toHaveLength(2);
    t.channel.handleReply({ kind: 'ack', seq: 2, id: 1, detail: {} });
    await flush();
    expect(t.settled[0]?.ok).toBe(true);
  });

  it('settles every waiting command with link-lost on close, and refuses new ones', async () => {
    const t = setup();
    t.send(1);
    t.send(2);
    t.channel.close();
    t.send(3);
    await flush();
    expect(t.settled).toEqual(Array(3).fill({ ok: false, error: { kind: 'link-lost' } }));
  });

  it('shares one sequence counter between commands and heartbeats, restarting at 0 after hello', () => {
    const t = setup();
    t.channel.sendHeartbeat();
    t.send(5);
    t.channel.restartSequence();
    t.channel.sendHeartbeat();
    expect(t.written[0]).toMatch(/^%HB 0\*/);
    expect(t.written[1]).toBe('$SET 1 1 5\n');
    expect(t.written[2]).toMatch(/^%HB 0\*/);
  });

  it('wraps command ids from 65535 to 1', () => {
    const t = setup();
    for (let i = 0; i < 65536; i++) t.send(i);
    expect(t.written[65534]).toMatch(/^\$SET 65534 65535 /);
    expect(t.written[65535]).toMatch(/^\$SET 65535 1 /);
  });
});

describe('CommandIds', () => {
  it('keeps counting across channels that share it, so a new link does not reuse remembered ids', () => {
    const ids = new CommandIds();
    const stats = emptyLinkStats();
    const written: string[] = [];
    const open = (): CommandChannel<Command> =>
      new CommandChannel<Command>((text) => written.push(text), (c, seq, id) => `$SET ${seq} ${id} ${c.targetN}\n`, new ManualTimers(), stats, 100, () => undefined, ids);
    void open().send({ kind: 'set', targetN: 1 });
    void open().send({ kind: 'set', targetN: 2 });
    expect(written).toEqual(['$SET 0 1 1\n', '$SET 0 2 2\n']);
  });
});
