#!/usr/bin/env python3
"""Summarise run-with-peers.sh results: our figures (variant dtc, dtc_before) against the peers
(qfj_default, qfj_lean) and the ceiling (netty_app, netty_loop), ratios taken within each round,
then median [min..max]. Latency ratio > 1: ours slower. Throughput ratio < 1: ours slower.
The peers measure throughput at 1000 orders in flight only, so our pipelined rows are compared
with that one figure whatever their N (the N=1000 row is the like-for-like one)."""
import json
import statistics
import sys
from collections import defaultdict

rows = [json.loads(l) for p in sys.argv[1:] for l in open(p) if l.strip()]
peers = defaultdict(dict)   # round -> variant -> row
ours = defaultdict(list)    # (variant, test, encoding, inflight/sessions) -> rows
for r in rows:
    if r.get("bench") == "dtc":
        key = (r["variant"], r["test"], r["encoding"], r.get("inflight", r.get("sessions", "")))
        ours[key].append(r)
    else:
        peers[r["round"]][r["variant"]] = r
peer_names = sorted({v for rd in peers.values() for v in rd})


def fmt(v):
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}" if abs(v) < 1 else f"{v:.1f}"


def spread(vals):
    return f"{fmt(statistics.median(vals))} [{fmt(min(vals))}..{fmt(max(vals))}]" if vals else "-"


out = {"peers": {}, "ours": [], "ratios": []}
print("== peers: median [min..max] over rounds")
for v in peer_names:
    line = []
    for m in ("lat_p50_us", "lat_p99_us", "lat_p999_us", "tput_orders_per_s"):
        vals = [float(rd[v][m]) for rd in peers.values() if v in rd and m in rd[v]]
        line.append(f"{m}={spread(vals)}")
        out["peers"].setdefault(v, {})[m] = vals
    print(f"  {v:12s} " + "  ".join(line))

print("\n== ours, and ratios to each peer (within a round)")
for key in sorted(ours, key=lambda k: (k[0], k[1], k[2], int(k[3]) if str(k[3]).isdigit() else 0)):
    variant, test, enc, n = key
    rs = ours[key]
    if test == "sequential":
        metrics = ["lat_p50_us", "lat_p99_us", "lat_p999_us"]
    elif test == "sessions":
        # The heap figures the run has: the simulator's own JVM when it ran in one, else the shared one.
        metrics = ["tput_orders_per_s"] + [m for m in ("simulator_jvm_heap_after_gc_mb", "simulator_jvm_threads",
                                                       "heap_after_gc_mb") if all(m in r for r in rs)]
    else:
        metrics = ["tput_orders_per_s"]
    label = f"{variant} {test} {enc}" + (f" N={n}" if test == "pipelined" else f" M={n}" if test == "sessions" else "")
    print(f"  {label}")
    for m in metrics:
        vals = [float(r[m]) for r in rs]
        ratio_txt = []
        for p in peer_names:
            if test == "sessions":
                continue
            ratios = [float(r[m]) / float(peers[r["round"]][p][m]) for r in rs
                      if p in peers.get(r["round"], {}) and m in peers[r["round"]][p]]
            if ratios:
                ratio_txt.append(f"/{p} {spread(ratios)}")
                out["ratios"].append({"ours": label, "metric": m, "peer": p, "median": statistics.median(ratios),
                                      "min": min(ratios), "max": max(ratios), "n": len(ratios)})
        print(f"    {m:18s} {spread(vals):28s} " + "  ".join(ratio_txt))
        out["ours"].append({"ours": label, "metric": m, "values": vals})
print(json.dumps(out, separators=(",", ":")))
