#!/usr/bin/env bash
# sunset-service evaluation benchmark: N recipients (default 1,000,000) with a realistic engagement
# history (bench/sunset-seed.sql), evaluated by the packaged service in its production profile.
# Measures the first evaluation (every row ACTIVE, about half change), the time until the outbox
# has published every status event to Kafka, a second evaluation (little changes), and a dry run;
# the service's peak RSS (VmHWM) and the database size.
#
# Usage: bench/sunset-bench.sh [RECIPIENTS]      (one command; not part of the test suite: too slow)
# Needs the machine's PostgreSQL on 127.0.0.1:5432 with superuser access (as ./smtpd4c needs it) to
# create the throw-away database smtpd4c_sunset_bench, and starts its own Kafka broker on port 19092
# (state in .smtpd4c/sunset-bench), so a million status events never reach the shared broker.
# The service runs with -Xmx384m: the heap the Kubernetes deployment gives it (75% of 512 MiB).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
RECIPIENTS=${1:-1000000}
DB=smtpd4c_sunset_bench
PORT=${SUNSET_BENCH_PORT:-18084}
BENCH_STATE=$SMTPD4C_STATE/sunset-bench
KAFKA_PORT=${SUNSET_BENCH_KAFKA_PORT:-19092}
mkdir -p "$BENCH_STATE"
pick_java

su_psql() { psql -h 127.0.0.1 -U "${PGUSER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
db_psql() { PGPASSWORD=${SMTPD4C_DB_PASSWORD:-smtpd4c} psql -h 127.0.0.1 -U "${SMTPD4C_DB_USER:-smtpd4c}" -d "$DB" -v ON_ERROR_STOP=1 -Atq "$@"; }
now() { date +%s.%N; }
secs() { printf '%.1f' "$(echo "$2 - $1" | bc)"; }
mib() { echo $(( $1 / 1024 )); }
post() { curl -sf -X POST "http://127.0.0.1:$PORT$1"; }
pending() { db_psql -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"; }

SERVICE_PID=
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  SMTPD4C_STATE=$BENCH_STATE KAFKA_PORT=$KAFKA_PORT scripts/platform/kafka.sh stop >/dev/null 2>&1 || true
  [ "${KEEP_DB:-0}" = 1 ] || su_psql -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

JAR=sunset-service/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "$(find sunset-service/src sunset-service/pom.xml -newer "$JAR" -print -quit)" ]; then
  say "building sunset-service (mvn package -DskipTests)"
  mvn_run -q -pl sunset-service package -DskipTests >"$BENCH_STATE/build.log" 2>&1 || { tail -20 "$BENCH_STATE/build.log"; die "build failed"; }
fi

SMTPD4C_STATE=$BENCH_STATE KAFKA_PORT=$KAFKA_PORT scripts/platform/kafka.sh start >/dev/null
su_psql -c "DROP DATABASE IF EXISTS $DB" >/dev/null
su_psql -c "CREATE DATABASE $DB OWNER ${SMTPD4C_DB_USER:-smtpd4c}" >/dev/null

# The production profile, as deployed; the intake consumers are off so only the evaluation writes.
SMTPD4C_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
SMTPD4C_DB_USER=${SMTPD4C_DB_USER:-smtpd4c} SMTPD4C_DB_PASSWORD=${SMTPD4C_DB_PASSWORD:-smtpd4c} \
  "$JAVA_HOME/bin/java" -Xmx384m -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dsmtpd4c.evaluation.every=off -Dsmtpd4c.complaint-rate.every=off \
  -Dmp.messaging.incoming.subscription-events.enabled=false -Dmp.messaging.incoming.engagement-events.enabled=false \
  -Dmp.messaging.incoming.bounce-events.enabled=false -Dmp.messaging.incoming.suppression-events.enabled=false \
  -jar "$JAR" >"$BENCH_STATE/service.log" 2>&1 &
SERVICE_PID=$!
wait_for "sunset-service on :$PORT" 120 "$BENCH_STATE/service.log" http_ok "http://127.0.0.1:$PORT/q/health/ready" || { tail -30 "$BENCH_STATE/service.log"; die "service did not start"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); PostgreSQL $(db_psql -c 'SHOW server_version'); $(date -u +%FT%TZ)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t=$(now)
db_psql -v recipients="$RECIPIENTS" -f bench/sunset-seed.sql >"$BENCH_STATE/seed.out"
ROWS=$(db_psql -c "SELECT count(*) FROM engagement")
echo "seed: $RECIPIENTS recipients, $ROWS engagement rows in $(secs "$t" "$(now)") s; database $(db_psql -c "SELECT pg_size_pretty(pg_database_size('$DB'))")"
RSS_START=$(awk '/VmRSS/ {print $2}' /proc/$SERVICE_PID/status)

run() { # label, endpoint
  local t0 t1 t2 body
  t0=$(now)
  body=$(post "$2")
  t1=$(now)
  while [ "$(pending)" != 0 ]; do sleep 0.2; done
  t2=$(now)
  local changed
  changed=$(db_psql -c "SELECT changed FROM evaluation_run ORDER BY started_at DESC LIMIT 1")
  echo "$1: evaluated $ROWS rows in $(secs "$t0" "$t1") s ($(echo "$ROWS / ($t1 - $t0)" | bc) rows/s), $changed status changes;" \
       "every event published to Kafka $(secs "$t0" "$t2") s after the start ($(secs "$t1" "$t2") s after the evaluation returned)"
}
run "first evaluation" /api/v1/evaluations
run "second evaluation" /api/v1/evaluations
t=$(now)
post "/api/v1/evaluations?dryRun=true&sample=0" >"$BENCH_STATE/dryrun.json"
echo "dry run: $ROWS rows in $(secs "$t" "$(now)") s, transitions $(sed 's/.*"transitions":\({[^}]*}\).*/\1/' "$BENCH_STATE/dryrun.json")"

HWM=$(awk '/VmHWM/ {print $2}' /proc/$SERVICE_PID/status)
RSS=$(awk '/VmRSS/ {print $2}' /proc/$SERVICE_PID/status)
echo "service memory: peak RSS $(mib "$HWM") MiB (VmHWM; $(mib "$RSS_START") MiB after start-up, $(mib "$RSS") MiB at the end), heap limit 384 MiB"
echo "database after: $(db_psql -c "SELECT pg_size_pretty(pg_database_size('$DB'))") (engagement $(db_psql -c "SELECT pg_size_pretty(pg_total_relation_size('engagement'))"), outbox $(db_psql -c "SELECT pg_size_pretty(pg_total_relation_size('outbox_event'))") with $(db_psql -c "SELECT count(*) FROM outbox_event") published events kept for the retention)"
echo "statuses: $(db_psql -c "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) n FROM engagement GROUP BY status) s")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
