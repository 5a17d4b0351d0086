#!/usr/bin/env python3
"""Time statsmodels (and numpy for gemm) on exactly the inputs `bench` used, next to our numbers.

A development tool, not a dependency of Forecast. Needs numpy and statsmodels (`pip install statsmodels`;
threadpoolctl optional, used to pin and report the BLAS thread count).

Workflow (release build):

    swift build -c release
    .build/release/bench run --profile quick --format json --output ours.json --export-data bench-data
    python3 Benchmarks/compare_statsmodels.py --data bench-data --results ours.json

`bench-data/manifest.json` maps every case to its inputs (`.npy`, float64, column-major) and to our estimates
and standard errors; `ours.json` is the `bench run --format json` report. For each case this script runs the
statsmodels call a user would write, checks it against our exported results, and prints both medians and
ratio = statsmodels median / ours median (> 1: Forecast is faster).

Calls timed (each result attribute is touched so the work really happens):
    qr-solve          sm.OLS(y, X).fit().params                    (statsmodels' default pinv route)
    ols-classical     sm.OLS(y, X).fit().bse
    ols-hc1           sm.OLS(y, X).fit(cov_type="HC1").bse
    ols-hac7          sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 7}).bse
    gemm              a @ b                                        (numpy; statsmodels has no product)
    poisson           sm.GLM(y, X, family=Poisson()).fit().bse     (IRLS)
    nb2               NegativeBinomial(y, X, loglike_method="nb2").fit(method="newton", disp=0).bse
                      and the same with the default method (bfgs, maxiter 35): two rows
    nb2-many-series   the discrete NB2 fit above (newton, then bfgs) in a Python loop over every series
                      (columns of the exported y, n x m), one after another; --series K times only the first
                      K series and scales the time by m/K (the row then says "K of m series, extrapolated")
    effects-placebos  the real NB2 fit (discrete NegativeBinomial, newton), then GLM(y, [X | pulse at d],
                      NegativeBinomial(alpha=α̂)).fit(start_params=β̂) for each of the library's placebo dates d
                      (redrawn here with its generator) and the one-sided p-value of z = β̂/SE (equal to ours)
    backtest-ols-update  per expanding origin: OLS(y[:o+1], X[:o+1]).fit(), get_prediction of the next 7 days,
                      Student-t quantiles and closed-form CRPS (scipy), mean scores (CRPS, MAE, pinball, coverage)
    ingest-per-event  pandas: pd.read_csv(file) + groupby(time_end date).sum() + reindex to every day (the
                      rule of Benchmarks' pandas notes), and the same reading only the 3 used columns
                      (usecols); on the very CSV `bench` timed, `events_<size>.csv` in the --data directory
`qr-solve-dgels` times the same library call as `qr-solve` and `fit-forecast` has no statsmodels
counterpart; both are skipped.

Checks: coefficients and SEs against ours (Δβ = max|Δ| / max|β|, Δse = max relative; NB2 includes α as the
last parameter); more than 1e-6 is an error (exit status 1) except for bfgs rows, whose optimizer stops
early by design (allowed 1e-3, reported). Ingest: the pandas totals of `launched`/`destroyed` must equal the
totals summed while the file was generated (exported as `events_<size>_launched_total.npy`, ...) and ours.

Timing mirrors `bench`: one untimed call, then --repeat samples; a sample is the mean of back-to-back calls
lasting at least --min-sample seconds. Median [min-max] per call. Calls longer than 1 s (the many-series
loops, pandas on 100 MB) use --long-repeat samples (default 3).
"""

import argparse
import json
import os
import statistics
import sys
import time


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="directory written by `bench run --export-data DIR`")
    parser.add_argument("--results", required=True, help="`bench run --format json --output FILE` report")
    parser.add_argument("--repeat", type=int, default=7, help="timed samples per case (default 7)")
    parser.add_argument("--min-sample", type=float, default=0.02,
                        help="minimum duration of one sample in seconds (default 0.02)")
    parser.add_argument("--threads", type=int, default=None,
                        help="BLAS threads for numpy (default: the blasThreads of the results file)")
    parser.add_argument("--filter", default=None, help="only cases whose 'name/size' contains this substring")
    parser.add_argument("--long-repeat", type=int, default=3,
                        help="timed samples for calls longer than 1 s (default 3)")
    parser.add_argument("--series", type=int, default=None,
                        help="nb2-many-series: time only the first K series and extrapolate (default: all)")
    return parser.parse_args()


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


