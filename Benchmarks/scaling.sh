#!/bin/bash
# Timing table for the two searches that refit a model many times: `fit --changepoints auto --model nb2` and the
# date-shift table of `effects --design regression --shift 30` (placebos off, so the table is what is timed), and
# for a weekly backtest scored against its baselines (`backtest --model ols --horizon 28`, every origin from the
# second year on: least squares is updated, so the baselines' empirical-error distributions are what grows), on
# synthetic daily count series of 1,000, 10,000 and 36,000 days (Benchmarks/synthetic_series.py: a seeded block
# bootstrap of datasets/strikes_daily.csv). Prints one Markdown row per command and length: wall and CPU (user)
# seconds and peak resident memory, from /usr/bin/time. One BLAS thread. Not a test: times on a shared machine are
# noisy (the load average is printed first); CPU seconds are the steadier column.
#
# Usage: Benchmarks/scaling.sh [FORECAST_BINARY] [DAYS ...]   (default .build/release/forecast 1000 10000 36000)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/forecast}
lengths=(1000 10000 36000)
[[ $# -gt 1 ]] && lengths=("${@:2}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export OPENBLAS_NUM_THREADS=1
echo "load: $(uptime | sed 's/.*load average/load average/')"
echo "| command | days | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|"
for days in "${lengths[@]}"; do
    file="$scratch/s$days.csv"
    python3 Benchmarks/synthetic_series.py "$days" "$file"
    middle=$(python3 -c "import datetime; print(datetime.date(1925, 1, 1) + datetime.timedelta(days=$days // 2))")
    run() {
        local label=$1; shift
        /usr/bin/time -f "%e %U %M" -o "$scratch/time" "$binary" "$@" > /dev/null
        read -r wall user kb < "$scratch/time"
        echo "| $label | $days | $wall | $user | $((kb / 1024)) |"
    }
    run "fit --changepoints auto --model nb2" fit "$file" --changepoints auto --model nb2
    run "effects --design regression --shift 30 --placebos 0" effects "$file" --event "$middle:x" --design regression \
        --shift 30 --placebos 0
    run "backtest --model ols --horizon 28 --first 1926-01-01" backtest "$file" --model ols --horizon 28 \
        --first 1926-01-01
done
