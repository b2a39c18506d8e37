#!/usr/bin/env bash
# Benchmark: all integrity checks against 2,000 pods and 200 VMs with 20 ms latency on each API,
# parallel vs serial in one process. Writes bench/results.txt. Usage: bench/run.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -q -pl integrity-checks test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd integrity-checks
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) bench/run.sh ${1:-7} ($(nproc) cores, $(uname -m))"
  java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.pvekit.checks.bench.CheckBenchmark "${1:-7}" 2>&1 | grep -v -e SLF4J -e "^\[" 
} | tee bench/results.txt
