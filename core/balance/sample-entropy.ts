/**
 * Sample entropy (Richman & Moorman 2000 [RichmanMoorman00], as shared/reference/balance.md §3.6
 * and §7.1 item 13 give it): templates of length m, Chebyshev distance, a match when the distance
 * is ≤ r, self-matches excluded, m and m+1 counted over the same N−m templates; B = matching
 * pairs of length m, A = of length m+1, SampEn = −ln(A/B), undefined when A or B is 0.
 *
 * Cost: O(N²) pairs, on the 20 Hz series (1200 samples for 60 s). Computing it at a fixed low rate
 * is what the literature does (Montesinos et al. used 20 Hz, N = 600/1200 [Montesinos18]) and is
 * required anyway, since SampEn falls as the rate rises [RAMD-SampEn]. Templates are visited sorted
 * by their first value so only pairs whose first values lie within r are compared (an exact
 * pruning, the sorting idea of fast ApEn/SampEn algorithms; DESIGN): about 10× fewer comparisons.
 */

/** Template length m = 2 [Montesinos18], [mousetRajectory-doc] ("the usual starting point"). */
export const SAMPLE_ENTROPY_M = 2;
/** Tolerance r = 0.2 × SD of the series [Montesinos18], [EntropyHub-jl]. */
export const SAMPLE_ENTROPY_R_SD = 0.2;
/** SampEn is computed at 20 Hz (balance.md §7.1 item 13; DESIGN after [Montesinos18]). */
export const SAMPLE_ENTROPY_RATE_HZ = 20;

/** Sample SD (n − 1), as MATLAB's and Julia's std() in [MATLAB-FX-69381] and [EntropyHub-jl]. */
function sampleSd(series: Float64Array): number {
  const n = series.length;
  let mean = 0;
  for (const v of series) mean += v;
  mean /= n;
  let sum = 0;
  for (const v of series) sum += (v - mean) ** 2;
  return Math.sqrt(sum / (n - 1));
}

/**
 * SampEn(m, r·SD) of `series`; `undefined` when the series is constant or too short, or when no
 * template pair matches (A or B = 0).
 */
export function sampleEntropy(series: Float64Array, m = SAMPLE_ENTROPY_M, rSd = SAMPLE_ENTROPY_R_SD): number | undefined {
  const n = series.length;
  if (n < m + 2) return undefined;
  const sd = sampleSd(series);
  if (!(sd > 0)) return undefined;
  const r = rSd * sd;
  const templates = n - m;
  // Exact speed-up: visit templates in order of their first value, so the inner loop stops as soon
  // as the first coordinates are more than r apart; it counts the same pairs as the plain loop.
  const order = Array.from({ length: templates }, (_, i) => i).sort((p, q) => (series[p] as number) - (series[q] as number));
  let matchesM = 0;
  let matchesM1 = 0;
  for (let a = 0; a < templates - 1; a++) {
    const i = order[a] as number;
    const first = series[i] as number;
    for (let b = a + 1; b < templates; b++) {
      const j = order[b] as number;
      if ((series[j] as number) - first > r) break;
      let k = 1;
      while (k < m && Math.abs((series[i + k] as number) - (series[j + k] as number)) <= r) k++;
      if (k < m) continue;
      matchesM++;
      if (Math.abs((series[i + m] as number) - (series[j + m] as number)) <= r) matchesM1++;
    }
  }
  if (matchesM === 0 || matchesM1 === 0) return undefined;
  return -Math.log(matchesM1 / matchesM);
}
