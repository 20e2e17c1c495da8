#!/usr/bin/env bash
# Fuzz the bounce parser: bench/bounce-fuzz.sh [SECONDS=180] [SEED]
# Mutated corpus messages (byte flips, splices, truncations, repeated sections, boundary games,
# long lines, header floods); fails on any exception or super-linear input. Findings are written
# to bounce-service/target/fuzz-findings/.
set -euo pipefail
cd "$(dirname "$0")/../bounce-service"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -o -q test-compile
exec taskset -c 0 "$JAVA_HOME/bin/java" -Xmx1g -cp target/classes:target/test-classes \
    dev.smtpd4c.bounce.fuzz.FuzzMain "${1:-180}" src/test/resources/corpus/bounces/maildir ${2:+"$2"}
