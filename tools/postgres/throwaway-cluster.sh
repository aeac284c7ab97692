#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: a temporary folder, listening on 127.0.0.1 only, on a free port.
#
#   eval "$(tools/postgres/throwaway-cluster.sh start)"   # exports SCIM_TEST_PG (an Npgsql connection string) and SCIM_PG_ROOT
#   tools/postgres/throwaway-cluster.sh stop "$SCIM_PG_ROOT"
#
# Installs Debian's postgresql package when initdb/pg_ctl are missing. As root it runs the server as the 'postgres'
# user (initdb refuses root). DURABLE=1 keeps fsync and synchronous commits on (benchmarks); the default turns them
# off, which only tests may do.
set -euo pipefail

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}

start() {
    local bin
    if ! bin=$(find_bin); then
        echo "Installing PostgreSQL (Debian package)..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
        bin=$(find_bin)
    fi

    local root port owner=()
    root=$(mktemp -d /tmp/scim-pg.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    printf 'scim\n' > "$root/pwfile"
    if [[ $(id -u) == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown -R postgres "$root"
        owner=(runuser -u postgres --)
    fi

    local settings="-c listen_addresses=127.0.0.1 -p $port -k $root -c max_connections=300 -c shared_buffers=256MB"
    if [[ ${DURABLE:-0} != 1 ]]; then
        settings+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi

    "${owner[@]}" "$bin/initdb" -D "$root/data" -U scim --pwfile="$root/pwfile" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 || { cat "$root/initdb.log" >&2; exit 1; }
    "${owner[@]}" "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 -o "$settings" start >/dev/null \
        || { cat "$root/server.log" >&2; exit 1; }
    echo "export SCIM_PG_ROOT='$root'"
    echo "export SCIM_TEST_PG='Host=127.0.0.1;Port=$port;Username=scim;Password=scim;Database=postgres'"
}

stop() {
    local root=${1:?usage: $0 stop ROOT} bin owner=()
    bin=$(find_bin)
    [[ $(id -u) == 0 ]] && owner=(runuser -u postgres --)
    "${owner[@]}" "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$root"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop ROOT" >&2; exit 2 ;;
esac
