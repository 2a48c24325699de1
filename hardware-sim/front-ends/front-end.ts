/**
 * What every front end offers the simulator: a way to pull the cable and put it back.
 *
 * unplug(): the host sees its port close (in-process: the Duplex closes; PTY: the device path
 * disappears; TCP: the socket is destroyed and connections are refused); the device keeps running.
 * replug(): the same endpoint comes back (same PTY path, same TCP port); the host must reopen it.
 * close(): releases everything (child processes, temp dirs, sockets). All are idempotent.
 */

export type FrontEndKind = 'in-process' | 'pty' | 'tcp';

export interface FrontEnd {
  readonly kind: FrontEndKind;
  readonly isUnplugged: boolean;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}
