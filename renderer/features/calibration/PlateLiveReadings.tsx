/**
 * The plate's live load during calibration, beside the stability thresholds it is judged by
 * (nominal sensitivity, tared once zeroed; refreshed a few times a second by the host).
 */
import type { PlateLiveView, SettleCriterionView } from '../../../api/index.ts';
import { StatsList, type StatRow } from '../../app/StatsList.tsx';

const within = (value: number | null, max: number, digits: number): string => (value === null ? '—' : `${value.toFixed(digits)} (≤ ${max.toFixed(digits)})`);

export function PlateLiveReadings({ live, criterion }: { readonly live: PlateLiveView | null; readonly criterion: SettleCriterionView }) {
  if (live === null) return <p data-testid="plate-live">No samples from the plate yet.</p>;
  const cop = live.copXMm === null || live.copYMm === null ? 'no load' : `(${live.copXMm.toFixed(1)}, ${live.copYMm.toFixed(1)}) mm`;
  const settled = live.isStable ? 'Settled' : live.isFull ? 'Not settled' : 'Collecting samples';
  const rows: StatRow[] = [
    ['Load', `${live.forceN.toFixed(1)} N`],
    ['Centre of pressure', cop],
    ['Force SD (N)', within(live.forceSdN, criterion.forceSdMaxN, 2)],
    ['Force drift (N)', within(live.forceDriftN, criterion.forceDriftMaxN, 2)],
    ['COP drift (mm)', within(live.copDriftMm, criterion.copDriftMaxMm, 2)],
  ];
  return (
    <div data-testid="plate-live">
      <p className={live.isStable ? 'state state-ready' : 'state'} data-testid="plate-live-settled">
        {settled}
      </p>
      <StatsList rows={rows} />
    </div>
  );
}