ARGS = parse_arguments()
OURS = load_json(ARGS.results)
MANIFEST = load_json(os.path.join(ARGS.data, "manifest.json"))
THREADS = ARGS.threads or OURS.get("environment", {}).get("blasThreads")
if THREADS:
    # Must happen before numpy loads its BLAS; threadpoolctl (below) enforces it again if present.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(THREADS)

import warnings  # noqa: E402

import numpy as np  # noqa: E402
import statsmodels  # noqa: E402
import statsmodels.api as sm  # noqa: E402
from statsmodels.discrete.discrete_model import NegativeBinomial  # noqa: E402
from statsmodels.tools.sm_exceptions import ConvergenceWarning, HessianInversionWarning  # noqa: E402

try:
    import pandas as pd  # noqa: E402
except ImportError:  # only needed for ingest-per-event
    pd = None

try:
    import threadpoolctl  # noqa: E402
except ImportError:  # optional
    threadpoolctl = None


class Call:
    """One timed statsmodels/numpy/pandas call of a case and how its result is checked against ours.

    `run()` does the work and returns what `check(result)` needs; `check` returns (Δβ, Δse) as floats or None.
    `tolerance` bounds both (None: not checked); `scale` multiplies the measured time (extrapolation);
    `note` is printed in the last column.
    """

    def __init__(self, label, run, check=None, tolerance=1e-6, scale=1.0, note=""):
        self.label, self.run, self.check, self.tolerance, self.scale, self.note = \
            label, run, check, tolerance, scale, note


def fit_checker(exported, with_alpha):
    """Compares (params, bse) with ours' estimates/standardErrors (and α, its SE last when `with_alpha`)."""
    def check(result):
        params, bse = result
        ours_params = list(exported.get("estimates", []))
        ours_se = list(exported.get("standardErrors", []))
        if with_alpha:
            ours_params += exported.get("alpha", [])
            ours_se += exported.get("alphaStandardError", [])
        delta_beta = relative_difference(ours_params, params, per_element=False) if ours_params else None
        delta_se = relative_difference(ours_se, bse, per_element=True) if (ours_se and bse is not None) else None
        return delta_beta, delta_se
    return check


