/**
 * Port discovery: the machine's serial ports (SerialPort.list), plus ports the clinic configured
 * (serial device servers) and the simulated ones, in one list for the device picker.
 */
import { SerialPort } from 'serialport';

export interface DiscoveredPort {
  readonly spec: string;
  readonly source: 'serial' | 'configured' | 'simulated';
  readonly label: string;
}

export interface Discovery {
  readonly ports: readonly DiscoveredPort[];
  /** Set when the OS listing failed (no udev in a container, say); the other ports still work. */
  readonly serialListError: string | undefined;
}

/**
 * The fields of serialport's PortInfo we use. Its declaring package (@serialport/bindings-interface)
 * ships no types entry our module resolution finds, so the list arrives untyped without this.
 */
interface ListedPort {
  readonly path: string;
  readonly manufacturer: string | undefined;
  readonly serialNumber: string | undefined;
}

export async function discoverPorts(configured: readonly string[], simulated: readonly string[]): Promise<Discovery> {
  let serial: DiscoveredPort[] = [];
  let serialListError: string | undefined;
  try {
    const ports = (await SerialPort.list()) as ListedPort[];
    serial = ports.map((port) => ({
      spec: port.path,
      source: 'serial' as const,
      label: [port.path, port.manufacturer, port.serialNumber].filter((part) => part !== undefined && part !== '').join(' · '),
    }));
  } catch (error) {
    serialListError = error instanceof Error ? error.message : String(error);
  }
  return {
    ports: [
      ...serial,
      ...configured.map((spec) => ({ spec, source: 'configured' as const, label: `${spec} (configured)` })),
      ...simulated.map((spec) => ({ spec, source: 'simulated' as const, label: `${spec} (simulator)` })),
    ],
    serialListError,
  };
}
