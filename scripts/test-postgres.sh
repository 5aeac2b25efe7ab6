#!/usr/bin/env bash
# Sourced by test.sh: starts a throwaway PostgreSQL cluster on loopback for the PostgreSQL store's tests and exports
# CORDON_TEST_POSTGRES (an Npgsql connection string). Installs PostgreSQL from Debian's packages when it is missing
# and this runs as root. Nothing is done when CORDON_TEST_POSTGRES is already set: the caller gave its own server.
# Returns non-zero, saying why on stderr, when no server could be started.

cordon_test_postgres_start() {
  [[ -n "${CORDON_TEST_POSTGRES:-}" ]] && return 0
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$bin" && "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "test.sh: installing PostgreSQL from Debian's packages" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >/tmp/cordon-pg-install.log 2>&1; then
      echo "test.sh: apt-get could not install postgresql (log: /tmp/cordon-pg-install.log)" >&2
      return 1
    fi
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
  if [[ -z "$bin" ]]; then
    echo "test.sh: PostgreSQL is not installed (apt-get install postgresql, or set CORDON_TEST_POSTGRES)" >&2
    return 1
  fi

  # The server refuses to run as root: as root, the cluster belongs to the packages' unprivileged postgres user.
  CORDON_TEST_PGDIR="$(mktemp -d /tmp/cordon-pg.XXXXXX)"
  local as=()
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$CORDON_TEST_PGDIR"
    as=(runuser -u postgres --)
  fi
  if ! "${as[@]}" "$bin/initdb" -D "$CORDON_TEST_PGDIR/data" -U cordon --auth=trust -E UTF8 --locale=C.UTF-8 >"$CORDON_TEST_PGDIR/initdb.log" 2>&1; then
    echo "test.sh: initdb failed:" >&2
    cat "$CORDON_TEST_PGDIR/initdb.log" >&2
    return 1
  fi

  # A throwaway cluster: fsync off (benchmarks run their own, durable one).
  local port tries
  for tries in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    if "${as[@]}" "$bin/pg_ctl" -D "$CORDON_TEST_PGDIR/data" -l "$CORDON_TEST_PGDIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $CORDON_TEST_PGDIR -c fsync=off -c max_connections=300" start >/dev/null 2>&1; then
      CORDON_TEST_PGBIN="$bin"
      CORDON_TEST_PGAS="${as[*]}"
      export CORDON_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=cordon;Database=postgres"
      export CORDON_TEST_PGDIR CORDON_TEST_PGBIN CORDON_TEST_PGAS
      echo "test.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
      return 0
    fi
  done
  echo "test.sh: the PostgreSQL server did not start:" >&2
  tail -n 20 "$CORDON_TEST_PGDIR/server.log" >&2
  return 1
}

cordon_test_postgres_stop() {
  if [[ -n "${CORDON_TEST_PGBIN:-}" && -d "${CORDON_TEST_PGDIR:-}/data" ]]; then
    # shellcheck disable=SC2086
    ${CORDON_TEST_PGAS} "$CORDON_TEST_PGBIN/pg_ctl" -D "$CORDON_TEST_PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$CORDON_TEST_PGDIR"
  fi
}
