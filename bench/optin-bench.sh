#!/bin/sh
# Sign-ups per second and sign-up → SMTP-accepted time of optin-service at a fixed offered rate,
# against the loopback GreenMail relay (the transactional SLI; issue 5 aims for p99 < 1 s at 200/s).
#   usage: bench/optin-bench.sh [RATE [SECONDS]]        (default 200 sign-ups/s for 30 s)
#   needs: PostgreSQL on 127.0.0.1:5432, Kafka on 127.0.0.1:9092, Knot DNS
#          on 127.0.0.1:15353 (./smtpd4c platform start), JDK 21+ (JAVA_HOME), psql.
#   env:   OPTIN_BENCH_PORT (18091), OPTIN_BENCH_DB (smtpd4c_optin_bench, created when missing),
#          OPTIN_BENCH_OPTS (extra -D settings for the service, e.g. -Dquarkus.mailer.max-pool-size=20)
# Not part of the tests: it prints figures; record them in BENCHMARKS.md with the machine's load.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${1:-200}
seconds=${2:-30}
port=${OPTIN_BENCH_PORT:-18091}
db=${OPTIN_BENCH_DB:-smtpd4c_optin_bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
out=$root/optin-service/target/bench
run=$(date +%s)
mkdir -p "$out"
cd "$root"

# Its own GreenMail (SMTP 3125, API 8125, 1 GiB heap), started and stopped here: tens of thousands
# of mails would exhaust the shared test instance's 256 MiB heap (it keeps every mail in memory).
gm_jar=$(ls ~/.m2/repository/com/icegreen/greenmail-standalone/*/greenmail-standalone-*.jar 2>/dev/null | tail -1)
[ -n "$gm_jar" ] || mvn -B -ntp -q dependency:get -Dartifact=com.icegreen:greenmail-standalone:2.1.8 >&2
gm_jar=$(ls ~/.m2/repository/com/icegreen/greenmail-standalone/*/greenmail-standalone-*.jar | tail -1)
"$java" -Xmx1g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=3125 -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8125 -jar "$gm_jar" >"$out/greenmail.log" 2>&1 &
gm=$!
pid=
trap 'for p in $pid $gm; do kill $p 2>/dev/null || true; wait $p 2>/dev/null || true; done' EXIT INT TERM
i=0
until curl -sf -o /dev/null "http://127.0.0.1:8125/api/service/readiness"; do
  i=$((i + 1)); [ $i -lt 120 ] || { echo "the benchmark's GreenMail did not start ($out/greenmail.log)" >&2; exit 1; }
  sleep 0.5
done
sql() { PGPASSWORD=${SMTPD4C_DB_PASSWORD:-smtpd4c} psql -h 127.0.0.1 -U smtpd4c -d "$db" -v ON_ERROR_STOP=1 -Atq "$@"; }
if ! sql -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -Atqc "CREATE DATABASE $db OWNER smtpd4c" >/dev/null \
    || { echo "cannot create database $db (needs the postgres superuser over TCP)" >&2; exit 1; }
fi

mvn -B -ntp -q -pl optin-service package -DskipTests >&2
# A fresh schema each run, so the join below sees only this run's sign-ups.
sql -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null

# The service as in production (prod profile), pointed at the loopback components. The domain
# throttle stays on but far above the offered rate, so its cost is measured and it never holds
# a mail back; abuse limits, where configured, must be off or far above the rate too.
key=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
SMTPD4C_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SMTPD4C_DB_USER=smtpd4c SMTPD4C_DB_PASSWORD=${SMTPD4C_DB_PASSWORD:-smtpd4c} \
SMTPD4C_TOKENS_ACTIVE_KID=bench SMTPD4C_TOKENS_KEYS_BENCH="$key" SMTPD4C_LIMITS_ENABLED=false SMTPD4C_DNS=${SMTPD4C_DNS:-127.0.0.1:15353} \
SMTP_PORT=3125 SMTP_SECONDARY_PORT=3125 OPTIN_PORT=$port "$java" -Xmx1g -Dsmtpd4c.mail.throttle.per-second=100000 -Dsmtpd4c.mail.throttle.burst=100000 \
  ${OPTIN_BENCH_OPTS:-} -jar optin-service/target/quarkus-app/quarkus-run.jar >"$out/service.log" 2>&1 &
pid=$!
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
  i=$((i + 1)); [ $i -lt 120 ] || { tail -30 "$out/service.log" >&2; echo "optin-service did not become ready" >&2; exit 1; }
  kill -0 $pid 2>/dev/null || { tail -30 "$out/service.log" >&2; exit 1; }
  sleep 0.5
done

load="$java -Xmx512m bench/OptinLoad.java"
# Warm-up: the same rate for 20 s (JIT, connection pools), then wait until its mails are all out,
# so the measured run starts from an empty backlog.
echo "# warm-up: $rate/s for 20 s"
$load "http://127.0.0.1:$port" "$rate" 20 "warm$run" "$out/warm.txt"
i=0
until [ "$(sql -c "SELECT count(*) FROM subscription WHERE pending_mail IS NOT NULL")" = 0 ] || [ $i -ge 240 ]; do
  i=$((i + 1)); sleep 0.5
done
echo "# measured: $rate/s for $seconds s; machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }   # the service's user + system CPU, in clock ticks
cpu0=$(cpu)
$load "http://127.0.0.1:$port" "$rate" "$seconds" "$run" "$out/run.txt"
total=$((rate * seconds))
# Wait (up to 60 s) until the relay accepted every mail of the run.
i=0
while :; do
  sent=$(sql -c "SELECT count(*) FROM subscription WHERE address LIKE 'bench-$run-%' AND confirmation_sent_at IS NOT NULL")
  [ "$sent" -ge "$total" ] || [ $i -ge 120 ] && break
  i=$((i + 1)); sleep 0.5
done
cpu1=$(cpu)
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "service CPU    $(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="$total" 'BEGIN { printf "%.2f s for %d sign-ups = %.2f ms per sign-up (request, mail, events)", t / hz, n, 1000 * t / hz / n }')"
sql <<SQL
CREATE TEMP TABLE offered (address text, sent_us bigint, status int, latency_us bigint);
\copy offered FROM '$out/run.txt' WITH (FORMAT text, DELIMITER ' ')
WITH j AS (
  SELECT (extract(epoch FROM s.confirmation_sent_at) * 1e6 - o.sent_us) / 1000.0 AS e2e_ms,
         extract(epoch FROM s.confirmation_sent_at - s.requested_at) * 1000.0 AS server_ms,
         o.sent_us, s.confirmation_sent_at
    FROM offered o JOIN subscription s ON s.address = o.address WHERE s.confirmation_sent_at IS NOT NULL)
SELECT format('mails accepted %s of %s offered', count(*), (SELECT count(*) FROM offered)) FROM j
UNION ALL
SELECT format('completed      %s sign-ups/s (first sign-up sent to last mail accepted: %s s)',
       round(count(*) / (extract(epoch FROM max(confirmation_sent_at)) - min(sent_us) / 1e6)::numeric, 1),
       round((extract(epoch FROM max(confirmation_sent_at)) - min(sent_us) / 1e6)::numeric, 2)) FROM j
UNION ALL
SELECT format('sign-up sent -> mail accepted (client clock)  p50 %s ms  p99 %s ms  max %s ms',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY e2e_ms)::numeric, 1),
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY e2e_ms)::numeric, 1), round(max(e2e_ms)::numeric, 1)) FROM j
UNION ALL
SELECT format('stored -> mail accepted (server, requested_at) p50 %s ms  p99 %s ms',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY server_ms)::numeric, 1),
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY server_ms)::numeric, 1)) FROM j;
SQL
echo "# SLI histogram on /q/metrics (warm-up included):"
curl -s "http://127.0.0.1:$port/q/metrics" | grep '^smtpd4c_send_to_accept_seconds_bucket' | grep -E 'le="(0.1|0.25|0.5|1.0|2.5|5.0|\+Inf)"'
