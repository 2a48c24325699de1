#!/usr/bin/python3
"""Independent NumPy/SciPy reference for Proprio's sway metrics (docs/metrics.md).

Written from shared/reference/balance.md section 7.1 with SciPy's own routines (butter, filtfilt,
resample_poly, welch, stats.f), NumPy vectorised formulas and a vectorised sample entropy; it
shares no code with core/balance/. Run with Debian's /usr/bin/python3 (python3-numpy, python3-scipy).

stdin: JSON {"signals": [{"name", "x", "y", "fs", "filter"}], "repeat": optional int}
stdout: JSON {"results": {name: {metric: value or null}}, "ms": {name: median milliseconds}}
"""
import json
import math
import sys
import time
from fractions import Fraction

import numpy as np
from scipy import signal as sps
from scipy import stats

np.seterr(all="ignore")  # undefined metrics (0/0) become null below

SPECTRAL_FS = 100
ENTROPY_FS = 20


def to_rate(x, fs, target):
    step = fs / target
    if float(step).is_integer():
        return x[:: int(step)]
    ratio = Fraction(round(target * 1000), round(fs * 1000))
    return sps.resample_poly(x, ratio.numerator, ratio.denominator)


def spectral(x100):
    if len(x100) < 2000:
        return None
    f, p = sps.welch(x100, fs=SPECTRAL_FS, window="hann", nperseg=1000, noverlap=500, nfft=4096, detrend="linear")
    band = (f >= 0.15) & (f <= 5)
    fb, pb = f[band], p[band]
    m0, m1, m2 = pb.sum(), (fb * pb).sum(), (fb**2 * pb).sum()
    if not m0 * (f[1] - f[0]) > 1e-12 * np.var(x100):
        return None
    cum = np.cumsum(pb)
    return {
        "median": fb[np.argmax(cum >= 0.5 * m0)],
        "f95": fb[np.argmax(cum >= 0.95 * m0)],
        "centroid": math.sqrt(m2 / m0),
        "dispersion": math.sqrt(max(0.0, 1 - m1**2 / (m0 * m2))),
    }


def sample_entropy(x, m=2, r_sd=0.2):
    n = len(x)
    if n < m + 2:
        return None
    sd = np.std(x, ddof=1)
    if not sd > 0:
        return None
    r = r_sd * sd
    count = n - m
    emb = np.lib.stride_tricks.sliding_window_view(x, m + 1)[:count]
    b = a = 0
    for i in range(count - 1):
        d = np.abs(emb[i + 1 :] - emb[i])
        within_m = np.all(d[:, :m] <= r, axis=1)
        b += int(within_m.sum())
        a += int((within_m & (d[:, m] <= r)).sum())
    if a == 0 or b == 0:
        return None
    return -math.log(a / b)


def metrics(x, y, fs, filtered):
    x = np.asarray(x, float) - np.mean(x)
    y = np.asarray(y, float) - np.mean(y)
    if filtered:
        b, a = sps.butter(4, 10, btype="low", fs=fs)
        x, y = sps.filtfilt(b, a, x), sps.filtfilt(b, a, y)
    n = len(x)
    dx, dy = np.diff(x), np.diff(y)
    steps = np.hypot(dx, dy)
    dist = np.hypot(x, y)
    sxx, syy, sxy = np.mean(x * x), np.mean(y * y), np.mean(x * y)
    det = max(0.0, sxx * syy - sxy**2)
    k = ((n + 1) * (n - 1)) / (n * (n - 2))
    ellipse = 2 * np.pi * stats.f.ppf(0.95, 2, n - 2) * k * math.sqrt(det)
    chi2 = stats.chi2.ppf(0.95, 2) * np.pi * math.sqrt(det)
    speed = steps.sum() * fs / (n - 1)
    out = {
        "pathLengthMm": steps.sum(),
        "meanVelocityMmS": steps.sum() * fs / n,
        "meanVelocityApMmS": np.abs(dy).sum() * fs / n,
        "meanVelocityMlMmS": np.abs(dx).sum() * fs / n,
        "rmsMm": math.sqrt(np.mean(dist**2)),
        "rmsApMm": math.sqrt(syy),
        "rmsMlMm": math.sqrt(sxx),
        "rangeApMm": np.ptp(y),
        "rangeMlMm": np.ptp(x),
        "meanDistanceMm": dist.mean(),
        "ellipseArea95Mm2": ellipse,
        "swayAreaMm2S": np.abs(x[1:] * y[:-1] - y[1:] * x[:-1]).sum() / (2 * (n - 1) / fs),
        "meanFrequencyHz": speed / (2 * np.pi * dist.mean()),
        "pathLengthApMm": np.abs(dy).sum(),
        "pathLengthMlMm": np.abs(dx).sum(),
        "meanDistanceApMm": np.abs(y).mean(),
        "meanDistanceMlMm": np.abs(x).mean(),
        "meanFrequencyApHz": np.abs(dy).sum() * fs / (n - 1) / (4 * math.sqrt(2) * np.abs(y).mean()),
        "meanFrequencyMlHz": np.abs(dx).sum() * fs / (n - 1) / (4 * math.sqrt(2) * np.abs(x).mean()),
        "ellipseArea95ChiSquareMm2": chi2,
    }
    for axis, series in (("Ap", y), ("Ml", x)):
        s100 = to_rate(series, fs, SPECTRAL_FS)
        spec = spectral(s100)
        out["medianFrequency" + axis + "Hz"] = None if spec is None else spec["median"]
        out["f95" + axis + "Hz"] = None if spec is None else spec["f95"]
        out["centroidalFrequency" + axis + "Hz"] = None if spec is None else spec["centroid"]
        out["frequencyDispersion" + axis] = None if spec is None else spec["dispersion"]
        out["sampleEntropy" + axis] = sample_entropy(to_rate(s100, SPECTRAL_FS, ENTROPY_FS))
    return {key: (None if value is None or not np.isfinite(value) else float(value)) for key, value in out.items()}


def main():
    request = json.load(sys.stdin)
    repeat = int(request.get("repeat", 1))
    results, timings = {}, {}
    for item in request["signals"]:
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            results[item["name"]] = metrics(item["x"], item["y"], item["fs"], item["filter"])
            runs.append((time.perf_counter() - started) * 1000)
        timings[item["name"]] = float(np.median(runs))
    json.dump({"results": results, "ms": timings}, sys.stdout)


if __name__ == "__main__":
    main()