def negative_binomial(y, x, method):
    """statsmodels' discrete NB2 fit (α estimated); returns (params incl. α last, bse)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", HessianInversionWarning)
        model = NegativeBinomial(y, x, loglike_method="nb2")
        result = model.fit(method=method, disp=0) if method else model.fit(disp=0)
    return np.asarray(result.params), np.asarray(result.bse)


def calls_for(entry, inputs):
    """The timed calls of one manifest case (empty when it has no counterpart here)."""
    name, size = entry["name"], entry["size"]
    exported = entry.get("ours", {})
    x, y, a, b = inputs.get("x"), inputs.get("y"), inputs.get("a"), inputs.get("b")
    ols_check = fit_checker(exported, with_alpha=False)
    if name == "qr-solve":
        return [Call("OLS(y, X).fit().params", lambda: (sm.OLS(y, x).fit().params, None), ols_check)]
    if name in ("ols-classical", "ols-hc1", "ols-hac7"):
        keywords = {"ols-classical": {}, "ols-hc1": {"cov_type": "HC1"},
                    "ols-hac7": {"cov_type": "HAC", "cov_kwds": {"maxlags": 7}}}[name]
        label = {"ols-classical": "OLS(y, X).fit().bse", "ols-hc1": "OLS.fit(cov_type='HC1').bse",
                 "ols-hac7": "OLS.fit(cov_type='HAC', maxlags=7).bse"}[name]

        def run():
            result = sm.OLS(y, x).fit(**keywords)
            return result.params, result.bse
        return [Call(label, run, ols_check)]
    if name == "gemm":
        return [Call("numpy a @ b", lambda: a @ b)]
    if name == "poisson":
        def run():
            result = sm.GLM(y, x, family=sm.families.Poisson()).fit()
            return result.params, result.bse
        return [Call("GLM(y, X, Poisson()).fit().bse", run, ols_check)]
    if name == "nb2":
        check = fit_checker(exported, with_alpha=True)
        return [Call("NegativeBinomial(nb2).fit(newton).bse", lambda: negative_binomial(y, x, "newton"), check),
                Call("NegativeBinomial(nb2).fit() [bfgs].bse", lambda: negative_binomial(y, x, None), check,
                     tolerance=1e-3, note="bfgs: loose by design")]
    if name == "nb2-many-series":
        return many_series_calls(x, y, exported)
    if name == "ingest-per-event":
        return ingest_calls(entry, inputs)
    if name == "backtest-ols-engine":
        return rolling_calls(x, y, exported)
    if name == "backtest-ols-update":
        return scored_backtest_calls(x, y, exported)
    if name == "effects-placebos":
        return placebo_calls(x, y, exported)
    return []


class Xoshiro:
    """The library's `RandomSource(seed:key:)` (SplitMix64-seeded xoshiro256**), to redraw the placebo dates."""
    MASK = (1 << 64) - 1

    def __init__(self, seed, key):
        state = ((seed ^ ((key * 0xD1B54A32D192ED03) & self.MASK)) + 0x8CB92BA72F3D8DD7) & self.MASK
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & self.MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
            words.append(z ^ (z >> 31))
        self.s = words

    @staticmethod
    def rotate(value, bits):
        return ((value << bits) | (value >> (64 - bits))) & Xoshiro.MASK

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (self.rotate((s1 * 5) & self.MASK, 7) * 9) & self.MASK
        t = (s1 << 17) & self.MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = self.rotate(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result


def placebo_calls(x, y, exported):
    """`effects-placebos` as a statsmodels loop doing the same fits: the real NB2 fit (discrete NegativeBinomial,
    newton, α by ML), then one GLM(NegativeBinomial(alpha=α̂)) fit per placebo date — the design plus a pulse at the
    date, warm-started at the real β̂, like ours — and the one-sided p-value of z = β̂/SE. The placebo dates are the
    library's rule (windows inside the data, off the real window; a seeded Fisher–Yates draw, redrawn here with
    the library's generator), so the p-value must equal ours exactly. Ours also draws 200 parameter paths for the
    excess intervals; that is a small part of its time and is not repeated here. Ours runs on every core, the
    loop on one (the note gives both)."""
    n = len(y)
    event, (first, last) = int(exported["eventDay"][0]), (int(v) for v in exported["window"])
    alpha, count = float(exported["alpha"][0]), int(exported["placebos"][0])
    eligible = [d for d in range(n) if d + last <= n - 1 and (d + last < event + first or d + first > event + last)]
    random = Xoshiro(int(exported["seed"][0]), 0x5EED)   # key: trigger index 0 + 0x5EED
    for i in range(len(eligible) - 1, 0, -1):
        j = random.next() % (i + 1)
        eligible[i], eligible[j] = eligible[j], eligible[i]
    chosen = eligible[:count]
    family = sm.families.NegativeBinomial(alpha=alpha)

    def run():
        params, bse = negative_binomial(y, x, "newton")
        start = np.append(params[:-1], 0.0)
        statistics = []
        design = np.column_stack([x, np.zeros(n)])
        for day in chosen:
            design[:, -1] = 0.0
            design[day + first:day + last + 1, -1] = 1.0
            result = sm.GLM(y, design, family=family).fit(start_params=start)
            statistics.append(result.params[-1] / result.bse[-1])
        return params, bse, np.asarray(statistics)

    def check(result):
        params, bse, statistics = result
        event_column = x.shape[1] - 1
        real = exported["coefficient"][0] / exported["standardError"][0]
        p_value = (1 + int(np.sum(statistics >= real))) / (1 + len(statistics))
        if p_value != exported["placeboPValue"][0] or len(statistics) != int(exported["placebosUsed"][0]):
            print(f"ERROR: placebo p-value {p_value} ({len(statistics)} placebos), ours {exported['placeboPValue'][0]} "
                  f"({int(exported['placebosUsed'][0])})", file=sys.stderr)
            return float("inf"), float("inf")
        return (abs(params[event_column] - exported["coefficient"][0]) / abs(exported["coefficient"][0]),
                abs(bse[event_column] - exported["standardError"][0]) / exported["standardError"][0])

    return [Call("real NB2 fit + loop: GLM(NB(α̂)).fit(start)", run, check,
                 note=f"{len(chosen)} placebos, p-value equal; Δβ, Δse: the event's β̂, SE; ours on all cores")]


def scored_backtest_calls(x, y, exported):
    """`backtest-ols-update` as a statsmodels loop doing the same work at every expanding origin: refit
    `OLS(y[:o+1], X[:o+1])`, predict the next `horizon` days (`get_prediction`: mean and se_obs), the Student-t
    predictive quantiles at ours' levels and the closed-form Student-t CRPS of each day (scipy), then the mean
    scores (CRPS, MAE, pinball loss, interval coverage). Checked: means, quantiles and CRPS of every row."""
    from scipy import special, stats
    first, horizon = int(exported["firstOrigin"][0]), int(exported["horizon"][0])
    levels = np.asarray(exported["quantileLevels"], dtype=float)
    rows = len(exported["forecastMean"])
    origins = rows // horizon

    def student_t_crps(actual, mean, scale, df):
        z = (actual - mean) / scale
        constant = 2 * np.sqrt(df) * np.exp(special.betaln(0.5, df - 0.5) - 2 * special.betaln(0.5, df / 2)) / (df - 1)
        return scale * (z * (2 * stats.t.cdf(z, df) - 1) + 2 * stats.t.pdf(z, df) * (df + z * z) / (df - 1) - constant)

    def run():
        means, quantiles, crps = [], [], []
        for i in range(origins):
            origin = first + i
            result = sm.OLS(y[:origin + 1], x[:origin + 1]).fit()
            prediction = result.get_prediction(x[origin + 1:origin + 1 + horizon])
            mean, scale, df = prediction.predicted_mean, prediction.se_obs, result.df_resid
            actual = y[origin + 1:origin + 1 + horizon]
            means.append(mean)
            quantiles.append(mean[:, None] + scale[:, None] * stats.t.ppf(levels, df)[None, :])
            crps.append(student_t_crps(actual, mean, scale, df))
        means, quantiles, crps = np.concatenate(means), np.vstack(quantiles), np.concatenate(crps)
        actual = np.concatenate([y[first + i + 1:first + i + 1 + horizon] for i in range(origins)])
        below = actual[:, None] < quantiles
        scores = {"crps": crps.mean(), "mae": np.abs(actual - means).mean(),
                  "pinball": np.mean((below - levels[None, :]) * (quantiles - actual[:, None])),
                  "coverage95": np.mean((actual >= quantiles[:, 0]) & (actual <= quantiles[:, -1]))}
        return means, quantiles, crps, scores

    def check(result):
        means, quantiles, crps, _ = result
        ours_quantiles = np.asarray(exported["quantiles"], dtype=float).reshape(rows, len(levels))
        delta_means = relative_difference(exported["forecastMean"], means, per_element=False)
        delta_quantiles = relative_difference(ours_quantiles, quantiles, per_element=False)
        delta_crps = relative_difference(exported["crps"], crps, per_element=False)
        return max(delta_means, delta_quantiles), delta_crps

    return [Call("loop: OLS.fit + get_prediction + t quantiles, CRPS, scores", run, check, tolerance=1e-8,
                 note=f"{origins} origins x {horizon} days; Δβ: means and quantiles, Δse: CRPS; ours 1 worker")]


def rolling_calls(x, y, exported):
    """statsmodels RollingOLS(expanding=True) over the same design: β̂ at every origin (params only; ours also
    computes predictive scales), checked through the forecast means x′β̂ of the 7 days after each origin."""
    from statsmodels.regression.rolling import RollingOLS
    first, horizon = int(exported["firstOrigin"][0]), int(exported["horizon"][0])
    ours_means = np.asarray(exported["forecastMean"])
    origins = len(ours_means) // horizon

    def run():
        # expanding=True grows the window from min_nobs up to `window` rows; window = n keeps it expanding.
        return RollingOLS(y, x, window=len(y), min_nobs=first + 1, expanding=True).fit(params_only=True).params

    def check(params):
        params = np.asarray(params)
        means = [x[first + i + h] @ params[first + i] for i in range(origins) for h in range(1, horizon + 1)]
        return relative_difference(list(ours_means), means, per_element=False), None
    return [Call("RollingOLS(expanding).fit(params_only)", run, check, tolerance=1e-8,
                 note=f"{origins} origins; params only")]


def many_series_calls(x, y, exported):
    """Loops of discrete NB2 fits over the series (columns of y), newton then bfgs."""
    series = y.shape[1]
    timed = min(series, ARGS.series) if ARGS.series else series
    scale = series / timed
    note = f"{series} series" if timed == series else f"{timed} of {series} series, time x{scale:g}"
    p = x.shape[1]
    ours_params = None
    if "estimates" in exported and "alpha" in exported:
        estimates = np.asarray(exported["estimates"], dtype=float).reshape(series, p)
        ours_params = np.hstack([estimates, np.asarray(exported["alpha"], dtype=float).reshape(series, 1)])

    def loop(method):
        def run():
            return np.vstack([negative_binomial(y[:, j], x, method)[0] for j in range(timed)])
        return run

    def check(params):
        if ours_params is None:
            return None, None
        return relative_difference(ours_params[:timed], params, per_element=False), None

    return [Call("loop: NegativeBinomial(nb2).fit(newton)", loop("newton"), check, scale=scale, note=note),
            Call("loop: NegativeBinomial(nb2).fit() [bfgs]", loop(None), check, tolerance=1e-3, scale=scale,
                 note=note + "; bfgs: loose by design")]


def ingest_calls(entry, inputs):
    """pandas read_csv + per-day sums on the CSV `bench` wrote (events_<size>.csv next to the manifest)."""
    if pd is None:
        print("note: pandas is not installed; skipping ingest-per-event", file=sys.stderr)
        return []
    path = os.path.join(ARGS.data, f"events_{entry['size']}.csv")
    if not os.path.exists(path):
        print(f"note: {path} is missing; skipping ingest-per-event", file=sys.stderr)
        return []
    size = os.path.getsize(path)
    expected = [int(inputs["launched_total"][0]), int(inputs["destroyed_total"][0])]
    exported = entry.get("ours", {})
    ours = [int(exported["launchedTotal"][0]), int(exported["destroyedTotal"][0])] if "launchedTotal" in exported else None

    def daily(usecols):
        def run():
            frame = pd.read_csv(path, usecols=usecols)
            day = pd.to_datetime(frame["time_end"].str.strip().str[:10], format="%Y-%m-%d")
            sums = frame[["launched", "destroyed"]].groupby(day).sum()
            sums = sums.reindex(pd.date_range(sums.index.min(), sums.index.max(), freq="D"), fill_value=0)
            return [int(sums["launched"].sum()), int(sums["destroyed"].sum())]
        return run

    def check(totals):
        wrong = totals != expected or (ours is not None and ours != expected)
        if wrong:
            print(f"ERROR: ingest totals differ: pandas {totals}, generator {expected}, ours {ours}", file=sys.stderr)
        return (float("inf") if wrong else 0.0), None

    note = f"{size / 1e6:.1f} MB"
    return [Call("pandas read_csv + groupby(date).sum", daily(None), check, note=note, tolerance=0.0),
            Call("pandas read_csv(usecols=3) + groupby", daily(["time_end", "launched", "destroyed"]), check,
                 note=note, tolerance=0.0)]


def time_calls(function):
    """(median, min, max) per-call seconds and the result of the first, untimed call (used for the checks):
    that call calibrates the sample length, then ARGS.repeat samples (ARGS.long_repeat when it took > 1 s)."""
    start = time.perf_counter()
    first = function()
    once = time.perf_counter() - start
    calls = max(1, min(10_000, int(np.ceil(ARGS.min_sample / once)) if once > 0 else 10_000))
    samples = []
    for _ in range(ARGS.long_repeat if once > 1 else ARGS.repeat):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        samples.append((time.perf_counter() - start) / calls)
    return (statistics.median(samples), min(samples), max(samples)), first


def relative_difference(ours, theirs, per_element):
    """max |ours - theirs| / max |theirs| (per_element: max over i of |ours_i - theirs_i| / |theirs_i|)."""
    ours = np.asarray(ours, dtype=float)
    theirs = np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape:
        return float("inf")
    if per_element:
        return float(np.max(np.abs(ours - theirs) / np.abs(theirs)))
    return float(np.max(np.abs(ours - theirs)) / np.max(np.abs(theirs)))


def format_time(seconds, unit=None):
    for scale, symbol in ((1e9, "ns"), (1e6, "µs"), (1e3, "ms"), (1, "s")):
        if unit == symbol or (unit is None and seconds * scale < 1000):
            value = seconds * scale
            digits = 0 if value >= 100 else 1 if value >= 10 else 2
            return f"{value:.{digits}f}", symbol
    return f"{seconds:.2f}", "s"


def format_timing(median, low, high):
    text, unit = format_time(median)
    return f"{text} {unit} [{format_time(low, unit)[0]}–{format_time(high, unit)[0]}]"


def blas_description():
    if threadpoolctl is None:
        return f"numpy {np.__version__} (threadpoolctl not installed; threads from environment)"
    parts = []
    for pool in threadpoolctl.threadpool_info():
        if pool.get("user_api") == "blas":
            parts.append(f"{pool.get('internal_api')} {pool.get('version')} core {pool.get('architecture')} "
                         f"threads {pool.get('num_threads')}")
    return f"numpy {np.__version__}: " + ("; ".join(parts) or "no BLAS pool found")


def main():
    environment = OURS.get("environment", {})
    ours_by_case = {(case["name"], case["size"]): case for case in OURS.get("cases", [])}
    limits = threadpoolctl.threadpool_limits(limits=THREADS, user_api="blas") if (threadpoolctl and THREADS) else None

    print(f"Forecast (ours): {environment.get('build')} build, profile {environment.get('profile')}, "
          f"OpenBLAS core {environment.get('openblasCoreName')}, {environment.get('blasThreads')} BLAS threads, "
          f"CPU {environment.get('cpuModel')}")
    print(f"statsmodels {statsmodels.__version__}, {blas_description()}")
    if environment.get("build") != "release":
        print("WARNING: our numbers come from a debug build; the ratios mean nothing", file=sys.stderr)
    print(f"Per-call times, median [min–max] of {ARGS.repeat} samples (each ≥ {ARGS.min_sample * 1e3:.0f} ms; "
          f"{ARGS.long_repeat} samples for calls > 1 s); "
          "ratio = statsmodels / ours (> 1: Forecast faster); Δβ = max|Δ| / max|β|, Δse = max relative")
    print()

    header = ("case", "size", "ours", "statsmodels call", "statsmodels", "ratio", "Δβ", "Δse", "note")
    rows = [header]
    failures = []
    for entry in MANIFEST["cases"]:
        name, size = entry["name"], entry["size"]
        if ARGS.filter and ARGS.filter not in f"{name}/{size}":
            continue
        inputs = {key: np.load(os.path.join(ARGS.data, file)) for key, file in entry["inputs"].items()}
        ours_case = ours_by_case.get((name, size))
        for call in calls_for(entry, inputs):
            timing, result = time_calls(call.run)
            median, low, high = (value * call.scale for value in timing)
            delta_beta = delta_se = "—"
            if call.check is not None:
                differences = call.check(result)
                for difference in differences:
                    if difference is not None and call.tolerance is not None and difference > call.tolerance:
                        failures.append(f"{name}/{size} {call.label}: {difference:.1e} > {call.tolerance:g}")
                if differences[0] is not None:
                    delta_beta = f"{differences[0]:.1e}"
                if differences[1] is not None:
                    delta_se = f"{differences[1]:.1e}"
            ours_text = ratio = "—"
            note = call.note
            if ours_case is not None:
                ours_median = ours_case["ours"]["median"]
                ours_text = format_timing(ours_median, ours_case["ours"]["min"], ours_case["ours"]["max"])
                ratio = f"{median / ours_median:.2f}"
                if name == "ingest-per-event":
                    size_mb = os.path.getsize(os.path.join(ARGS.data, f"events_{size}.csv")) / 1e6
                    note = f"{note}: ours {size_mb / ours_median:.0f} MB/s, pandas {size_mb / median:.0f} MB/s"
                baseline = ours_case.get("baseline")
                if name == "nb2-many-series" and baseline:
                    note += f"; vs ours serial {median / baseline['median']:.2f}"
            rows.append((name, size, ours_text, call.label, format_timing(median, low, high), ratio, delta_beta,
                         delta_se, note))

    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    right = {5, 6, 7}
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        print("  ".join(cells).rstrip())
    if limits is not None:
        limits.restore_original_limits()
    if failures:
        print("\nERROR: statsmodels/pandas and Forecast differ beyond tolerance:\n  " + "\n  ".join(failures),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
