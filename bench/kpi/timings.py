#!/usr/bin/env python3
"""Times the dashboard's heaviest KPI queries through the REST API: RUNS timed runs each, after WARMUP.

usage: timings.py BASE_URL USER:PASSWORD RUNS WARMUP PROVINCE YEAR_START MONTH_START TODAY
"""
import base64
import statistics
import sys
import time
import urllib.request
from datetime import date, timedelta


def months(start, count):
    y, m = start.year, start.month
    for _ in range(count + 1):
        yield date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def main():
    base, credentials, runs, warmup, province, year_start, month_start, today = sys.argv[1:9]
    runs, warmup = int(runs), int(warmup)
    auth = "Basic " + base64.b64encode(credentials.encode()).decode()
    year = list(months(date.fromisoformat(year_start), 12))
    month_from = date.fromisoformat(month_start)
    month_to = list(months(month_from, 1))[1]
    today = date.fromisoformat(today)
    tomorrow, last_30, last_7 = today + timedelta(days=1), today - timedelta(days=30), today - timedelta(days=7)
    this_month = today.replace(day=1)
    next_month = list(months(this_month, 1))[1]

    def get(path):
        request = urllib.request.Request(base + path, headers={"Authorization": auth})
        with urllib.request.urlopen(request) as response:
            body = response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
            return body

    queries = {
        # all headline KPIs of one month, one row per province
        "national overview (1 month by province)":
            [f"/api/v1/kpis?from={month_from}&to={month_to}&groupBy=province"],
        # the province's communes, each for each of 12 months
        f"province view ({province}: communes x 12 months)":
            [f"/api/v1/kpis?from={year[0]}&to={year[12]}&groupBy=commune&per=month&province={province}"],
        # 12 months of the nation, one row per month
        "national trend (12 months by month)":
            [f"/api/v1/kpis?from={year[0]}&to={year[12]}&groupBy=month"],
        # the signals' views: ~13 million VNeID logins in 30 days, ~13 million probe results in 7
        "VNeID (this month by province)":
            [f"/api/v1/vneid?from={this_month}&to={next_month}&groupBy=province"],
        "VNeID (last 30 days by province)":
            [f"/api/v1/vneid?from={last_30}&to={tomorrow}&groupBy=province"],
        f"VNeID ({province}, last 30 days)":
            [f"/api/v1/vneid?from={last_30}&to={tomorrow}&province={province}"],
        "availability (7 days by province)":
            [f"/api/v1/availability?from={last_7}&to={tomorrow}&groupBy=province"],
        "outages (national, 7 days)":
            [f"/api/v1/outages?from={last_7}&to={tomorrow}"],
        "outage summary (national, 30 days)":
            [f"/api/v1/outages/summary?from={last_30}&to={tomorrow}"],
        f"outages ({province}, 7 days)":
            [f"/api/v1/outages?from={last_7}&to={tomorrow}&province={province}"],
    }
    print("| query | requests | runs | p50 (ms) | p95 (ms) | max (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, paths in queries.items():
        samples = []
        for i in range(warmup + runs):
            started = time.perf_counter()
            for path in paths:
                get(path)
            if i >= warmup:
                samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
        print(f"| {name} | {len(paths)} | {runs} | {statistics.median(samples):.1f} | {p95:.1f} | {samples[-1]:.1f} |")


if __name__ == "__main__":
    main()
