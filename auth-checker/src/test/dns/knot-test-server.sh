#!/bin/sh
# Stand-in for scripts/platform/dns.sh (which lives in main): serves the repository's
# dns/zones/<zone>.zone with Knot DNS on 127.0.0.1/::1 so auth-checker tests can run now.
# Zones whose name starts with "signed." are DNSSEC-signed by Knot itself.
#   usage: knot-test-server.sh start|stop|status
#   env:   SMTPD4C_DNS=127.0.0.1:15353 (port taken from it), SMTPD4C_DNS_DIR=/tmp/smtpd4c-dns-<port>
set -eu
here=$(cd "$(dirname "$0")" && pwd)
zones=${SMTPD4C_ZONES:-$here/../../../../dns/zones}
zones=$(cd "$zones" && pwd)
addr=${SMTPD4C_DNS:-127.0.0.1:15353}
port=${addr##*:}
dir=${SMTPD4C_DNS_DIR:-/tmp/smtpd4c-dns-$port}
conf="$dir/knot.conf"

write_conf() {
  mkdir -p "$dir/run" "$dir/db"
  {
    echo "server:"
    echo "    rundir: \"$dir/run\""
    echo "    listen: [ 127.0.0.1@$port, ::1@$port ]"
    echo "database:"
    echo "    storage: \"$dir/db\""
    echo "log:"
    echo "  - target: stderr"
    echo "    any: warning"
    echo "template:"
    echo "  - id: default"
    echo "    storage: \"$zones\""
    echo "    file: \"%s.zone\""
    # never write back to the zone files, keep no journal: editing a file and restarting is enough
    echo "    zonefile-sync: -1"
    echo "    zonefile-load: whole"
    echo "    journal-content: none"
    echo "zone:"
    for f in "$zones"/*.zone; do
      z=${f##*/}; z=${z%.zone}
      echo "  - domain: $z"
      case "$z" in signed.*) echo "    dnssec-signing: on" ;; esac
    done
  } > "$conf"
}

ready() {
  # every zone answers its SOA authoritatively
  want=0; q=""
  for f in "$zones"/*.zone; do z=${f##*/}; q="$q ${z%.zone} SOA"; want=$((want + 1)); done
  got=$(dig @127.0.0.1 -p "$port" +norec +time=1 +tries=1 $q 2>/dev/null | grep -c 'flags: qr aa' || true)
  [ "$got" -eq "$want" ]
}

case "${1:-}" in
start)
  if ready 2>/dev/null; then echo "DNS test server already answering on 127.0.0.1:$port"; exit 0; fi
  write_conf
  knotd -c "$conf" -d
  i=0
  until ready; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then
      echo "knotd did not serve all zones on port $port. Another DNS server may hold the port" >&2
      echo "(for example main's scripts/platform/dns.sh): pick a free one with SMTPD4C_DNS=127.0.0.1:PORT." >&2
      echo "Zone check:" >&2
      for f in "$zones"/*.zone; do z=${f##*/}; knotc -c "$conf" zone-check "${z%.zone}" >&2 || true; done
      exit 1
    fi
    sleep 0.05
  done
  echo "DNS test server on 127.0.0.1:$port serving $(ls "$zones"/*.zone | wc -l) zones from $zones" ;;
stop)
  [ -f "$conf" ] && knotc -c "$conf" stop >/dev/null 2>&1 || true
  pid=$(cat "$dir/run/knot.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done; fi ;;
status)
  ready && echo "up on 127.0.0.1:$port" || { echo "down"; exit 1; } ;;
reload)
  write_conf; knotc -c "$conf" reload ;;
*) echo "usage: $0 start|stop|status|reload" >&2; exit 2 ;;
esac
