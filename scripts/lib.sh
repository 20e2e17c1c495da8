# Shared helpers for the SMTPD4C scripts. Sourced, not run.
# Every component keeps its files under $SMTPD4C_STATE (default: .smtpd4c in the repository),
# so `down` and a fresh clone never leave anything behind elsewhere.

SMTPD4C_ROOT=${SMTPD4C_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
SMTPD4C_STATE=${SMTPD4C_STATE:-$SMTPD4C_ROOT/.smtpd4c}
mkdir -p "$SMTPD4C_STATE"

say()  { printf '%s\n' "$*" >&2; }
die()  { printf 'smtpd4c: %s\n' "$*" >&2; exit 1; }

# The newest JDK 21+ : JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME; return 0
  fi
  local best="" bestv=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d"); [ -n "$v" ] || continue
    if [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ "$bestv" -lt 21 ]; then
    die "no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}; looked in /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, and set JAVA_HOME."
  fi
  export JAVA_HOME=$best
}

# Maven with the chosen JDK, quiet and non-interactive.
mvn_run() { pick_java; command -v mvn >/dev/null || die "Maven (mvn) is not installed"; mvn -B -ntp "$@"; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for DESCRIPTION SECONDS LOGFILE COMMAND... : polls COMMAND every 0.2 s; on timeout prints the log tail and fails.
wait_for() {
  local what=$1 secs=$2 log=$3; shift 3
  local i=0 max=$((secs * 5))
  until "$@" >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -ge "$max" ]; then
      say "smtpd4c: $what did not become ready within ${secs}s."
      [ -f "$log" ] && { say "--- last lines of $log ---"; tail -n 30 "$log" >&2; }
      return 1
    fi
    sleep 0.2
  done
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid PIDFILE NAME : SIGTERM, then SIGKILL after 15 s; removes the pid file.
stop_pid() {
  local pf=$1 name=$2 pid i
  if pid_alive "$pf"; then
    pid=$(cat "$pf")
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then say "$name did not stop in 15 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
    say "stopped $name"
  fi
  rm -f "$pf"
}

# m2_artifact GROUP:ARTIFACT:VERSION[:PACKAGING] : path of the artifact in the local Maven repository, fetched if missing.
m2_artifact() {
  local coords=$1 g a v p repo
  IFS=: read -r g a v p <<<"$coords"; p=${p:-jar}
  repo=${SMTPD4C_M2_REPO:-$HOME/.m2/repository}
  local f="$repo/${g//.//}/$a/$v/$a-$v.$p"
  if [ ! -f "$f" ]; then
    mvn_run -q dependency:get -Dartifact="$coords" -Dtransitive=false >&2 || die "could not fetch $coords from Maven Central"
  fi
  printf '%s\n' "$f"
}

# http_ok URL : true when URL answers 2xx. Uses curl when present, else bash's /dev/tcp (fresh machines may lack curl).
http_ok() {
  if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; return; fi
  local rest=${1#http://} hostport path host port line
  hostport=${rest%%/*}; path=/${rest#*/}; host=${hostport%:*}; port=${hostport##*:}
  exec 3<>"/dev/tcp/$host/$port" 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
  IFS= read -r -t 3 line <&3 || { exec 3<&-; return 1; }
  exec 3<&-
  [[ $line =~ ^HTTP/[0-9.]+\ 2 ]]
}

# ensure_debian_packages PKG... : installs missing Debian packages when running as root with apt-get.
ensure_debian_packages() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$SMTPD4C_STATE/apt.log" 2>&1 \
      || { tail -20 "$SMTPD4C_STATE/apt.log" >&2; return 1; }
  else
    say "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"; return 1
  fi
}
