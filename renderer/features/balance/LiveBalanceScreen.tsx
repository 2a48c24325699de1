/**
 * The live balance view: stabilogram, AP/ML time series and per-cell force bars of whatever stands
 * on the plate (LivePlateCharts), with the plate's connection and calibration.
 */
import type { DeviceSnapshot } from '../../../api/index.ts';
import type { FrameLoop } from '../../charts/frame-loop.ts';
import { CalibrationFlag } from '../calibration/CalibrationFlag.tsx';
import { connectionText } from '../devices/device-text.ts';
import { LivePlateCharts } from './LivePlateCharts.tsx';

export function LiveBalanceScreen({ plate, loop }: { readonly plate: DeviceSnapshot | undefined; readonly loop: FrameLoop }) {
  return (
    <div className="screen">
      <h1>Live balance</h1>
      <p className="state" data-testid="plate-status">
        Force plate: {plate === undefined ? 'not connected' : connectionText(plate.connection)}
      </p>
      <CalibrationFlag role="plate" calibration={plate?.calibration} />
      <LivePlateCharts loop={loop} showCells />
    </div>
  );
}
