#!/usr/bin/env bash
# Proves that a change to the bounce parser left its output unchanged: builds the parser of REF
# and of the working tree, runs both over the corpus (every record field, and a checksum of the
# message views the formats read), over COUNT mutated inputs from a fixed seed (the fuzzer's
# Mutator), and through the parse-bounces CLI, and diffs the two.
# Usage: bench/bounce-same-output.sh [REF [COUNT]]
#   REF    default: the last main commit merged here (git merge-base HEAD main), so changes
#          that others landed on main do not count as differences
#   COUNT  mutated inputs, default 10000
# Exit 0 and "same output" when identical; exit 1 and the first differences otherwise.
# Needs only a JDK 21+ (javac); REF's output is cached under bounce-service/target/same-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
REF=${1:-$(git merge-base HEAD main)}
COUNT=${2:-10000}
SEED=20261129
M=bounce-service
CORPUS=$M/src/test/resources/corpus/bounces
DUMPER="$M/src/test/java/dev/smtpd4c/bounce/fuzz/Mutator.java $M/src/test/java/dev/smtpd4c/bounce/fuzz/OutputDump.java"
T=$(mktemp -d /tmp/bounce-same.XXXXXX)
trap 'rm -rf "$T"' EXIT

# build MODULE_DIR OUT: the parser and the CLI with what they use (no Quarkus), plus the dumper.
build() {
    mkdir -p "$2"
    "$JAVA_HOME/bin/javac" --release 21 -nowarn -encoding UTF-8 -d "$2" -sourcepath "$1/src/main/java" \
        "$1/src/main/java/dev/smtpd4c/bounce/cli/ParseBounces.java" $DUMPER
    cp -r "$1/src/main/resources/bounce" "$2/"
}

# run CLASSES OUT: the dump, then the CLI's JSON lines for both corpus folders.
run() {
    local j=("$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx2g -cp "$1")
    { "${j[@]}" dev.smtpd4c.bounce.fuzz.OutputDump "$CORPUS/maildir" "$SEED" "$COUNT"
      echo "== parse-bounces"
      "${j[@]}" dev.smtpd4c.bounce.cli.ParseBounces "$CORPUS/maildir" "$CORPUS/to-be-debugged-because" 2>&1 || true
    } > "$2"
}

KEY=$(cat <(git rev-parse "$REF:$M/src/main") $DUMPER <(echo "$SEED $COUNT") | sha1sum | cut -c1-16)
CACHE=$M/target/same-output/ref-$KEY.out
if [ ! -f "$CACHE" ]; then
    mkdir -p "$T/ref" "$(dirname "$CACHE")"
    git archive "$REF" "$M/src/main" | tar -x -C "$T/ref"
    build "$T/ref/$M" "$T/ref-classes"
    run "$T/ref-classes" "$CACHE.tmp" && mv "$CACHE.tmp" "$CACHE"
fi
build "$M" "$T/cur-classes"
run "$T/cur-classes" "$T/cur.out"

INPUTS=$(grep -c '^[FM] ' "$CACHE"); RECORDS=$(grep -c '^  ' "$CACHE"); LINES=$(sed -n '/^== parse-bounces/,$p' "$CACHE" | wc -l)
if cmp -s "$CACHE" "$T/cur.out"; then
    echo "same output as $(git rev-parse --short "$REF"): $INPUTS inputs ($COUNT mutated, seed $SEED), $RECORDS records, $((LINES - 1)) parse-bounces lines"
else
    echo "OUTPUT CHANGED against $(git rev-parse --short "$REF") (< before, > now):"
    diff "$CACHE" "$T/cur.out" | head -40
    exit 1
fi
