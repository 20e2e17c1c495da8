#!/usr/bin/env bash
# Bounce parser benchmark: steady-state throughput, whole-process time against Sisimai-Perl on
# the same files (one core each, taskset -c 0), and hostile inputs at growing sizes.
# Usage: bench/bounce-bench.sh [REPLICAS]   (default 20 copies of the test corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
REPL=${1:-20}
CORPUS=bounce-service/src/test/resources/corpus/bounces/maildir
mvn -o -q -pl bounce-service compile
CP=bounce-service/target/classes
WORK=$(mktemp -d /tmp/bounce-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for i in $(seq 1 "$REPL"); do mkdir -p "$WORK/c$i"; cp -r "$CORPUS"/. "$WORK/c$i/"; done
FILES=$(find "$WORK" -type f | wc -l); MB=$(du -sm "$WORK" | cut -f1)
echo "machine: $(nproc) cores, $(uname -m); java $("$JAVA" -version 2>&1 | head -1); $(date -u +%F)"
echo "corpus: $FILES files, ${MB} MB ($REPL copies of $CORPUS)"

echo "== steady state, one core"
taskset -c 0 "$JAVA" -cp "$CP" dev.smtpd4c.bounce.bench.ParseBench throughput "$CORPUS"

echo "== whole process, one core each"
t0=$(date +%s.%N); taskset -c 0 "$JAVA" -cp "$CP" dev.smtpd4c.bounce.cli.ParseBounces "$WORK" > "$WORK.java.out"; t1=$(date +%s.%N)
t2=$(date +%s.%N); taskset -c 0 perl bench/sisimai-parse.pl $(find "$WORK" -mindepth 2 -type d | sort) > "$WORK.perl.out"; t3=$(date +%s.%N)
JT=$(echo "$t1 - $t0" | bc); PT=$(echo "$t3 - $t2" | bc)
echo "ParseBounces: ${JT} s, $(wc -l < "$WORK.java.out") results"
echo "Sisimai $(perl -MSisimai -e 'print $Sisimai::VERSION'): ${PT} s, $(wc -l < "$WORK.perl.out") results"
echo "ratio: $(echo "scale=1; $PT / $JT" | bc)x"
rm -f "$WORK.java.out" "$WORK.perl.out"

echo "== hostile inputs (time should grow linearly with size)"
taskset -c 0 "$JAVA" -cp "$CP" dev.smtpd4c.bounce.bench.ParseBench hostile
