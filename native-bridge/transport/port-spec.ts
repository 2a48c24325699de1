/**
 * What a user may type as a device port (CLI, settings): a serial device path, a serial device
 * server `tcp://host:port`, or `sim:plate` / `sim:table` for the built-in simulator.
 */
import { err, ok, type Result } from '../../core/index.ts';

export type PortSpec =
  | { readonly kind: 'serial'; readonly path: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'sim'; readonly device: 'plate' | 'table' };

export function parsePortSpec(text: string): Result<PortSpec, string> {
  const spec = text.trim();
  if (spec.length === 0) return err('no port given');
  if (spec.startsWith('sim:')) {
    const device = spec.slice(4);
    return device === 'plate' || device === 'table'
      ? ok({ kind: 'sim', device })
      : err(`unknown simulated device "${device}" (use sim:plate or sim:table)`);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) return parseTcp(spec);
  if (/[\s\0]/.test(spec)) return err(`"${spec}" is not a serial device path`);
  return ok({ kind: 'serial', path: spec });
}

function parseTcp(spec: string): Result<PortSpec, string> {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    return err(`"${spec}" is not a valid tcp://host:port address`);
  }
  if (url.protocol !== 'tcp:') return err(`unsupported scheme "${url.protocol}" (use tcp://host:port)`);
  const port = Number(url.port);
  if (url.hostname === '' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return err(`"${spec}" needs a host and a port 1-65535, like tcp://127.0.0.1:4001`);
  }
  if (url.pathname !== '' && url.pathname !== '/') return err(`"${spec}" must not have a path`);
  return ok({ kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port });
}

export function describePortSpec(spec: PortSpec): string {
  switch (spec.kind) {
    case 'serial':
      return spec.path;
    case 'tcp':
      return `tcp://${spec.host}:${spec.port}`;
    case 'sim':
      return `sim:${spec.device}`;
  }
}
