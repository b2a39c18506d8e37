#!/usr/bin/env bash
# The same PostgreSQL 15 (Debian's binaries, the same data directory layout) as a plain host process,
# as an LXC container through proxmox-lxcri, and as a runc container of the same OCI bundle.
# Interleaved rounds (host, lxc, runc, host, ...); each run starts from a copy of one pgbench data set.
# Measures: time to accept connections, PSS of the PostgreSQL processes and of the runtime's own
# resident processes, the memory charged to the server's cgroup, and pgbench -S latency and
# throughput. The host server runs in cgroups of its own too (see make_host_cgroups).
# Prints ratios against the host and writes everything to results/<date>.txt.
#
# Needs root, lxc, runc, postgresql-15 (pgbench, pg_isready from postgresql-client-15), a JDK 17,
# and lxc-oci packaged (./mvnw -B -pl lxc-oci/proxmox-lxcri -am package -DskipTests) unless proxmox-lxcri is installed.
# Usage: examples/bench/postgres/run.sh [ROUNDS=3] [SECONDS=10] [CLIENTS=4]
set -euo pipefail

ROUNDS=${1:-3}
DURATION=${2:-10}
CLIENTS=${3:-4}
SCALE=5
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
PG=/usr/lib/postgresql/15/bin
LXCRI=${PROXMOX_LXCRI:-$REPO/lxc-oci/bin/proxmox-lxcri}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WORK=$(mktemp -d /tmp/pvekit-pgbench.XXXXXX); chmod 755 "$WORK"   # the postgres user walks to its home
RESULTS="$HERE/results/$(date -u +%Y-%m-%d).txt"
LXC_ROOT=$WORK/lxc-root
RUNC_ROOT=$WORK/runc-root
ID=pgbench$$

fail() { echo "FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root"
for tool in "$PG/postgres" "$PG/initdb" "$PG/pg_isready" /usr/bin/pgbench runc lxc-start java javac python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install postgresql-15 postgresql-client-15 runc lxc openjdk-17-jdk-headless python3)"
done
id -u postgres >/dev/null 2>&1 || fail "no postgres user on the host (apt-get install postgresql-15)"
PG_UID=$(id -u postgres)
PG_GID=$(id -g postgres)

cleanup() {
  set +e
  "$LXCRI" --root "$LXC_ROOT" delete --force "$ID-lxc" >/dev/null 2>&1
  runc --root "$RUNC_ROOT" delete --force "$ID-runc" >/dev/null 2>&1
  [ -n "${HOST_PID:-}" ] && kill -INT "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null
  for dir in "${HOST_CGROUPS[@]}"; do rmdir "$dir"; done
  rm -rf "$WORK"
}
trap cleanup EXIT

exec > >(tee "$RESULTS") 2>&1
echo "# command: examples/bench/postgres/run.sh $ROUNDS $DURATION $CLIENTS"
echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  host: $(uname -srm), $(nproc) CPUs, $(awk '/MemTotal/{print $2" kB"}' /proc/meminfo)"
echo "# load before: $(cat /proc/loadavg)"
echo "# postgres: $($PG/postgres --version); runc: $(runc --version | head -1); lxc: $(lxc-start --version)"
echo "# pgbench: -S -T $DURATION -c $CLIENTS -j $CLIENTS, scale $SCALE; port $PORT; one fresh copy of the data per run"

# --- the bundle, made by the test-scope classes the integration test uses --------------------------
CP_FILE=$WORK/classpath
(cd "$REPO" && ./mvnw -B -o -q -pl examples dependency:build-classpath -Dmdep.includeScope=test \
   -Dmdep.outputFile="$CP_FILE" >/dev/null) || fail "mvnw dependency:build-classpath"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$(cat "$CP_FILE")" \
  "$REPO"/examples/src/test/java/io/pvekit/examples/Postgres{Rootfs,Image,Bundle}.java || fail javac
HOME_DIR=$WORK/home                       # bound to /var/lib/postgresql in the containers
BUNDLE=$(java -cp "$WORK/classes:$(cat "$CP_FILE")" io.pvekit.examples.PostgresBundle \
  "$WORK/image-work" "$HOME_DIR" "$PORT" "$PG_UID" "$PG_GID") || fail "PostgresBundle"
echo "# bundle: $BUNDLE (rootfs $(du -sh "$BUNDLE/rootfs" | cut -f1))"
cmp -s "$PG/postgres" "$BUNDLE/rootfs$PG/postgres" || fail "the bundle's postgres differs from the host's"

