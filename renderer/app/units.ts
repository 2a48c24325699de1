/**
 * The clinic's units at the screen's edge (settings: kg or lb, mm or cm). Everything inside is SI
 * (kg, N, mm); values are converted only here, to show them or to read what was typed. Forces
 * follow the mass unit: kilogram-force beside kg, pound-force beside lb.
 */
import type { LengthUnit, MassUnit } from '../../api/index.ts';
import { NEWTONS_PER_POUND_FORCE, STANDARD_GRAVITY_MPS2 } from '../../core/index.ts';

/** The international pound, exact by definition (international yard and pound agreement, 1959). */
const KILOGRAMS_PER_POUND = 0.45359237;
/** DESIGN: decimals kept on a tick before trailing zeros go; finer than any axis step shown. */
const TICK_DIGITS = 6;

/** One quantity in the chosen unit: its symbol, the conversion both ways, and its text. */
export interface UnitFormat {
  readonly symbol: string;
  /** The SI value in this unit. */
  fromSi(value: number): number;
  /** A value in this unit, in SI. */
  toSi(value: number): number;
  /** The number alone (for a column headed by the symbol); '—' when there is none. `digits` are for the SI unit; a larger unit shows more. */
  number(value: number | null | undefined, digits?: number): string;
  /** The number and its symbol; '—' when there is none. */
  format(value: number | null | undefined, digits?: number): string;
  /** The SI value in this unit as the shortest plain number (a chart's tick): 25 mm → "2.5" cm, never "2.5000000000000004". */
  plain(value: number): string;
}

export interface Units {
  readonly mass: UnitFormat;
  readonly force: UnitFormat;
  readonly length: UnitFormat;
  readonly area: UnitFormat;
  readonly speed: UnitFormat;
  /** kg → "61.5 kg" or "135.6 lb". */
  formatMass(kg: number | null | undefined): string;
  /** mm → "412 mm" or "41.2 cm". */
  formatLength(mm: number | null | undefined): string;
  /** N → "30.6 kgf" or "67.4 lbf". */
  formatForce(forceN: number | null | undefined): string;
}

function unitFormat(symbol: string, perSi: number, extraDigits: number): UnitFormat {
  const number = (value: number | null | undefined, digits = 1): string =>
    value === null || value === undefined || Number.isNaN(value) ? '—' : (value * perSi).toFixed(digits + extraDigits);
  return {
    symbol,
    fromSi: (value) => value * perSi,
    toSi: (value) => value / perSi,
    number,
    plain: (value) => String(Number((value * perSi).toFixed(TICK_DIGITS))),
    format: (value, digits) => {
      const text = number(value, digits);
      return text === '—' ? text : `${text} ${symbol}`;
    },
  };
}

const MASS: Readonly<Record<MassUnit, UnitFormat>> = {
  kg: unitFormat('kg', 1, 0),
  lb: unitFormat('lb', 1 / KILOGRAMS_PER_POUND, 0),
};
const FORCE: Readonly<Record<MassUnit, UnitFormat>> = {
  kg: unitFormat('kgf', 1 / STANDARD_GRAVITY_MPS2, 0),
  lb: unitFormat('lbf', 1 / NEWTONS_PER_POUND_FORCE, 0),
};
const LENGTH: Readonly<Record<LengthUnit, UnitFormat>> = { mm: unitFormat('mm', 1, 0), cm: unitFormat('cm', 0.1, 1) };
const AREA: Readonly<Record<LengthUnit, UnitFormat>> = { mm: unitFormat('mm²', 1, 0), cm: unitFormat('cm²', 0.01, 2) };
const SPEED: Readonly<Record<LengthUnit, UnitFormat>> = { mm: unitFormat('mm/s', 1, 0), cm: unitFormat('cm/s', 0.1, 1) };

export function unitsOf(massUnit: MassUnit, lengthUnit: LengthUnit): Units {
  const mass = MASS[massUnit];
  const force = FORCE[massUnit];
  const length = LENGTH[lengthUnit];
  return {
    mass,
    force,
    length,
    area: AREA[lengthUnit],
    speed: SPEED[lengthUnit],
    formatMass: (kg) => mass.format(kg, 1),
    formatLength: (mm) => length.format(mm, 0),
    formatForce: (forceN) => force.format(forceN, 1),
  };
}
