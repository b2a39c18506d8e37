#!/usr/bin/env bash
# GET /cluster/resources throughput against the Proxmox simulator with N concurrent callers:
# pvekit's ProxmoxClient vs a bare OkHttp loop (the limit) vs proxmoxer (Python threads),
# all against the same standalone simulator process, in one run; prints the ratios.
# The two Java callers alternate in 500 ms slices within each round (SECONDS each per round),
# so the per-round ratio compares them over the same stretch of a shared machine's load.
#
# Usage: proxmox-simulator/bench/run.sh [THREADS=16] [SECONDS=10] [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."

threads=${1:-16}
seconds=${2:-10}
rounds=${3:-5}
token_id='root@pam!bench'
token_secret='0b3f6f3e-6c3a-4b52-9d0e-5ac1d2e3f4a5'

# one reactor build, so the classpath points at this checkout's proxmox-client, not ~/.m2
./mvnw -q -o -B -pl proxmox-simulator -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
classpath="proxmox-simulator/target/test-classes:proxmox-simulator/target/classes:$(cat proxmox-simulator/target/bench.classpath)"

out=$(mktemp)
java -jar proxmox-simulator/target/proxmox-simulator.jar --port 0 --task-duration 0 \
  --token "${token_id}=${token_secret}" >"$out" 2>/dev/null &
sim=$!
trap 'kill $sim 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.1; done
line=$(head -1 "$out")
echo "simulator: $line"
port=$(sed -E 's/.*:([0-9]+) fingerprint.*/\1/' <<<"$line")
fingerprint=$(sed -E 's/.*fingerprint //' <<<"$line")
echo "machine: $(nproc) CPUs, $(java -version 2>&1 | head -1)"

java -cp "$classpath" io.pvekit.proxmox.simulator.bench.ResourcesBenchmark \
  --port "$port" --fingerprint "$fingerprint" --token "${token_id}=${token_secret}" \
  --threads "$threads" --seconds "$seconds" --rounds "$rounds" | tee "$out.java"
/usr/bin/python3 proxmox-simulator/bench/proxmoxer_bench.py "$port" "$token_id" "$token_secret" \
  "$threads" "$seconds" | tee "$out.py"

okhttp=$(sed -nE 's/^RESULT okhttp=([0-9.]+) .*/\1/p' "$out.java")
client=$(sed -nE 's/^RESULT .* client=([0-9.]+) .*/\1/p' "$out.java")
ok_bytes=$(sed -nE 's/^RESULT .*okhttp_bytes_per_call=([0-9]+).*/\1/p' "$out.java")
cl_bytes=$(sed -nE 's/^RESULT .*client_bytes_per_call=([0-9]+).*/\1/p' "$out.java")
round_ratio=$(sed -nE 's/^RESULT .*round_ratio=([0-9.]+).*/\1/p' "$out.java")
min_ratio=$(sed -nE 's/^RESULT .*min_ratio=([0-9.]+).*/\1/p' "$out.java")
max_ratio=$(sed -nE 's/^RESULT .*max_ratio=([0-9.]+).*/\1/p' "$out.java")
ok_cpu=$(sed -nE 's/^RESULT .*okhttp_cpu_us=([0-9.]+).*/\1/p' "$out.java")
cl_cpu=$(sed -nE 's/^RESULT .*client_cpu_us=([0-9.]+).*/\1/p' "$out.java")
proxmoxer=$(sed -nE 's/^RESULT proxmoxer=([0-9.]+)/\1/p' "$out.py")
rm -f "$out.java" "$out.py"
echo
printf '%-22s %12s %14s %16s\n' "caller" "calls/s" "bytes/call" "caller CPU/call"
printf '%-22s %12.1f %14s %13s us\n' "bare OkHttp" "$okhttp" "$ok_bytes" "$ok_cpu"
printf '%-22s %12.1f %14s %13s us\n' "pvekit ProxmoxClient" "$client" "$cl_bytes" "$cl_cpu"
printf '%-22s %12.1f %14s %16s\n' "proxmoxer" "$proxmoxer" "n/a" "n/a"
awk -v c="$client" -v o="$okhttp" -v p="$proxmoxer" -v r="$round_ratio" -v lo="$min_ratio" \
  -v hi="$max_ratio" 'BEGIN {
  printf "ratio client/okhttp    = %.2fx median of per-round ratios (rounds %.2f..%.2f; goal >= 0.90x)\n", r, lo, hi
  printf "ratio client/proxmoxer = %.2fx\n", c / p
  printf "ratio proxmoxer/okhttp = %.2fx\n", p / o
}'
