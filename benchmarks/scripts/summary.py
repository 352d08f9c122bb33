#!/usr/bin/env python3
"""Prints a JMH JSON result (run with -prof gc) as compact tables: ns/op, best iteration, B/op.

Usage: summary.py reports/bench/codec-jmh.json [--markdown OUT.md]
Rows are benchmarks, columns the @Param encoding; standard library only. On a shared machine the
best iteration is the figure least disturbed by other work; the mean and its error show the spread.
"""
import json
import sys

SHORT = {
    "BINARY_ENCODING": "binary",
    "BINARY_WITH_VARIABLE_LENGTH_STRINGS": "VLS",
    "JSON_ENCODING": "JSON",
    "JSON_COMPACT_ENCODING": "compact JSON",
}


def load(path):
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)
    rows, cols, cells = [], [], {}
    for r in runs:
        name = r["benchmark"].rsplit(".", 1)[-1]
        params = r.get("params", {})
        enc = SHORT.get(params.get("encoding"), params.get("encoding", "-"))
        if params.get("buffer", "heap") != "heap":
            enc += " " + params["buffer"]
        if name not in rows:
            rows.append(name)
        if enc not in cols:
            cols.append(enc)
        pm = r["primaryMetric"]
        alloc = next((m for k, m in r.get("secondaryMetrics", {}).items() if k.endswith("gc.alloc.rate.norm")), None)
        raw = [x for fork in pm.get("rawData", []) for x in fork]
        cells[(name, enc)] = (pm["score"], pm.get("scoreError"), pm["scoreUnit"], alloc["score"] if alloc else None,
                              min(raw) if raw else None)
    return rows, cols, cells


def fmt_time(cell):
    score, err, unit = cell[:3]
    # One iteration has no error: JMH writes it as NaN, or as the string "NaN" in its JSON.
    e = "" if err is None or isinstance(err, str) or err != err else " ±%.0f" % err
    return "%.0f%s" % (score, e) if unit == "ns/op" else "%.3g %s" % (score, unit)


def fmt_best(cell):
    return "-" if cell[4] is None else "%.0f" % cell[4]


def fmt_alloc(cell):
    b = cell[3]
    return "n/a (no -prof gc)" if b is None else "%.0f" % b


def table(title, rows, cols, cells, fmt, markdown):
    head = [title] + list(cols)
    body = [[r] + [fmt(cells[(r, c)]) if (r, c) in cells else "-" for c in cols] for r in rows]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(b) + " |" for b in body]
        return "\n".join(lines)
    widths = [max(len(x[i]) for x in [head] + body) for i in range(len(head))]
    def line(cells_):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells_, widths)))
    return "\n".join([line(head), line(["-" * w for w in widths])] + [line(b) for b in body])


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 2
    rows, cols, cells = load(argv[0])
    md = "--markdown" in argv
    text = "\n\n".join([
        table("ns/op (±99.9% CI)", rows, cols, cells, fmt_time, False),
        table("ns/op, best iteration", rows, cols, cells, fmt_best, False),
        table("B/op (gc.alloc.rate.norm)", rows, cols, cells, fmt_alloc, False),
    ])
    print(text)
    if md:
        out = argv[argv.index("--markdown") + 1]
        with open(out, "w", encoding="utf-8") as f:
            f.write(table("ns/op (±99.9% CI)", rows, cols, cells, fmt_time, True) + "\n\n"
                    + table("ns/op, best iteration", rows, cols, cells, fmt_best, True) + "\n\n"
                    + table("B/op", rows, cols, cells, fmt_alloc, True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
