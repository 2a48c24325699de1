import { describe, it, expect } from 'vitest';
import { parseSimArgs } from './cli-args.ts';

const parse = (args: string) => parseSimArgs(args.split(' ').filter((a) => a.length > 0));
const error = (args: string): string => {
  const result = parse(args);
  if (result.ok) throw new Error(`expected an error for "${args}"`);
  return result.error;
};

describe('proprio sim arguments', () => {
  it('has sensible defaults: both devices on PTYs, seed 1, real time, a subject standing', () => {
    const result = parse('');
    expect(result).toMatchObject({
      ok: true,
      value: { devices: ['plate', 'table'], transport: { kind: 'pty' }, seed: 1, timeScale: 1, isSubjectOn: true, rateHz: null },
    });
  });

  it('parses every option, in both --flag value and --flag=value forms', () => {
    const result = parse(
      '--device plate --tcp 5000 --seed=42 --rate 2000 --time-scale 2.5 --subject off --mass 82.5 --eyes closed --surface=foam',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        isHelp: false, devices: ['plate'], transport: { kind: 'tcp', port: 5000 }, seed: 42, rateHz: 2000, timeScale: 2.5,
        isSubjectOn: false, bodyMassKg: 82.5, eyes: 'closed', surface: 'foam', plateFaults: {}, tableFaults: {},
      },
    });
  });

  it('takes --tcp with or without a port', () => {
    expect(parse('--tcp')).toMatchObject({ ok: true, value: { transport: { kind: 'tcp', port: 0 } } });
    expect(parse('--tcp --seed 3')).toMatchObject({ ok: true, value: { transport: { kind: 'tcp', port: 0 }, seed: 3 } });
  });

  it('collects repeated --fault, aimed at the devices they apply to', () => {
    const result = parse('--fault garble=0.01 --fault drop=0.001 --fault table.nak=0.5 --fault stuckCell=2 --fault switch=unplugged');
    expect(result).toMatchObject({
      ok: true,
      value: {
        plateFaults: { garbleFrac: 0.01, dropFrac: 0.001, stuckCell: 2 },
        tableFaults: { garbleFrac: 0.01, dropFrac: 0.001, nakBusyFrac: 0.5, patientSwitch: 'unplugged' },
      },
    });
  });

  it('recognises --help anywhere', () => {
    expect(parse('--seed 3 --help')).toMatchObject({ ok: true, value: { isHelp: true } });
  });

  it('refuses bad input with a one-line message', () => {
    expect(error('--bogus')).toBe('unknown option --bogus');
    expect(error('stray')).toBe('unexpected argument "stray"');
    expect(error('--device chair')).toBe('--device must be plate or table or both, got "chair"');
    expect(error('--seed')).toBe('--seed needs a value');
    expect(error('--seed --tcp')).toBe('--seed needs a value');
    expect(error('--seed -3')).toMatch(/^--seed needs an integer from 0 to 4294967295/);
    expect(error('--seed 1.5')).toMatch(/^--seed needs an integer/);
    expect(error('--rate 99')).toMatch(/^--rate needs an integer from 100 to 2000/);
    expect(error('--rate fast')).toMatch(/^--rate needs an integer/);
    expect(error('--time-scale 0')).toMatch(/^--time-scale needs a number/);
    expect(error('--mass 300')).toMatch(/^--mass needs a number from 20 to 250/);
    expect(error('--tcp 70000')).toMatch(/^--tcp needs an integer from 0 to 65535/);
    expect(error('--pty --tcp')).toBe('choose one of --pty or --tcp');
    expect(error('--eyes shut')).toBe('--eyes must be open or closed, got "shut"');
    expect(error('--subject maybe')).toBe('--subject must be on or off, got "maybe"');
    expect(error('--fault garble')).toBe('--fault expects name=value, got "garble"');
    expect(error('--fault wobble=1')).toBe('unknown fault "wobble" (see --help for the list)');
    expect(error('--fault garble=2')).toBe('fault garble needs a fraction from 0 to 1, got "2"');
    expect(error('--fault stuckCell=7')).toBe('fault stuckCell needs a cell 0–3, or none, got "7"');
    expect(error('--fault plate.estop=1')).toBe('fault "estop" does not apply to the plate');
    expect(error('--fault chair.drop=0.1')).toBe('unknown device "chair" in --fault chair.drop=0.1');
    expect(error('--device table --rate 500')).toBe('--rate applies to the plate, which --device leaves out');
    expect(error('--device table --fault stuckCell=1')).toBe('a plate fault was given but --device leaves the plate out');
    expect(error('--device plate --fault estop=1')).toBe('a table fault was given but --device leaves the table out');
  });
});
