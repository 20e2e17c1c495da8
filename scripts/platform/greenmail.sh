#!/usr/bin/env bash
# GreenMail SMTP servers on loopback that tests can read back over HTTP.
# Two instances, because optin-service fails over between two relays:
#   primary   SMTP 3025, IMAP 3143, HTTP API 8025
#   secondary SMTP 3026, IMAP 3144, HTTP API 8026
# usage: greenmail.sh start|stop|status [primary|secondary|all]   (default all)
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

GREENMAIL_VERSION=${GREENMAIL_VERSION:-2.1.8}
D=$SMTPD4C_STATE/greenmail
mkdir -p "$D"

ports() { case "$1" in primary) echo "3025 3143 8025";; secondary) echo "3026 3144 8026";; *) die "unknown instance $1";; esac; }


start_one() {
  local name=$1 smtp imap api jar
  read -r smtp imap api < <(ports "$name")
  if pid_alive "$D/$name.pid"; then say "greenmail $name already running"; return 0; fi
  port_open 127.0.0.1 "$smtp" && die "port $smtp is already taken by another process"
  pick_java
  jar=$(m2_artifact "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION")
  setsid nohup "$JAVA_HOME/bin/java" -Xmx256m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$imap" \
    -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$api" \
    -jar "$jar" >"$D/$name.log" 2>&1 </dev/null &
  echo $! >"$D/$name.pid"
  wait_for "greenmail $name" 60 "$D/$name.log" http_ok "http://127.0.0.1:$api/api/service/readiness" \
    || { stop_pid "$D/$name.pid" "greenmail $name"; exit 1; }
  say "greenmail $name ready: SMTP 127.0.0.1:$smtp, API http://127.0.0.1:$api"
}

which_ones() { case "${1:-all}" in all) echo primary secondary;; *) echo "$1";; esac; }

case "${1:-}" in
  start)  for n in $(which_ones "${2:-all}"); do start_one "$n"; done ;;
  stop)   for n in $(which_ones "${2:-all}"); do stop_pid "$D/$n.pid" "greenmail $n"; done ;;
  status)
    rc=0
    for n in $(which_ones "${2:-all}"); do
      read -r smtp imap api < <(ports "$n")
      if pid_alive "$D/$n.pid" && port_open 127.0.0.1 "$smtp"; then printf 'greenmail  up    %s SMTP 127.0.0.1:%s API :%s\n' "$n" "$smtp" "$api"
      else printf 'greenmail  down  %s\n' "$n"; rc=1; fi
    done; exit $rc ;;
  *) echo "usage: $0 start|stop|status [primary|secondary|all]" >&2; exit 2 ;;
esac
