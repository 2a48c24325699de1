import { describe, expect, it } from 'vitest';
import { emptyLinkStats, type LinkStats } from '../../native-bridge/index.ts';
import { renderPlate, renderTable } from './monitor-view.ts';

const link: LinkStats = {
  ...emptyLinkStats(),
  linesOk: 1200,
  badLines: { overflow: 1, crc: 7, format: 2, range: 0, unknown: 3 },
  seqGaps: 4,
  lostLines: 9,
  seqRewinds: 0,
  staleLines: 0,
  truncatedLines: 1,
  reconnects: 1,
  linkLosses: 1,
  commandsSent: 6,
  retransmissions: 2,
  timeouts: 0,
  naks: 1,
  strayReplies: 0,
  lastReplyLatencyMs: 2,
  maxReplyLatencyMs: 3,
  sumReplyLatencyMs: 10,
  replies: 5,
};

const cells = [
  { xMm: -270, yMm: 170 },
  { xMm: 270, yMm: 170 },
  { xMm: 270, yMm: -170 },
  { xMm: -270, yMm: -170 },
] as const;

describe('renderPlate', () => {
  it('shows identity, rate, nominal load and COP, and every counter', () => {
    const text = renderPlate({
      port: 'sim:plate',
      state: { kind: 'ready' },
      identity: { model: 'PF-600', serial: 'PF6-00042', firmware: '1.3.0', protocolVersion: 1 },
      capabilities: { rateMinHz: 100, rateMaxHz: 2000, widthMm: 600, depthMm: 400, countsPerN: 5000, cellFullScaleN: 1500, cellPositionsMm: cells },
      rateHz: 1000,
      measuredRateHz: 999.5,
      // 200 N on each front cell, 100 N on each rear cell: COP centred in X, forward in Y.
      lastCellCounts: [1_000_000, 1_000_000, 500_000, 500_000],
      lastGap: { lostSamples: 12, fromTUs: 1, toTUs: 13_001, cause: 'link-lost' },
      link,
      stream: { samples: 5000, gaps: 2, lostSamples: 14 },
    }).join('\n');
    expect(text).toContain('PF-600  serial PF6-00042  fw 1.3.0  at sim:plate  — ready');
    expect(text).toContain('1000 Hz set · 999.5 Hz measured');
    expect(text).toContain('load      600.0 N  COP x +0.0 mm  y +56.7 mm  [nominal, uncalibrated]');
    expect(text).toContain('gaps 2  lost 14; last 12 samples, link-lost');
    expect(text).toContain('crc 7  format 2  range 0  overflow 1  unknown 3  truncated 1  stale 0');
    expect(text).toContain('latency 2.0 ms (max 3.0)');
  });

  it('says when the plate is empty or nothing has arrived', () => {
    const base = {
      port: '/dev/ttyUSB0',
      state: { kind: 'waiting', attempt: 2, retryInMs: 400, lastError: 'not-found: no such file' } as const,
      identity: undefined,
      capabilities: undefined,
      rateHz: 500,
      measuredRateHz: undefined,
      lastCellCounts: undefined,
      lastGap: undefined,
      link,
      stream: { samples: 0, gaps: 0, lostSamples: 0 },
    };
    const text = renderPlate(base).join('\n');
    expect(text).toContain('retrying in 400 ms — not-found: no such file');
    expect(text).toContain('no samples yet');
  });
});

describe('renderTable', () => {
  it('shows tension in N and lbf, the switch position and alarming flags', () => {
    const text = renderTable({
      port: 'tcp://127.0.0.1:4002',
      state: { kind: 'ready' },
      identity: { model: 'DT-9', serial: 'DT9-00007', firmware: '2.1.4', protocolVersion: 1 },
      telemetry: {
        kind: 'telemetry',
        seq: 1,
        tUs: 1,
        state: 'RELG',
        measuredN: 444.8,
        setpointN: 400,
        positionMm: 31.2,
        velocityMmS: -20.5,
        flags: 0x0001 | 0x0004 | 0x0008,
        region: 'lumbar',
        limitN: 980.7,
        fault: 2,
      },
      recentEvents: ['PSW', 'RELEASE reason=2 fromN=444.8'],
      link,
    }).join('\n');
    expect(text).toContain('RELG  lumbar limit 980.7 N  fault patient-switch');
    expect(text).toContain('444.8 N (100.0 lbf) measured · 400.0 N set-point');
    expect(text).toContain('patient switch PRESSED · E-STOP ENGAGED · HOST SILENT · not zeroed');
    expect(text).toContain('events    PSW | RELEASE reason=2 fromN=444.8');
  });
});
