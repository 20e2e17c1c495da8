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

echo "== whole process, one core each (bounce-service/bin/parse-bounces vs Sisimai-Perl)"
# The machine is shared, so CPU time (user+sys) is reported beside wall time: both programs are
# single-threaded and pinned to one core, and CPU time is what contention distorts least.
bounce-service/bin/parse-bounces "$CORPUS/tmp" > /dev/null # first run builds the jar and the AppCDS archive
TF=$WORK.time
taskset -c 0 /usr/bin/time -f "%e %U %S" -o "$TF" bounce-service/bin/parse-bounces "$WORK" > "$WORK.java.out"
read -r JT JU JS < "$TF"
taskset -c 0 /usr/bin/time -f "%e %U %S" -o "$TF" perl bench/sisimai-parse.pl $(find "$WORK" -mindepth 2 -type d | sort) > "$WORK.perl.out"
read -r PT PU PS < "$TF"
echo "parse-bounces: ${JT} s wall, $(echo "$JU + $JS" | bc) s CPU, $(wc -l < "$WORK.java.out") results"
echo "Sisimai $(perl -MSisimai -e 'print $Sisimai::VERSION'): ${PT} s wall, $(echo "$PU + $PS" | bc) s CPU, $(wc -l < "$WORK.perl.out") results"
echo "ratio: $(echo "scale=1; $PT / $JT" | bc)x wall, $(echo "scale=1; ($PU + $PS) / ($JU + $JS)" | bc)x CPU"
rm -f "$WORK.java.out" "$WORK.perl.out" "$TF"

echo "== hostile inputs (time should grow linearly with size)"
taskset -c 0 "$JAVA" -cp "$CP" dev.smtpd4c.bounce.bench.ParseBench hostile
