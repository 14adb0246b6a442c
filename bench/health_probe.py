#!/usr/bin/env python3
"""Paced GET /health probe: one request every INTERVAL_MS on one keep-alive connection for SECONDS, then prints
count, errors, p50/p99/max latency in ms. Used by bench/writes.sh to measure /health while writes run.
Usage: health_probe.py HOST PORT SECONDS [INTERVAL_MS]"""
import http.client, sys, time

host, port, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
interval = (float(sys.argv[4]) if len(sys.argv) > 4 else 10.0) / 1000
lat, errors, conn = [], 0, None
end = time.monotonic() + seconds
next_at = time.monotonic()
while time.monotonic() < end:
    t0 = time.monotonic()
    try:
        if conn is None: conn = http.client.HTTPConnection(host, port, timeout=5)
        conn.request("GET", "/health")
        r = conn.getresponse(); r.read()
        if r.status != 200: errors += 1
    except Exception:
        errors += 1; conn = None
    lat.append((time.monotonic() - t0) * 1000)
    next_at += interval
    time.sleep(max(0.0, next_at - time.monotonic()))
lat.sort()
pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
print(f"health_probes: {len(lat)}\nhealth_errors: {errors}\nhealth_p50_ms: {pick(0.5):.2f}\n"
      f"health_p99_ms: {pick(0.99):.2f}\nhealth_max_ms: {lat[-1] if lat else float('nan'):.2f}")