# --- the data set: initdb + pgbench -i with the host's binaries, copied before every run -----------
TEMPLATE=$WORK/template
mkdir -p "$TEMPLATE"; chown "$PG_UID:$PG_GID" "$TEMPLATE"; chmod 700 "$TEMPLATE"
# exec: started with &, $! must be the server itself, not a subshell around it
as_pg() { exec setpriv --reuid="$PG_UID" --regid="$PG_GID" --clear-groups env -i PATH=/usr/bin:/bin TZ=UTC LANG=C "$@"; }
(as_pg "$PG/initdb" -D "$TEMPLATE/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null) \
  || fail initdb
# The host server gets cgroups of its own, as a systemd service would and as the containers do:
# under CPU contention a task in a cgroup competes as a group (cpu.shares 1024 against every
# task of the parent), so a server left in the parent cgroup would be favoured.
HOST_CGROUPS=()
make_host_cgroups() {
  local ctrl path dir
  if [ -e /sys/fs/cgroup/cgroup.controllers ]; then  # unified only
    path=$(awk -F: '$1=="0"{print $3}' /proc/self/cgroup)
    dir=/sys/fs/cgroup${path%/}/pvekit-pgbench-$$
    mkdir "$dir" && HOST_CGROUPS+=("$dir"); return
  fi
  while IFS=: read -r _ ctrl path; do
    case $ctrl in cpu|cpuacct|cpu,cpuacct|memory|pids) ;; *) continue ;; esac
    [ -d "/sys/fs/cgroup/$ctrl" ] || continue
    dir=/sys/fs/cgroup/$ctrl${path%/}/pvekit-pgbench-$$
    mkdir "$dir" && HOST_CGROUPS+=("$dir")
  done </proc/self/cgroup
}
start_host() {
  (
    for dir in "${HOST_CGROUPS[@]}"; do echo "$BASHPID" >"$dir/cgroup.procs"; done
    as_pg "$PG/postgres" -D "$HOME_DIR/data" -p "$PORT" -c listen_addresses=127.0.0.1 \
      -c unix_socket_directories=/tmp -c jit=off
  ) >>"$HOME_DIR/startup.log" 2>&1 &
  HOST_PID=$!
}
fresh_home() { rm -rf "$HOME_DIR"; cp -a "$1" "$HOME_DIR"; }
fresh_home "$TEMPLATE"; start_host
await_ready() { # Debian's /usr/bin/pg_isready is a perl wrapper: poll with the binary itself
  local deadline=$(( $(date +%s) + 60 ))
  until "$PG/pg_isready" -q -h 127.0.0.1 -p "$PORT"; do
    [ "$(date +%s)" -lt "$deadline" ] || { tail -20 "$HOME_DIR/startup.log"; fail "PostgreSQL did not accept connections in 60 s"; }
    sleep 0.01
  done
}
await_ready
pgbench -h 127.0.0.1 -p "$PORT" -U postgres -i -s "$SCALE" -q postgres >/dev/null 2>&1 || fail "pgbench -i"
kill -TERM "$HOST_PID"; wait "$HOST_PID" || fail "host postgres exit status $?"; HOST_PID=
rm -rf "$TEMPLATE"; mv "$HOME_DIR" "$TEMPLATE"; : >"$TEMPLATE/startup.log"
chown "$PG_UID:$PG_GID" "$TEMPLATE/startup.log"   # the containers' start script appends to it
# after the data set is made, so that its page cache is not charged to the host server's cgroup
make_host_cgroups
echo "# host server cgroups: ${HOST_CGROUPS[*]:-none}"

now_ms() { date +%s%3N; }
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
pss_kb() { # sum of Pss over pids
  local sum=0 pid v
  for pid in "$@"; do
    v=$(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0); sum=$((sum + ${v:-0}))
  done
  echo "$sum"
}
tree_pids() { echo "$1"; pgrep -P "$1" || true; }
cgroup_kb() { # memory charged to the cgroup of a pid: v1 memory controller, else the unified one
  local pid=$1 path
  path=$(awk -F: '$2=="memory"{print $3}' "/proc/$pid/cgroup")
  if [ -n "$path" ] && [ -r "/sys/fs/cgroup/memory$path/memory.usage_in_bytes" ]; then
    echo $(( $(cat "/sys/fs/cgroup/memory$path/memory.usage_in_bytes") / 1024 )); return
  fi
  path=$(awk -F: '$1=="0"{print $3}' "/proc/$pid/cgroup")
  for base in /sys/fs/cgroup/unified /sys/fs/cgroup; do
    [ -r "$base$path/memory.current" ] && { echo $(( $(cat "$base$path/memory.current") / 1024 )); return; }
  done
  echo NA
}
runtime_pids() { # the runtime's own resident processes for a container id (not the container's)
  local id=$1 server=$2 pid ns
  ns=$(readlink "/proc/$server/ns/pid")
  for pid in $(pgrep -f -- "$id" || true); do
    [ "$(readlink "/proc/$pid/ns/pid" 2>/dev/null)" = "$ns" ] && continue
    echo "$pid"
  done
}

