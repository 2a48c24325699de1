import { describe, it, expect } from 'vitest';
import { NAK } from '../spec-codec/link-messages.ts';
import { FACTORY_COEFFICIENTS, SERVICE_OFF, applyServiceCommand, coefficientCrc } from './table-service.ts';
import type { ServiceCommand, ServiceState } from './table-service.ts';
import { rampTo, tableKit } from './table-test-kit.ts';

const ON: ServiceState = { isOn: true, pending: null };
const cal = (offsetN: number, span: number, crc = coefficientCrc({ offsetN, span })): ServiceCommand => ({ kind: 'cal', id: 5, offsetN, span, crc });
const step = (service: ServiceState, command: ServiceCommand, isIdle = true) => applyServiceCommand(service, command, isIdle, FACTORY_COEFFICIENTS);
const codeOf = (s: ReturnType<typeof step>): number | undefined => (s.reply.kind === 'nak' ? s.reply.code : undefined);

describe('table service mode (table.md §4.1), pure step', () => {
  it('the CRC covers the coefficients as sent: -0.03 1.01890 → 061B (the example of the vectors)', () => {
    expect(coefficientCrc({ offsetN: -0.03, span: 1.0189 })).toBe('061B');
  });

  it('enters only from IDLE; leaving discards a pending set', () => {
    expect(codeOf(step(SERVICE_OFF, { kind: 'svc', id: 1, on: 1 }, false))).toBe(NAK.wrongState);
    expect(step(SERVICE_OFF, { kind: 'svc', id: 1, on: 1 }).service).toEqual(ON);
    const pending = step(ON, cal(1, 1.02)).service;
    expect(step(pending, { kind: 'svc', id: 2, on: 0 }).service).toEqual(SERVICE_OFF);
  });

  it('refuses coefficients outside service mode, with a wrong CRC, or moving too far', () => {
    expect(codeOf(step(SERVICE_OFF, cal(1, 1.02)))).toBe(NAK.wrongState);
    expect(codeOf(step(ON, cal(1, 1.02, '0000')))).toBe(NAK.crcMismatch);
    expect(codeOf(step(ON, cal(1, 1.051)))).toBe(NAK.changeTooLarge);
    expect(codeOf(step(ON, cal(10.5, 1.0)))).toBe(NAK.changeTooLarge);
  });

  it('keeps a valid set pending, reads it back, and puts it in force only with its CRC', () => {
    const written = step(ON, cal(-0.03, 1.0189));
    expect(written.reply).toEqual({ kind: 'ack', id: 5, details: [['offsetN', '-0.03'], ['span', '1.01890'], ['crc', '061B']] });
    const read = step(written.service, { kind: 'calget', id: 6 });
    expect(read.reply.details).toEqual([['offsetN', '0.00'], ['span', '1.00000'], ['crc', coefficientCrc(FACTORY_COEFFICIENTS)], ['pending', '1'], ['svc', '1']]);
    expect(codeOf(step(written.service, { kind: 'caluse', id: 7, crc: 'ABCD' }))).toBe(NAK.crcMismatch);
    expect(codeOf(step(ON, { kind: 'caluse', id: 7, crc: '061B' }))).toBe(NAK.wrongState);
    const used = step(written.service, { kind: 'caluse', id: 7, crc: '061B' });
    expect(used.coefficients).toEqual({ offsetN: -0.03, span: 1.0189 });
    expect(used.service.pending).toBeNull();
  });
});

describe('table service mode on the simulator', () => {
  it('no $ARM in service mode; coefficients in force scale the reading and clear the tare', async () => {
    const kit = await tableKit({ loadCellNoiseN: 0 });
    await kit.hello();
    expect(await kit.reply({ kind: 'zero', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    expect(await kit.reply({ kind: 'svc', id: kit.nextId(), on: 1 })).toMatchObject({ kind: 'ack' });
    expect(await kit.reply({ kind: 'arm', id: kit.nextId(), region: 'lumbar' })).toMatchObject({ kind: 'nak', code: NAK.serviceMode });
    expect((kit.sim.state().lastTelemetry?.flags ?? 0) & 0x0400).toBe(0x0400);
    const crc = coefficientCrc({ offsetN: 0, span: 1.02 });
    expect(await kit.reply({ kind: 'cal', id: kit.nextId(), offsetN: 0, span: 1.02, crc })).toMatchObject({ kind: 'ack' });
    expect(await kit.reply({ kind: 'caluse', id: kit.nextId(), crc })).toMatchObject({ kind: 'ack' });
    expect(kit.sim.state().isZeroed).toBe(false);
    expect(await kit.reply({ kind: 'svc', id: kit.nextId(), on: 0 })).toMatchObject({ kind: 'ack' });
    expect(await kit.reply({ kind: 'zero', id: kit.nextId() })).toMatchObject({ kind: 'ack' });
    await kit.armed();
    await rampTo(kit, 400);
    await kit.advance(3000);
    const s = kit.sim.state();
    expect(s.measuredN / s.trueTensionN).toBeCloseTo(1.02, 2);
    await kit.sim.close();
  });
});
