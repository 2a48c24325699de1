/**
 * The contract's settings methods over the clinic database. access.ts lets any unlocked operator
 * call `settings.update`; the clinic's policy fields (ADMIN_SETTINGS) are refused here, per field,
 * to anyone but an admin. A change is audited under the operator and pushed to every screen.
 */
import { ADMIN_SETTINGS, apiError, type ApiHandlers, type SettingName, type SettingsView } from '../../api/index.ts';
import { ok } from '../../core/index.ts';
import { readSettings, writeSettings, type Storage } from '../storage/index.ts';
import type { OperatorSession } from './operator-session.ts';
import { storageRefusal } from './storage-refusal.ts';

export function settingsHandlers(
  storage: Storage,
  session: OperatorSession,
  /** Called after a change that altered something, with the settings now in force. */
  changed: (settings: SettingsView, before: SettingsView) => void,
): Pick<ApiHandlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => ok(readSettings(storage)),
    'settings.update': (patch) => {
      const operator = session.status().operator;
      if (operator === null) return apiError('not-signed-in', 'Please sign in first.');
      const adminOnly = (Object.keys(patch) as SettingName[]).filter((name) => ADMIN_SETTINGS.includes(name));
      if (operator.role !== 'admin' && adminOnly.length > 0) {
        const message = 'only an administrator may change this';
        return apiError(
          'forbidden',
          `Only an administrator may change ${adminOnly.join(', ')}; nothing was saved.`,
          adminOnly.map((path) => ({ path, message })),
        );
      }
      const before = readSettings(storage);
      const written = writeSettings(storage, patch, operator.id);
      if (!written.ok) return storageRefusal(written.error);
      if (JSON.stringify(written.value) !== JSON.stringify(before)) changed(written.value, before);
      return written;
    },
  };
}
