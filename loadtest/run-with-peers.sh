#!/usr/bin/env bash
# Our load benchmark and the peer benchmarks of ../shared/bench (from the project root), alternating, in one sitting, with the
# same JVM flags; then a summary with each of our figures' ratio to the QuickFIX/J peers and to the
# app-driven Netty ceiling (computed within each round, then median [min..max]).
#
# Usage: loadtest/run-with-peers.sh [rounds]            (default 3)
# Env:   JVM_FLAGS     default "-Xms2g -Xmx2g -XX:+AlwaysPreTouch" (the peers' flags)
#        BENCH_DIR     default ../shared/bench from the project root (quickfixj-peer/ and netty-ceiling/ built there;
#                      where it is read-only, copy it, build the copy and point BENCH_DIR at it)
#        VARIANTS      default "qfj_default netty_app qfj_lean dtc"; dtc_before runs $BEFORE_JAR the same way
#                      (or with $BEFORE_ARGS); dtc_pending runs ours with --accept PENDING_OPEN_THEN_OPEN
#                      (or with $PENDING_ARGS), the shape the before jar measures
#        DTC_ARGS      our jar's options per round, default: sequential and pipelined, every encoding
#        SESSIONS_ARGS run once after the rounds (many sessions, no peer equivalent; by default the simulator
#                      in its own -Xmx512m JVM, whose heap is the target's); "" skips it
#        BEFORE_JAR    an older dtc-loadtest.jar for before/after figures in the same sitting
#        JAVA          default java
# Output: reports/bench/peers-<time>/ : results.jsonl (every line, tagged variant and round), summary.txt,
#         summary.json, and our own run folders (index.html) beside them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ROUNDS=${1:-3}
JAVA=${JAVA:-java}
JVM_FLAGS=${JVM_FLAGS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
VARIANTS=${VARIANTS:-qfj_default netty_app qfj_lean dtc}
DTC_ARGS=${DTC_ARGS:---tests sequential,pipelined --tput-orders 100000}
SESSIONS_ARGS=${SESSIONS_ARGS---tests sessions --session-seconds 5 --sessions-simulator SEPARATE_JVM}
DTC_JAR=$ROOT/loadtest/target/dtc-loadtest.jar
QFJ_JAR=$BENCH_DIR/quickfixj-peer/target/quickfixj-peer.jar
NETTY_JAR=$BENCH_DIR/netty-ceiling/target/netty-ceiling.jar
for j in "$DTC_JAR" "$QFJ_JAR" "$NETTY_JAR"; do
  [[ -f $j ]] || { echo "missing $j: build it first (see loadtest/README.md)" >&2; exit 1; }
done
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/reports/bench/peers-$STAMP
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
echo "writing $OUT (java: $($JAVA -version 2>&1 | head -1); flags: $JVM_FLAGS)" >&2

tag() { # variant round: adds them to each JSON line on stdin
  python3 -c '
import json, sys
for line in sys.stdin:
    line = line.strip()
    if line.startswith("{"):
        r = json.loads(line); r["variant"] = sys.argv[1]; r["round"] = int(sys.argv[2]); print(json.dumps(r))
' "$1" "$2" | tee -a "$RESULTS"
}

peer() { # variant round jar -D...
  local v=$1 r=$2 jar=$3; shift 3
  echo "--- round $r: $v" >&2
  $JAVA $JVM_FLAGS "$@" -jar "$jar" | tail -1 | tag "$v" "$r"
}

dtc() { # variant round jar args...
  local v=$1 r=$2 jar=$3; shift 3
  echo "--- round $r: $v ($*)" >&2
  # shellcheck disable=SC2086
  $JAVA $JVM_FLAGS -jar "$jar" --reports "$ROOT/reports" --run "peers-$STAMP/$v-r$r" --label "$v" "$@" | tag "$v" "$r"
}

for round in $(seq 1 "$ROUNDS"); do
  for v in $VARIANTS; do
    case $v in
      qfj_default) peer $v "$round" "$QFJ_JAR" -Dvalidate=Y -Dpersist=Y ;;
      qfj_lean)    peer $v "$round" "$QFJ_JAR" -Dvalidate=N -Dpersist=N ;;
      netty_app)   peer $v "$round" "$NETTY_JAR" -Ddrive=app -Dtransport=nio ;;
      netty_loop)  peer $v "$round" "$NETTY_JAR" -Ddrive=loop -Dtransport=nio ;;
      dtc)         dtc $v "$round" "$DTC_JAR" $DTC_ARGS ;;
      dtc_before)  dtc $v "$round" "${BEFORE_JAR:?set BEFORE_JAR}" ${BEFORE_ARGS:-$DTC_ARGS} ;;
      dtc_pending) dtc $v "$round" "$DTC_JAR" ${PENDING_ARGS:-$DTC_ARGS} --accept PENDING_OPEN_THEN_OPEN ;;
      *) echo "unknown variant $v" >&2; exit 1 ;;
    esac
  done
done
if [[ -n $SESSIONS_ARGS ]]; then
  # shellcheck disable=SC2086
  dtc dtc 0 "$DTC_JAR" $SESSIONS_ARGS || echo "many-sessions run failed (see above)" >&2
fi
python3 "$ROOT/loadtest/summarize_peers.py" "$RESULTS" | tee "$OUT/summary.txt"
echo "summary: $OUT/summary.txt" >&2
