#!/usr/bin/env bash
# Bounce parser benchmark: steady-state throughput, whole-process time against Sisimai-Perl on
# the same files in the same run (one core each: both pinned with taskset -c 0), and hostile
# inputs at growing sizes. Not part of the tests.
# Usage: bench/bounce-bench.sh [REPLICAS [RUNS]]
#   REPLICAS  copies of the 491-file test corpus parsed by both tools (default 20: 9,820 files, 41 MB)
#   RUNS      whole-process runs of each tool; the median is reported (default 3)
# Installs what it needs when run as root (Debian: libsisimai-perl, time, bc).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_debian_packages libsisimai-perl time bc
pick_java
JAVA="$JAVA_HOME/bin/java"
REPL=${1:-20}
RUNS=${2:-3}
CORPUS=bounce-service/src/test/resources/corpus/bounces/maildir
mvn -B -ntp -q -pl bounce-service compile
CP=bounce-service/target/classes
WORK=$(mktemp -d /tmp/bounce-bench.XXXXXX)
trap 'rm -rf "$WORK" "$WORK".*' EXIT
for i in $(seq 1 "$REPL"); do mkdir -p "$WORK/c$i"; cp -r "$CORPUS"/. "$WORK/c$i/"; done
FILES=$(find "$WORK" -type f | wc -l)
BYTES=$(find "$WORK" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "machine: $(nproc) cores, $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1), $(uname -m); $("$JAVA" -version 2>&1 | head -1); $(date -u '+%F %H:%M') UTC"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared: CPU time is the figure to compare)"
echo "corpus: $FILES files, $(echo "scale=1; $BYTES / 1000000" | bc) MB ($REPL copies of $CORPUS)"

echo "== steady state, one core (taskset -c 1), corpus held in memory"
echo -n "C1 only (the JIT of bin/parse-bounces): "
taskset -c 1 "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" dev.smtpd4c.bounce.bench.ParseBench throughput "$CORPUS"
echo -n "C1 + C2 (the JIT of the long-running service): "
taskset -c 1 "$JAVA" -XX:+UseSerialGC -cp "$CP" dev.smtpd4c.bounce.bench.ParseBench throughput "$CORPUS"

# one_run NAME COMMAND... : one timed run pinned to core 0; prints "wall cpu results".
one_run() {
    local name=$1; shift
    taskset -c 0 /usr/bin/time -f "%e %U %S" -o "$WORK.time" "$@" > "$WORK.$name.out" 2> "$WORK.$name.err"
    read -r w u s < "$WORK.time"
    echo "$w $(echo "$u + $s" | bc) $(wc -l < "$WORK.$name.out")"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
DIRS=$(find "$WORK" -mindepth 2 -type d | sort)
SISIMAI="perl bench/sisimai-parse.pl"
JAVA_CMD="bounce-service/bin/parse-bounces"

echo "== whole process, one core each (taskset -c 0), median of $RUNS runs, runs interleaved"
$JAVA_CMD "$CORPUS/tmp" > /dev/null # the first run builds the jar and the class-data archive
: > "$WORK.j"; : > "$WORK.p"
for r in $(seq 1 "$RUNS"); do
    j=$(one_run java $JAVA_CMD "$WORK"); p=$(one_run perl $SISIMAI $DIRS)
    echo "run $r: parse-bounces $j | Sisimai $p   (wall s, CPU s, results)"
    echo "$j" >> "$WORK.j"; echo "$p" >> "$WORK.p"
done
JW=$(cut -d' ' -f1 "$WORK.j" | median); JC=$(cut -d' ' -f2 "$WORK.j" | median)
PW=$(cut -d' ' -f1 "$WORK.p" | median); PC=$(cut -d' ' -f2 "$WORK.p" | median)
echo "parse-bounces: ${JW} s wall, ${JC} s CPU, $(cut -d' ' -f3 "$WORK.j" | head -1) results"
echo "Sisimai $(perl -MSisimai -e 'print $Sisimai::VERSION'): ${PW} s wall, ${PC} s CPU, $(cut -d' ' -f3 "$WORK.p" | head -1) results"
echo "ratio: $(echo "scale=1; $PW / $JW" | bc)x wall, $(echo "scale=1; $PC / $JC" | bc)x CPU"
echo "parse-bounces throughput, whole process: $(echo "$FILES / $JC" | bc) messages/s, $(echo "scale=1; $BYTES / 1000000 / $JC" | bc) MB/s of CPU time"

echo "== fixed cost and cost per further copy (CPU s, median of $RUNS): where the time goes"
fixed() { for r in $(seq 1 "$RUNS"); do one_run "$@" | cut -d' ' -f2; done | median; }
mkdir -p "$WORK.empty"
J0=$(fixed java $JAVA_CMD "$WORK.empty"); J1=$(fixed java $JAVA_CMD "$WORK/c1")
P1=$(fixed perl $SISIMAI $(find "$WORK/c1" -mindepth 1 -type d | sort))
JM=$(echo "scale=4; ($JC - $J1) / ($REPL - 1)" | bc); PM=$(echo "scale=4; ($PC - $P1) / ($REPL - 1)" | bc)
echo "parse-bounces: JVM start-up alone ${J0} s; one copy ${J1} s; each further copy ${JM} s"
echo "Sisimai: one copy ${P1} s; each further copy ${PM} s"
echo "ratio per further copy (the limit for an ever larger corpus): $(echo "scale=1; $PM / $JM" | bc)x"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== hostile inputs (time should grow linearly with size)"
taskset -c 1 "$JAVA" -cp "$CP" dev.smtpd4c.bounce.bench.ParseBench hostile
