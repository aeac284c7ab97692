#!/usr/bin/env bash
# Crash durability check over HTTP only: starts the Release server on a fresh SQLite file, drives concurrent
# creates and PATCHes, kills the server with SIGKILL in the middle of the load, restarts it on the same file and
# checks that every write the server acknowledged (201 / 200) is there. Exit code 0 = PASS, 1 = FAIL, 2 = setup error.
#
#   tools/crash-test.sh [--workers 16] [--seconds 15] [--port 5399] [--no-build] [--keep]
set -euo pipefail

workers=16 seconds=15 port=5399 build=1 keep=0
while (($#)); do
    case "$1" in
        --workers) workers=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --keep) keep=1; shift ;;
        *) echo "usage: $0 [--workers N] [--seconds N] [--port N] [--no-build] [--keep]" >&2; exit 2 ;;
    esac
done
for tool in curl jq dotnet; do command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }; done

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/src/Scim.Api/bin/Release/net10.0"
work=$(mktemp -d /tmp/scim-crash.XXXXXX)
base="http://127.0.0.1:$port"
run="crash$(date +%s)"
server=""
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; fi
    ((keep)) && echo "files kept in $work" || rm -rf "$work"
}
trap cleanup EXIT

if ((build)); then
    dotnet build -c Release "$root/src/Scim.Api" -nologo -v q >"$work/build.log" || { cat "$work/build.log"; exit 2; }
fi

# Starts the server on the database file and waits until /health answers; the log goes to $work/server-<n>.log.
start_server() {
    ! curl -s -o /dev/null "$base/" || { echo "error: something already listens on port $port (--port)" >&2; return 1; }
    (cd "$bin" && ConnectionStrings__Scim="Data Source=$work/scim.db" ASPNETCORE_URLS="$base" \
        exec dotnet Scim.Api.dll >"$work/server-$1.log" 2>&1) &
    server=$!
    for _ in $(seq 600); do
        curl -sf -o /dev/null "$base/health" && return 0
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    echo "error: the server did not start (see $work/server-$1.log)" >&2
    tail -20 "$work/server-$1.log" >&2
    return 1
}

start_server 1 || exit 2
# Just after it starts listening, the first start on an empty database prints a token below this line.
token=""
for _ in $(seq 300); do
    token=$(grep -A3 'Secret token (shown only now):' "$work/server-1.log" | grep -o 'scim_[A-Za-z0-9_-]*' | head -1) && break
    sleep 0.1
done
[[ -n "$token" ]] || { echo "error: no SCIM token in $work/server-1.log" >&2; exit 2; }
scim=(-s --max-time 10 -H "Authorization: Bearer $token" -H "Content-Type: application/scim+json")

# One worker: creates a user, PATCHes its title three times, and again (until stopped, or $2 users). Before a PATCH
# it logs the value it sends ("sent"), after an acknowledgement the write ("created", "patched"); else an "error".
worker() {
    local w=$1 users=${2:-0} i=0 k code id user
    while [[ ! -e "$work/stop" ]] && ((users == 0 || i < users)); do
        user="$run-w$w-$i@crash.test"
        code=$(curl "${scim[@]}" -o "$work/body-$w" -w '%{http_code}' -X POST "$base/Users" \
            -d "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"$user\",\"title\":\"initial\"}") || code=000
        if [[ $code != 201 ]]; then echo "error create $code" >>"$work/w$w.log"; i=$((i + 1)); continue; fi
        echo "created $user" >>"$work/w$w.log"
        id=""
        [[ $(<"$work/body-$w") =~ \"id\":\"([^\"]+)\" ]] && id=${BASH_REMATCH[1]}
        for k in 1 2 3; do
            echo "sent $user v$i-$k" >>"$work/w$w.log"
            code=$(curl "${scim[@]}" -o /dev/null -w '%{http_code}' -X PATCH "$base/Users/$id" \
                -d "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"v$i-$k\"}]}") || code=000
            if [[ $code == 200 ]]; then echo "patched $user v$i-$k" >>"$work/w$w.log"; else echo "error patch $code" >>"$work/w$w.log"; break; fi
        done
        i=$((i + 1))
    done
}

worker 0 1 # one user first, so the load does not start with every worker waiting for the JIT
pids=()
for w in $(seq "$workers"); do worker "$w" & pids+=($!); done
sleep "$seconds"
kill -KILL "$server"
wait "$server" 2>/dev/null || true
touch "$work/stop"
wait "${pids[@]}"

start_server 2 || { echo "FAIL: the server does not start again on the killed server's database"; exit 1; }
# Every user of this run as the restarted server returns them: "userName title", 200 per page.
start=1
while :; do
    curl "${scim[@]}" -G "$base/Users" --data-urlencode "filter=userName sw \"$run-\"" \
        --data-urlencode "attributes=userName,title" -d "count=200" -d "startIndex=$start" >"$work/page.json"
    total=$(jq -e .totalResults "$work/page.json") || { echo "FAIL: cannot list users after the restart: $(head -c 300 "$work/page.json")"; exit 1; }
    jq -r '.Resources[]? | "\(.userName) \(.title)"' "$work/page.json" >>"$work/found.txt"
    start=$((start + 200))
    ((start > total)) && break
done

# For each user: acknowledged create, last acknowledged title, and the value of a PATCH sent after it that was never
# acknowledged (the kill may have come after its commit and before its answer, so either value is right).
cat "$work"/w*.log | awk -v found="$work/found.txt" '
    $1 == "created" { created[$2] = 1; acked[$2] = "initial"; creates++ }
    $1 == "sent"    { pending[$2] = $3 }
    $1 == "patched" { acked[$2] = $3; delete pending[$2]; patches++ }
    $1 == "error" && $3 != "000" { errors++ }
    END {
        if (creates == 0) { print "nothing was acknowledged before the kill: run longer (--seconds)"; exit 1 }
        while ((getline line < found) > 0) { split(line, f, " "); title[f[1]] = f[2]; present++; extra += !(f[1] in created) }
        for (u in created) {
            if (!(u in title)) { lost++; if (lost <= 5) print "  lost create: " u; continue }
            if (title[u] == acked[u]) continue
            if ((u in pending) && title[u] == pending[u]) { unacked++; continue }
            wrong++; if (wrong <= 5) print "  " u ": title \"" title[u] "\", acknowledged \"" acked[u] "\""
        }
        printf "acknowledged: %d creates, %d PATCHes (other answers, refused connections aside: %d)\n", creates, patches, errors + 0
        printf "after restart: %d users found, %d acknowledged creates missing, %d acknowledged PATCH values lost\n", present, lost + 0, wrong + 0
        printf "in flight at the kill, committed, never acknowledged (allowed): %d creates, %d PATCHes\n", extra, unacked + 0
        exit (lost + wrong > 0)
    }' && result=PASS || result=FAIL
echo "$result (SIGKILL after ${seconds}s of load by $workers workers)"
[[ $result == PASS ]]
