#!/usr/bin/env bash
# Knot DNS, authoritative for the project's test zones (dns/zones/<zone>.zone), on 127.0.0.1 and ::1.
# Zones whose name starts with "signed." are DNSSEC-signed by Knot itself (ECDSA P-256).
# usage: dns.sh start|stop|status|restart|trust-anchor ZONE
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

P=${DNS_PORT:-15353}
D=$SMTPD4C_STATE/dns
Z=${DNS_ZONES:-$SMTPD4C_ROOT/dns/zones}
CONF=$D/knot.conf

zone_names() { for z in "$Z"/*.zone; do [ -e "$z" ] || continue; n=${z##*/}; echo "${n%.zone}"; done; }

write_config() {
  mkdir -p "$D/run" "$D/db"
  {
    printf 'server:\n    rundir: "%s/run"\n    listen: [ 127.0.0.1@%s, ::1@%s ]\n' "$D" "$P" "$P"
    printf 'database:\n    storage: "%s/db"\n' "$D"
    printf 'log:\n  - target: stderr\n    any: warning\n'
    printf 'template:\n  - id: default\n    storage: "%s"\n    file: "%%s.zone"\n' "$Z"
    printf '    zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n'
    printf 'zone:\n'
    for n in $(zone_names); do
      printf '  - domain: %s\n' "$n"
      case "$n" in signed.*) printf '    dnssec-signing: on\n';; esac
    done
  } >"$CONF"
}

all_authoritative() {
  local want q
  want=$(zone_names | wc -l); q=""
  for n in $(zone_names); do q="$q $n SOA"; done
  [ "$(dig @127.0.0.1 -p "$P" +norec +time=1 +tries=1 $q 2>/dev/null | grep -c 'flags: qr aa')" -eq "$want" ]
}

case "${1:-}" in
  start)
    if [ -f "$D/run/knot.pid" ] && kill -0 "$(cat "$D/run/knot.pid")" 2>/dev/null; then say "dns already running"; exit 0; fi
    command -v knotd >/dev/null && command -v dig >/dev/null || ensure_debian_packages knot bind9-dnsutils \
      || die "Knot DNS is needed for the DNS tests (apt-get install knot bind9-dnsutils)"
    [ -n "$(zone_names)" ] || die "no zone files in $Z"
    write_config
    # Knot silently skips a broken zone at start; check every file first and say which one and why.
    out=$(knotc -c "$CONF" zone-check 2>&1) || die "a zone file is invalid: $out"
    knotd -c "$CONF" -d 2>"$D/knot.log" || { tail -20 "$D/knot.log" >&2; die "knotd failed to start"; }
    wait_for "knot dns" 20 "$D/knot.log" all_authoritative || exit 1
    say "dns ready on 127.0.0.1:$P ($(zone_names | wc -l) zones)" ;;
  stop)
    if [ -f "$CONF" ]; then knotc -c "$CONF" stop >/dev/null 2>&1 || true; fi
    pid=$(cat "$D/run/knot.pid" 2>/dev/null || true)
    if [ -n "$pid" ]; then for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done; say "stopped dns"; fi
    rm -f "$D/run/knot.pid" ;;
  restart) "$0" stop; "$0" start ;;
  status)
    if [ -f "$D/run/knot.pid" ] && kill -0 "$(cat "$D/run/knot.pid")" 2>/dev/null; then echo "dns        up    127.0.0.1:$P"; else echo "dns        down"; exit 1; fi ;;
  trust-anchor)
    [ -n "${2:-}" ] || die "usage: dns.sh trust-anchor ZONE"
    keymgr -c "$CONF" "$2" ds ;;
  *) echo "usage: $0 start|stop|status|restart|trust-anchor ZONE" >&2; exit 2 ;;
esac
