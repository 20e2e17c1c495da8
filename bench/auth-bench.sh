#!/bin/sh
# Warm-cache and cold SPF + DMARC latency of auth-checker against the loopback Knot server,
# with pyspf on the same zones and queries side by side.
#   usage: bench/auth-bench.sh [WARM_ITERATIONS [COLD_ITERATIONS]]
#   needs: the test DNS server serving dns/zones (scripts/platform/dns.sh start, or
#          ./smtpd4c platform start), Debian python3-spf, JDK 21+.
#   env:   SMTPD4C_DNS=127.0.0.1:15353, JAVA_HOME
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dns=${SMTPD4C_DNS:-127.0.0.1:15353}
warm=${1:-20000}
cold=${2:-300}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

if ! dig @"${dns%:*}" -p "${dns##*:}" +norec +time=1 +tries=1 good.test SOA 2>/dev/null | grep -q 'flags: qr aa'; then
  echo "no test DNS server serving dns/zones at $dns: run scripts/platform/dns.sh start (or set SMTPD4C_DNS)" >&2
  exit 1
fi

cd "$root"
# The reference, pyspf, comes from Debian (installed here when running as root).
if ! /usr/bin/python3 -c 'import spf' 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-spf; } >/dev/null 2>&1 \
      || { echo "could not install python3-spf" >&2; exit 1; }
  else
    echo "pyspf is needed: apt-get install python3-spf" >&2; exit 1
  fi
fi
mvn -o -q -pl auth-checker test-compile >&2
mvn -o -q -pl auth-checker dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >&2
cp="auth-checker/target/classes:auth-checker/target/test-classes:$(cat auth-checker/target/bench.cp)"

# Differential check first: the timings only mean something if both give the same answers.
"$java" -cp "$cp" dev.smtpd4c.auth.bench.AuthBenchmark "$dns" 0 0 bench/differential.txt > auth-checker/target/diff-java.txt
/usr/bin/python3 bench/pyspf_bench.py "$dns" 0 0 bench/differential.txt > auth-checker/target/diff-pyspf.txt
total=$(wc -l < auth-checker/target/diff-java.txt)
differ=$(diff auth-checker/target/diff-java.txt auth-checker/target/diff-pyspf.txt | grep -c '^<' || true)
echo "# SPF differential vs pyspf: $((total - differ))/$total checks give the same result"
diff auth-checker/target/diff-java.txt auth-checker/target/diff-pyspf.txt || true

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, DNS $dns, warm=$warm cold=$cold"
printf 'measurement\tn\tp50_us\tp99_us\n'
"$java" -cp "$cp" dev.smtpd4c.auth.bench.AuthBenchmark "$dns" "$warm" "$cold"
/usr/bin/python3 bench/pyspf_bench.py "$dns" "$warm" "$cold"
