/**
 * Putting new load-cell coefficients in force on the table (docs/protocols/table.md §4.1): read
 * the set in force, and write a new one only in service mode (no treatment can start meanwhile),
 * CRC-checked, read back and compared before `$CALUSE`, checked in force after it; service mode
 * is left whatever happens.
 *
 * The readings a calibration fits were already scaled by the set in force (reading = o + s·cell),
 * so a host correction ref = a + b·reading becomes the new set o' = a + b·o, s' = b·s.
 */
import { err, ok, type Result, type TableCoefficients } from '../../core/index.ts';
import { coefficientCrc, type CommandResult, type TableDriver } from '../../native-bridge/index.ts';
import type { Failure } from './table-settle.ts';

export type CoefficientPort = Pick<TableDriver, 'setServiceMode' | 'writeCoefficients' | 'readCoefficients' | 'useCoefficients'>;

/** The host correction `fit` composed onto the set in force. */
export function composeCoefficients(inForce: TableCoefficients, fit: TableCoefficients): TableCoefficients {
  return { offsetN: fit.offsetN + fit.span * inForce.offsetN, span: fit.span * inForce.span };
}

const failure = (what: string, result: CommandResult): Failure =>
  result.ok
    ? { code: 'readBack', message: `${what}: unexpected reply` }
    : { code: result.error.kind === 'link-lost' ? 'disconnected' : 'refused', message: `${what}: ${result.error.kind === 'nak' ? `refused (${result.error.name})` : result.error.kind}` };

interface ReadBack {
  readonly coefficients: TableCoefficients;
  readonly crc: string;
  readonly pending: string | undefined;
}

function readBack(result: CommandResult): ReadBack | undefined {
  if (!result.ok) return undefined;
  const d = result.value.detail;
  const offsetN = Number(d.offsetN);
  const span = Number(d.span);
  if (d.offsetN === undefined || d.span === undefined || d.crc === undefined || !Number.isFinite(offsetN) || !Number.isFinite(span)) return undefined;
  return { coefficients: { offsetN, span }, crc: d.crc, pending: d.pending };
}

export async function readCoefficientsInForce(port: CoefficientPort): Promise<Result<TableCoefficients, Failure>> {
  const reply = await port.readCoefficients();
  const read = readBack(reply);
  return read === undefined ? err(failure('read the coefficients in force', reply)) : ok(read.coefficients);
}

export async function applyCoefficients(port: CoefficientPort, next: TableCoefficients): Promise<Result<TableCoefficients, Failure>> {
  const entered = await port.setServiceMode(true);
  if (!entered.ok) return err(failure('enter service mode', entered));
  try {
    const crc = coefficientCrc(next.offsetN, next.span);
    const written = await port.writeCoefficients(next.offsetN, next.span);
    const echo = readBack(written);
    if (echo === undefined) return err(failure('write the coefficients', written));
    if (echo.crc !== crc) return err({ code: 'readBack', message: `the table stored coefficients with CRC ${echo.crc}, not the ${crc} sent` });
    const pending = readBack(await port.readCoefficients());
    if (pending?.pending !== '1') return err({ code: 'readBack', message: 'the table reports no pending coefficients after writing them' });
    const used = await port.useCoefficients(crc);
    if (!used.ok) return err(failure('put the coefficients in force', used));
    const inForce = readBack(await port.readCoefficients());
    if (inForce?.crc !== crc) return err({ code: 'readBack', message: 'the coefficients read back in force are not the ones written' });
    return ok(inForce.coefficients);
  } finally {
    await port.setServiceMode(false);
  }
}
