/**
 * Time-domain sway metrics of a centred COP trace (shared/reference/balance.md §3.3 and §7.1
 * items 1–8), x medio-lateral and y antero-posterior in mm, at `sampleRateHz`. Moments are taken
 * about the origin (the trial mean removed before filtering, no re-centring), as the Quijoux code
 * does [Jythen positional.py]; every average divides by N.
 */

export interface TimeMetrics {
  readonly pathLengthMm: number;
  readonly pathLengthApMm: number;
  readonly pathLengthMlMm: number;
  readonly meanVelocityMmS: number;
  readonly meanVelocityApMmS: number;
  readonly meanVelocityMlMmS: number;
  readonly rmsMm: number;
  readonly rmsApMm: number;
  readonly rmsMlMm: number;
  readonly rangeApMm: number;
  readonly rangeMlMm: number;
  readonly meanDistanceMm: number;
  readonly meanDistanceApMm: number;
  readonly meanDistanceMlMm: number;
  readonly ellipseArea95Mm2: number;
  readonly ellipseArea95ChiSquareMm2: number;
  readonly swayAreaMm2S: number;
  readonly meanFrequencyHz: number;
  readonly meanFrequencyApHz: number;
  readonly meanFrequencyMlHz: number;
}

/** 95 % coverage of the ellipse (Prieto 1996's AREA-CE and the Quijoux code) [Prieto96], [Jythen]. */
export const ELLIPSE_COVERAGE = 0.95;
/** χ²(0.95, 2) = −2·ln(0.05) = 5.991, Schubert & Kirchner's constant [SchubertKirchner14], [tomvredeveld]. */
export const CHI_SQUARE_95_2DOF = -2 * Math.log(1 - ELLIPSE_COVERAGE);

/**
 * F(0.95; 2, d) quantile in closed form: for 2 numerator degrees of freedom the CDF is
 * 1 − (d/(d + 2x))^(d/2), so x = (d/2)·((1 − p)^(−2/d) − 1). Equals scipy.stats.f.ppf(p, 2, d).
 */
export function fQuantile2(p: number, d: number): number {
  return (d / 2) * ((1 - p) ** (-2 / d) - 1);
}

/**
 * 95 % prediction ellipse area, Quijoux's finite-sample form [Jythen positional.py], [Duarte15]:
 * 2π·F₀.₉₅(2, N−2)·(N+1)(N−1)/(N(N−2))·√(s_x²s_y² − s_xy²), moments with 1/N.
 */
function ellipseArea(n: number, sxx: number, syy: number, sxy: number): number {
  const det = Math.max(0, sxx * syy - sxy * sxy);
  return Math.PI * ellipseScale(n) * Math.sqrt(det);
}

/** The squared-radius factor of that ellipse: 2·F₀.₉₅(2, N−2)·(N+1)(N−1)/(N(N−2)). */
function ellipseScale(n: number): number {
  return 2 * fQuantile2(ELLIPSE_COVERAGE, n - 2) * (((n + 1) * (n - 1)) / (n * (n - 2)));
}

/** The 95 % prediction ellipse as a shape, mm: its area is `ellipseArea95Mm2`'s for the same moments. */
export interface PredictionEllipse {
  readonly centreXMm: number;
  readonly centreYMm: number;
  readonly semiMajorMm: number;
  readonly semiMinorMm: number;
  /** Of the major axis, from +x towards +y, radians. */
  readonly angleRad: number;
}

/**
 * The ellipse of `ellipseArea95Mm2` drawn about the trace's own mean (a stabilogram of absolute
 * COP): semi-axes √(scale·λ) from the eigenvalues λ of the 1/N covariance. Needs N ≥ 3.
 */
export function predictionEllipse95(x: ArrayLike<number>, y: ArrayLike<number>): PredictionEllipse | undefined {
  const n = Math.min(x.length, y.length);
  if (n < 3) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  sxx /= n;
  syy /= n;
  sxy /= n;
  const half = (sxx + syy) / 2;
  const spread = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy * sxy);
  const scale = ellipseScale(n);
  return {
    centreXMm: mx,
    centreYMm: my,
    semiMajorMm: Math.sqrt(scale * (half + spread)),
    semiMinorMm: Math.sqrt(scale * Math.max(0, half - spread)),
    angleRad: 0.5 * Math.atan2(2 * sxy, sxx - syy),
  };
}

/** Needs N ≥ 3 (the ellipse's F quantile needs N − 2 ≥ 1). */
export function timeMetrics(x: Float64Array, y: Float64Array, sampleRateHz: number): TimeMetrics {
  const n = x.length;
  let path = 0;
  let pathAp = 0;
  let pathMl = 0;
  let swept = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let distance = 0;
  let distanceAp = 0;
  let distanceMl = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    sxx += xi * xi;
    syy += yi * yi;
    sxy += xi * yi;
    distance += Math.sqrt(xi * xi + yi * yi);
    distanceAp += Math.abs(yi);
    distanceMl += Math.abs(xi);
    if (xi < minX) minX = xi;
    if (xi > maxX) maxX = xi;
    if (yi < minY) minY = yi;
    if (yi > maxY) maxY = yi;
    if (i + 1 < n) {
      const dx = (x[i + 1] as number) - xi;
      const dy = (y[i + 1] as number) - yi;
      path += Math.sqrt(dx * dx + dy * dy);
      pathAp += Math.abs(dy);
      pathMl += Math.abs(dx);
      swept += Math.abs((x[i + 1] as number) * yi - (y[i + 1] as number) * xi);
    }
  }
  sxx /= n;
  syy /= n;
  sxy /= n;
  const meanDistanceMm = distance / n;
  const meanDistanceApMm = distanceAp / n;
  const meanDistanceMlMm = distanceMl / n;
  // Mean velocity divides by N/fs [Jythen]; the mean speed inside mean frequency by (N−1)/fs.
  const durationS = n / sampleRateHz;
  const spanS = (n - 1) / sampleRateHz;
  return {
    pathLengthMm: path,
    pathLengthApMm: pathAp,
    pathLengthMlMm: pathMl,
    meanVelocityMmS: path / durationS,
    meanVelocityApMmS: pathAp / durationS,
    meanVelocityMlMmS: pathMl / durationS,
    rmsMm: Math.sqrt(sxx + syy),
    rmsApMm: Math.sqrt(syy),
    rmsMlMm: Math.sqrt(sxx),
    rangeApMm: maxY - minY,
    rangeMlMm: maxX - minX,
    meanDistanceMm,
    meanDistanceApMm,
    meanDistanceMlMm,
    ellipseArea95Mm2: ellipseArea(n, sxx, syy, sxy),
    ellipseArea95ChiSquareMm2: CHI_SQUARE_95_2DOF * Math.PI * Math.sqrt(Math.max(0, sxx * syy - sxy * sxy)),
    swayAreaMm2S: swept / (2 * spanS),
    // Prieto's mean frequency: a circle of radius MDIST run at the mean speed [Prieto96], [Jythen].
    meanFrequencyHz: path / spanS / (2 * Math.PI * meanDistanceMm),
    meanFrequencyApHz: pathAp / spanS / (4 * Math.SQRT2 * meanDistanceApMm),
    meanFrequencyMlHz: pathMl / spanS / (4 * Math.SQRT2 * meanDistanceMlMm),
  };
}
