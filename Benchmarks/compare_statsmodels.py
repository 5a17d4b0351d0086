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
    qr-solve       sm.OLS(y, X).fit().params                       (statsmodels' default pinv route)
    ols-classical  sm.OLS(y, X).fit().bse
    ols-hc1        sm.OLS(y, X).fit(cov_type="HC1").bse
    ols-hac7       sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 7}).bse
    gemm           a @ b                                           (numpy; statsmodels has no product)
`qr-solve-dgels` times the same library call as `qr-solve` and is skipped.

Timing mirrors `bench`: one untimed call, then --repeat samples; a sample is the mean of back-to-back calls
lasting at least --min-sample seconds. Median [min-max] per call.
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

import numpy as np  # noqa: E402
import statsmodels  # noqa: E402
import statsmodels.api as sm  # noqa: E402

try:
    import threadpoolctl  # noqa: E402
except ImportError:  # optional
    threadpoolctl = None


def statsmodels_call(name, x, y, a=None, b=None):
    """The call timed for case `name` and a function returning (params, bse) or the product for checking."""
    if name == "qr-solve":
        return "OLS(y, X).fit().params", lambda: sm.OLS(y, x).fit().params
    if name == "ols-classical":
        def run():
            result = sm.OLS(y, x).fit()
            return result.params, result.bse
        return "OLS(y, X).fit().bse", run
    if name == "ols-hc1":
        def run():
            result = sm.OLS(y, x).fit(cov_type="HC1")
            return result.params, result.bse
        return "OLS.fit(cov_type='HC1').bse", run
    if name == "ols-hac7":
        def run():
            result = sm.OLS(y, x).fit(cov_type="HAC", cov_kwds={"maxlags": 7})
            return result.params, result.bse
        return "OLS.fit(cov_type='HAC', maxlags=7).bse", run
    if name == "gemm":
        return "numpy a @ b", lambda: a @ b
    return None, None


def time_calls(function):
    """Median, min, max per-call seconds: one warm-up, then ARGS.repeat calibrated samples."""
    start = time.perf_counter()
    function()
    once = time.perf_counter() - start
    calls = max(1, min(10_000, int(np.ceil(ARGS.min_sample / once)) if once > 0 else 10_000))
    samples = []
    for _ in range(ARGS.repeat):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        samples.append((time.perf_counter() - start) / calls)
    return statistics.median(samples), min(samples), max(samples)


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
    print(f"Per-call times, median [min–max] of {ARGS.repeat} samples (each ≥ {ARGS.min_sample * 1e3:.0f} ms); "
          "ratio = statsmodels / ours (> 1: Forecast faster); Δβ = max|Δ| / max|β|, Δse = max relative")
    print()

    header = ("case", "size", "ours", "statsmodels call", "statsmodels", "ratio", "Δβ", "Δse")
    rows = [header]
    worst = 0.0
    for entry in MANIFEST["cases"]:
        name, size = entry["name"], entry["size"]
        if ARGS.filter and ARGS.filter not in f"{name}/{size}":
            continue
        inputs = {key: np.load(os.path.join(ARGS.data, file)) for key, file in entry["inputs"].items()}
        label, function = statsmodels_call(name, inputs.get("x"), inputs.get("y"), inputs.get("a"), inputs.get("b"))
        if function is None:
            continue
        ours_case = ours_by_case.get((name, size))
        result = function()
        delta_beta = delta_se = "—"
        exported = entry.get("ours", {})
        if name != "gemm" and "estimates" in exported:
            params, bse = (result, None) if name == "qr-solve" else result
            difference = relative_difference(exported["estimates"], params, per_element=False)
            worst = max(worst, difference)
            delta_beta = f"{difference:.1e}"
            if bse is not None and "standardErrors" in exported:
                difference = relative_difference(exported["standardErrors"], bse, per_element=True)
                worst = max(worst, difference)
                delta_se = f"{difference:.1e}"
        median, low, high = time_calls(function)
        ours_text = ratio = "—"
        if ours_case is not None:
            ours_median = ours_case["ours"]["median"]
            ours_text = format_timing(ours_median, ours_case["ours"]["min"], ours_case["ours"]["max"])
            ratio = f"{median / ours_median:.2f}"
        rows.append((name, size, ours_text, label, format_timing(median, low, high), ratio, delta_beta, delta_se))

    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    right = {5, 6, 7}
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        print("  ".join(cells).rstrip())
    if limits is not None:
        limits.restore_original_limits()
    if worst > 1e-6:
        print(f"\nWARNING: statsmodels and Forecast differ by up to {worst:.1e} (relative)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
