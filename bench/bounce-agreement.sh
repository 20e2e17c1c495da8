#!/usr/bin/env bash
# Agreement of the bounce parser with a labelled corpus: reason, status and hard/soft agreement,
# files Sisimai 5.3.0 reads that we do not, the per-reason confusion table, the rows that differ,
# and the leave-one-family-out (LOFO) figure — the honest estimate for mail we were not tuned on.
# Usage: bench/bounce-agreement.sh [CORPUS_DIR [LABELS_FILE]]
#   CORPUS_DIR defaults to the test copy of the public corpus; LABELS_FILE to
#   CORPUS_DIR/expected.author.jsonl (same JSON lines: file, n, status, reason, hardbounce).
set -euo pipefail
cd "$(dirname "$0")/../bounce-service"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ARGS=()
for a in "$@"; do ARGS+=("$(cd "$OLDPWD" && realpath "$a")"); done
mvn -o -q test-compile
exec "$JAVA_HOME/bin/java" -cp target/classes:target/test-classes dev.smtpd4c.bounce.AgreementMain "${ARGS[@]}"
