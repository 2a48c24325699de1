/**
 * The clinic's settings as every screen reads them: ClinicSettings.tsx fetches them, follows
 * `settings.changed` and hands them down through SettingsContext; screens read the units with
 * `useUnits()`.
 */
import { createContext, useContext, useMemo } from 'react';
import type { SettingsView } from '../../api/index.ts';
import { unitsOf, type Units } from './units.ts';

/** The settings in force; null until the host has answered (screens then show kg and mm). */
export const SettingsContext = createContext<SettingsView | null>(null);

export function useSettings(): SettingsView | null {
  return useContext(SettingsContext);
}

/** Formatters and input conversions in the clinic's units. */
export function useUnits(): Units {
  const settings = useSettings();
  const massUnit = settings?.massUnit ?? 'kg';
  const lengthUnit = settings?.lengthUnit ?? 'mm';
  return useMemo(() => unitsOf(massUnit, lengthUnit), [massUnit, lengthUnit]);
}