run_one() { # runtime round
  local rt=$1 round=$2 t0 t1 server rpids out tps lat status
  fresh_home "$TEMPLATE"
  t0=$(now_ms)
  case $rt in
    host) start_host; server=$HOST_PID ;;
    lxc)
      "$LXCRI" --root "$LXC_ROOT" create --bundle "$BUNDLE" "$ID-lxc" || fail "proxmox-lxcri create"
      "$LXCRI" --root "$LXC_ROOT" start "$ID-lxc" || fail "proxmox-lxcri start" ;;
    runc)
      runc --root "$RUNC_ROOT" run -d --bundle "$BUNDLE" "$ID-runc" </dev/null >/dev/null 2>&1 \
        || fail "runc run -d" ;;
  esac
  await_ready
  t1=$(now_ms)
  case $rt in
    lxc) server=$("$LXCRI" --root "$LXC_ROOT" state "$ID-lxc" | json_field pid) ;;
    runc) server=$(runc --root "$RUNC_ROOT" state "$ID-runc" | json_field pid) ;;
  esac
  [ "$(cat "/proc/$server/comm")" = postgres ] || fail "$rt: pid $server is $(cat "/proc/$server/comm"), not postgres"
  out=$(pgbench -h 127.0.0.1 -p "$PORT" -U postgres -S -T "$DURATION" -c "$CLIENTS" -j "$CLIENTS" postgres 2>&1) \
    || { echo "$out"; fail "$rt: pgbench exit status $?"; }
  tps=$(echo "$out" | awk '/^tps = /{print $3}')
  lat=$(echo "$out" | awk '/^latency average = /{print $4}')
  [ -n "$tps" ] && [ -n "$lat" ] || { echo "$out"; fail "$rt: no tps/latency in pgbench output"; }
  sleep 1   # backends of the pgbench clients gone
  local pg_pss rt_pss cg
  pg_pss=$(pss_kb $(tree_pids "$server"))
  if [ "$rt" = host ]; then rpids=""; else rpids=$(runtime_pids "$ID-$rt" "$server"); fi
  rt_pss=$(pss_kb $rpids)
  cg=$(cgroup_kb "$server")
  case $rt in
    host) kill -TERM "$HOST_PID"; wait "$HOST_PID" && status=0 || status=$?; HOST_PID= ;;
    lxc)
      "$LXCRI" --root "$LXC_ROOT" kill "$ID-lxc" TERM || fail "proxmox-lxcri kill"
      for _ in $(seq 1 600); do [ -s "$LXC_ROOT/$ID-lxc/exit.status" ] && break; sleep 0.05; done
      status=$(cat "$LXC_ROOT/$ID-lxc/exit.status" 2>/dev/null || echo none)
      "$LXCRI" --root "$LXC_ROOT" delete "$ID-lxc" || fail "proxmox-lxcri delete" ;;
    runc)
      runc --root "$RUNC_ROOT" kill "$ID-runc" TERM || fail "runc kill"
      for _ in $(seq 1 600); do
        [ "$(runc --root "$RUNC_ROOT" state "$ID-runc" | json_field status)" = stopped ] && break; sleep 0.05
      done
      runc --root "$RUNC_ROOT" delete "$ID-runc" || fail "runc delete"
      # runc keeps no exit status of a detached container: the server's log says how it ended
      grep -q "database system is shut down" "$HOME_DIR/startup.log" && status=0 || status=unclean ;;
  esac
  [ "$status" = 0 ] || { tail -20 "$HOME_DIR/startup.log"; fail "$rt: exit status $status"; }
  printf 'run round=%s runtime=%-4s accept_ms=%s tps=%s latency_ms=%s pg_pss_kb=%s runtime_pss_kb=%s runtime_procs=%s cgroup_kb=%s exit=%s\n' \
    "$round" "$rt" $((t1 - t0)) "$tps" "$lat" "$pg_pss" "$rt_pss" "$(echo $rpids | wc -w)" "$cg" "$status"
  echo "pgbench $rt round $round: $(echo "$out" | grep -E '^(number of transactions actually processed|latency average|tps)' | tr '\n' ';')"
}

for round in $(seq 1 "$ROUNDS"); do
  for rt in host lxc runc; do run_one "$rt" "$round"; done
done
echo "# load after: $(cat /proc/loadavg)"

python3 - "$RESULTS" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    if line.startswith("run "):
        f = dict(kv.split("=", 1) for kv in line.split()[1:])
        runs.setdefault(f["runtime"], []).append(f)
def med(rt, key):
    vals = [float(r[key]) for r in runs[rt] if r[key] != "NA"]
    return statistics.median(vals) if vals else float("nan")
print("\n## medians and ratios against the host (median of the rounds)")
print("| runtime | accept ms | ratio | tps | ratio | latency ms | ratio | PostgreSQL PSS kB | runtime PSS kB | memory ratio (PG+runtime)/host PG | cgroup kB |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
h = {k: med("host", k) for k in ("accept_ms", "tps", "latency_ms", "pg_pss_kb")}
for rt in ("host", "lxc", "runc"):
    m = {k: med(rt, k) for k in ("accept_ms", "tps", "latency_ms", "pg_pss_kb", "runtime_pss_kb", "cgroup_kb")}
    print(f"| {rt} | {m['accept_ms']:.0f} | {m['accept_ms']/h['accept_ms']:.2f} | {m['tps']:.0f} | {m['tps']/h['tps']:.3f} | "
          f"{m['latency_ms']:.3f} | {m['latency_ms']/h['latency_ms']:.3f} | {m['pg_pss_kb']:.0f} | {m['runtime_pss_kb']:.0f} | "
          f"{(m['pg_pss_kb']+m['runtime_pss_kb'])/h['pg_pss_kb']:.3f} | {m['cgroup_kb']:.0f} |")
PY
