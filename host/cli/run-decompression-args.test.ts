import { describe, expect, it } from 'vitest';
import { NEWTONS_PER_POUND_FORCE as LBF } from '../../core/index.ts';
import { parseRunDecompressionArgs } from './run-decompression-args.ts';

const parse = (...args: string[]) => parseRunDecompressionArgs(args);
const error = (...args: string[]): string => {
  const result = parse(...args);
  return result.ok ? 'accepted' : result.error;
};

describe('run-decompression arguments', () => {
  it('builds a first-session prescription from the defaults: the envelope start tension, the highest min', () => {
    const result = parse('--port', 'sim:table', '--program', 'intermittent');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const program = result.value.plan.prescription.program;
    expect(program.maxN).toBeCloseTo(40 * LBF, 6);
    expect(program.minN).toBeCloseTo(20 * LBF, 6);
    expect(program.mode).toEqual({ kind: 'intermittent', holdMs: 30_000, restMs: 15_000 });
    expect(program.treatmentMs).toBe(120_000);
    expect(result.value.timeScale).toBe(1);
  });

  it('takes clinic units: lbf, seconds, minutes', () => {
    const result = parse('--port', '/tmp/x', '--program', 'progressive', '--max-lbf', '30', '--min-lbf', '12', '--steps', '4', '--hold', '20', '--rest', '8', '--minutes', '3', '--shape', 'log', '--time-scale', '4');
    expect(result.ok && result.value.plan.prescription.program).toMatchObject({
      mode: { kind: 'progressive', steps: 4, holdMs: 20_000, restMs: 8000 },
      maxN: 30 * LBF,
      minN: 12 * LBF,
      rampShape: 'logarithmic',
      treatmentMs: 180_000,
    });
  });

  it('refuses bad arguments with one message naming the option', () => {
    expect(error('--program', 'static')).toBe('--port SPEC is required');
    expect(error('--port', 'sim:table')).toBe('--program is required: static | intermittent | cyclic | progressive | regressive');
    expect(error('--port', 'sim:plate', '--program', 'static')).toBe('sim:plate is not a table');
    expect(error('--port', 'sim:table', '--program', 'wobble')).toMatch(/^--program must be one of static, intermittent/);
    expect(error('--port', 'sim:table', '--program', 'static', '--region', 'thoracic')).toBe('--region must be lumbar or cervical, not "thoracic"');
    expect(error('--port', 'sim:table', '--program', 'static', '--mass', '300')).toBe('--mass: body mass must be 20–250 kg, not 300');
    expect(error('--port', 'sim:table', '--program', 'static', '--mass', 'heavy')).toBe('--mass must be a number from 0 to 1000, not "heavy"');
    expect(error('--port', 'sim:table', '--program', 'intermittent', '--hold', '120')).toBe('--hold must be a number from 1 to 99, not "120"');
    expect(error('--port', 'sim:table', '--program', 'static', '--time-scale', '50')).toBe('--time-scale must be a number from 1 to 10, not "50"');
    expect(error('--port', 'sim:table', '--program', 'static', '--frobnicate')).toMatch(/Unknown option '--frobnicate'/);
    expect(error('--port', 'sim:table', '--program', 'static', 'extra')).toMatch(/Unexpected argument 'extra'/);
  });

  it('refuses a prescription outside the envelope, saying which limit', () => {
    expect(error('--port', 'sim:table', '--program', 'static', '--max-lbf', '60')).toBe('prescription refused: requested 266.9 N > allowed 177.9 N');
    expect(error('--port', 'sim:table', '--program', 'intermittent', '--min-lbf', '35')).toMatch(/^prescription refused: min tension must be 15\.0–89\.0 N/);
    expect(error('--port', 'sim:table', '--program', 'static', '--rate-lbfps', '11')).toMatch(/^prescription refused: ramp 48\.93 N\/s > allowed 44\.48 N\/s/);
    expect(error('--port', 'sim:table', '--program', 'static', '--region', 'cervical', '--angle', '40')).toMatch(/angle of pull must be 15–25°/);
  });
});
