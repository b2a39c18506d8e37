#!/usr/bin/env bash
# Benchmark: proxmox-lxcri vs runc vs lxc-execute on one busybox bundle, in one run.
# Usage (root): lxc-oci/bench/lifecycle.sh [ITERATIONS]
# Needs: ./mvnw package (lxc-oci/target), lxc-oci/bin/proxmox-lxcri-cds run once, runc, lxc,
# busybox-static. Prints medians in milliseconds, ratios, and the per-container memory overhead.
set -euo pipefail
N=${1:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
L=$here/bin/proxmox-lxcri
W=$(mktemp -d /tmp/lxcri-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT

mkdir -p "$W/b/rootfs"/{bin,proc,sys,dev,tmp} "$W/lxc" "$W/lxcri" "$W/runc"
cp /bin/busybox "$W/b/rootfs/bin/"
for a in sh true sleep; do ln -s busybox "$W/b/rootfs/bin/$a"; done
(cd "$W/b" && runc spec)
sed -i 's/"terminal": true/"terminal": false/; s/"sh"$/"\/bin\/true"/' "$W/b/config.json"
cp -r "$W/b" "$W/s"
sed -i 's/"\/bin\/true"/"\/bin\/sleep", "600"/' "$W/s/config.json"
cat >"$W/lxc.conf" <<CONF
lxc.rootfs.path = dir:$W/b/rootfs
lxc.mount.auto = proc:rw sys:ro
lxc.console.path = none
CONF

now() { date +%s%N; }
# measure KEY CMD...: wall time and CPU time (user+sys of the command and the children it waited
# for) in ms, appended to T[KEY] and C[KEY]. CPU time is what the command costs the node, and it
# is less disturbed than wall time by other load on the machine.
TIMEFORMAT='%R %U %S'
measure() {
  local key=$1 out
  shift
  out=$( { time "$@" </dev/null >/dev/null 2>&1 || :; } 2>&1 | tail -n 1)
  T[$key]+="$(echo "$out" | awk '{printf "%d", $1 * 1000}') "
  C[$key]+="$(echo "$out" | awk '{printf "%d", ($2 + $3) * 1000}') "
}
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
wait_gone() { while [ -e "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; do :; done; }
declare -A T C

lifecycle() { # runtime-command root bundle id
  local cmd=$1 root=$2 id=$3 t0 t1
  t0=$(now)
  $cmd --root "$root" create --bundle "$W/b" --pid-file "$W/pid" "$id" </dev/null >/dev/null 2>&1
  $cmd --root "$root" start "$id" >/dev/null
  wait_gone "$(cat "$W/pid")"
  $cmd --root "$root" delete "$id" >/dev/null
  t1=$(now)
  ms "$t0" "$t1"
}

verbs() { # runtime-command root name
  local cmd=$1 root=$2 name=$3 id
  for i in $(seq "$N"); do
    id=v$i
    measure "$name.create" $cmd --root "$root" create --bundle "$W/s" --pid-file "$W/pid" "$id"
    measure "$name.start" $cmd --root "$root" start "$id"
    measure "$name.state" $cmd --root "$root" state "$id"
    measure "$name.exec" $cmd --root "$root" exec "$id" /bin/true
    measure "$name.kill" $cmd --root "$root" kill "$id" KILL
    wait_gone "$(cat "$W/pid")"
    measure "$name.delete" $cmd --root "$root" delete "$id"
  done
}

for i in $(seq "$N"); do
  T[lxcri.lifecycle]+="$(lifecycle "$L" "$W/lxcri" l$i) "
  T[runc.lifecycle]+="$(lifecycle runc "$W/runc" l$i) "
  t0=$(now); lxc-execute -n "x$i" -P "$W/lxc" -f "$W/lxc.conf" -- /bin/true >/dev/null 2>&1; t1=$(now)
  T[lxc.lifecycle]+="$(ms "$t0" "$t1") "
done
verbs "$L" "$W/lxcri" lxcri
verbs runc "$W/runc" runc
J=$(cat "$here/target/java" 2>/dev/null || command -v java)
for i in $(seq "$N"); do
  measure lxcri.version "$L" --version
  measure lxcri.state-missing "$L" --root "$W/lxcri" state none
  measure lxcri.explain "$L" --root "$W/lxcri" explain "$W/s"
  PROXMOX_LXCRI_CDS=off measure lxcri.state-no-cds "$L" --root "$W/lxcri" state none
  PROXMOX_LXCRI_CDS=off measure lxcri.explain-no-cds "$L" --root "$W/lxcri" explain "$W/s"
  PROXMOX_LXCRI_CDS=off measure lxcri.create-no-cds "$L" --root "$W/lxcri" create --bundle "$W/s" nocds
  "$L" --root "$W/lxcri" delete --force nocds
  measure jvm.floor "$J" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -version
done

med() { echo "${T[$1]}" | tr ' ' '\n' | grep -v '^$' | median; }
cpu() { echo "${C[$1]}" | tr ' ' '\n' | grep -v '^$' | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", a / b}'; }
echo "## proxmox-lxcri vs runc vs lxc-execute ($N runs each, medians in ms, load: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| measurement | proxmox-lxcri | runc | ratio | lxc-execute | CPU ms: proxmox-lxcri / runc |"
echo "|---|---:|---:|---:|---:|---:|"
a=$(med lxcri.lifecycle); b=$(med runc.lifecycle)
echo "| lifecycle create+start+wait+delete of /bin/true | $a | $b | $(ratio "$a" "$b") | $(med lxc.lifecycle) | |"
for v in create start state exec kill delete; do
  a=$(med lxcri.$v); b=$(med runc.$v)
  echo "| $v | $a | $b | $(ratio "$a" "$b") | | $(cpu lxcri.$v) / $(cpu runc.$v) |"
done
echo
echo "| where proxmox-lxcri's time goes | wall ms | CPU ms |"
echo "|---|---:|---:|"
echo "| the JVM alone: java -version (default CDS archive, same flags) | $(med jvm.floor) | $(cpu jvm.floor) |"
echo "| JVM start + CLI bootstrap (--version, lean archive, launcher script) | $(med lxcri.version) | $(cpu lxcri.version) |"
echo "| state of a missing container (lean path: properties file, no JSON library, no liblxc) | $(med lxcri.state-missing) | $(cpu lxcri.state-missing) |"
echo "| same without the class-data archive | $(med lxcri.state-no-cds) | $(cpu lxcri.state-no-cds) |"
echo "| explain (config.json streaming reader + translation, no liblxc; full archive) | $(med lxcri.explain) | $(cpu lxcri.explain) |"
echo "| same without the class-data archive | $(med lxcri.explain-no-cds) | $(cpu lxcri.explain-no-cds) |"
echo "| create without the class-data archive (compare create above) | $(med lxcri.create-no-cds) | $(cpu lxcri.create-no-cds) |"

# Memory a running container costs beyond its own processes.
"$L" --root "$W/lxcri" create --bundle "$W/s" --pid-file "$W/pid" mem </dev/null >/dev/null 2>&1
"$L" --root "$W/lxcri" start mem
sup=$(cat "$W/pid")
mon=$(cat "/proc/$sup/task/$sup/children" | awk '{print $1}')
pss() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
lxcri_pss=$(( $(pss "$sup") + $(pss "$mon") )); lxcri_rss=$(( $(rss "$sup") + $(rss "$mon") ))
lxc-start -d -n memref -P "$W/lxc" -f "$W/lxc.conf" -- /bin/sleep 600
init=$(lxc-info -n memref -P "$W/lxc" -p -H)
ref=$(awk '/^PPid:/ {print $2}' "/proc/$init/status")
echo
echo "| per running container, beyond its own processes | PSS KiB | RSS KiB |"
echo "|---|---:|---:|"
echo "| proxmox-lxcri: supervisor (sh) + liblxc monitor (lxc-start -F) | $lxcri_pss | $lxcri_rss |"
echo "| lxc-start -d: liblxc monitor | $(pss "$ref") | $(rss "$ref") |"
echo "| runc: none (the shim is containerd's, for both runtimes) | 0 | 0 |"
lxc-stop -n memref -P "$W/lxc" -k >/dev/null 2>&1 || true
"$L" --root "$W/lxcri" delete --force mem
