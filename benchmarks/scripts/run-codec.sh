#!/usr/bin/env bash
# Runs the codec benchmarks with short settings (about 5 minutes on 2 cores), writes the JMH JSON
# to reports/bench/codec-jmh.json, prints ns/op and B/op tables and keeps them as Markdown in
# reports/bench/codec-summary.md. Build the jar first:
#   mvn -B -q -Pbench -pl protocol,benchmarks -am package -DskipTests
# Extra arguments go to JMH, e.g. a benchmark regex or -p encoding=BINARY_ENCODING.
# BENCH_JAR and BENCH_OUT (a path ending in -jmh.json) point elsewhere, e.g. to compare two builds.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${BENCH_JAR:-benchmarks/target/benchmarks.jar}
out=${BENCH_OUT:-reports/bench/codec-jmh.json}
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -q -Pbench -pl protocol,benchmarks -am package -DskipTests" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
# Other work on the machine moves the figures: say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc -rf json -rff "$out" "$@"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 benchmarks/scripts/summary.py "$out" --markdown "${out%-jmh.json}-summary.md"
