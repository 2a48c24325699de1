/**
 * Around the signed-in workspace: the host's settings, kept current by `settings.changed`, handed
 * to every screen (use-units.ts), with the cue volume applied to the sounds.
 */
import { useEffect, type ReactNode } from 'react';
import { setCueVolume } from './cue-sound.ts';
import { useSettingsValue } from './host-hooks.ts';
import { SettingsContext } from './use-units.ts';

export function ClinicSettings({ children }: { readonly children: ReactNode }) {
  const settings = useSettingsValue();
  const volumeFrac = settings?.cueVolumeFrac;
  useEffect(() => {
    if (volumeFrac !== undefined) setCueVolume(volumeFrac);
  }, [volumeFrac]);
  return <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;
}
