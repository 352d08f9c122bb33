#!/usr/bin/env bash
# Runs the codec benchmarks with short settings (about 4 minutes on 2 cores), writes the JMH JSON
# to reports/bench/codec-jmh.json and prints ns/op and B/op tables. Build the jar first:
#   mvn -B -q -Pbench -pl protocol,benchmarks -am package -DskipTests
# Extra arguments go to JMH, e.g. a benchmark regex or -p encoding=BINARY_ENCODING.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -q -Pbench -pl protocol,benchmarks -am package -DskipTests" >&2; exit 1; }
mkdir -p reports/bench
java -jar "$jar" -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc -rf json -rff reports/bench/codec-jmh.json "$@"
echo
python3 benchmarks/scripts/summary.py reports/bench/codec-jmh.json --markdown reports/bench/codec-summary.md
