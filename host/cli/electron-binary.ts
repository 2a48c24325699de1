/**
 * Whether an Electron binary is installed, found without loading the electron package's entry: that
 * module tries to download the binary when it is missing, which hangs offline (SETUP.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { found: false, reason: 'no Electron binary on this machine, and it downloads on first launch, which needs internet' };
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { found: true, path: binary } : { found: false, reason: `the Electron binary is missing at ${binary}` };
}
