#!/usr/bin/env bash
# HTTPS load test on loopback: the webhook against the same server answering a fixed allow, at a
# fixed rate; writes the raw output to bench/loadtest-results.txt. From the project root:
#   runtime-selector/bench/loadtest.sh [requestsPerSecond] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
../mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
{
  echo "# command: runtime-selector/bench/loadtest.sh $*"
  echo "# date: $(date -u +%FT%TZ); java: $(java -version 2>&1 | head -1); cpus: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx1g -cp "$CP" io.pvekit.runtime.bench.LoadTest "$@"
} 2>&1 | tee bench/loadtest-results.txt
