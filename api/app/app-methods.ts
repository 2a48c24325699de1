/** About the running app: name and version (the Help menu and the report footer show them). */
import { z } from 'zod';
import { method } from '../method-spec.ts';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
}

export const APP_METHODS = {
  'app.info': method<AppInfo>()(z.strictObject({})),
};
