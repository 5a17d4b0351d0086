#!/usr/bin/env python3
"""Writes a synthetic daily count series of N days for the scaling table (Benchmarks/scaling.sh).

Block bootstrap of the shipped `datasets/strikes_daily.csv` (`launched`): 28-day blocks drawn with replacement
from a fixed seed, so the series keeps the data's weekly pattern, dispersion and zero days. Dates run from
1925-01-01. The same N and seed give the same bytes. Usage: synthetic_series.py N OUT.csv [--seed S]
"""
import argparse
import csv
import datetime
import random
from pathlib import Path

parser = argparse.ArgumentParser()
parser.add_argument("days", type=int)
parser.add_argument("output")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

source = Path(__file__).resolve().parent.parent / "datasets" / "strikes_daily.csv"
with open(source, newline="") as f:
    values = [int(row["launched"]) for row in csv.DictReader(f) if row["launched"] != ""]

block = 28
rng = random.Random(args.seed)
series = []
while len(series) < args.days:
    start = rng.randrange(len(values) - block)
    series.extend(values[start:start + block])
series = series[:args.days]

first = datetime.date(1925, 1, 1)
with open(args.output, "w") as out:
    out.write("date,launched\n")
    for i, value in enumerate(series):
        out.write(f"{first + datetime.timedelta(days=i)},{value}\n")
