#!/usr/bin/env bash
# Runs the JMH benchmarks (one decision at 5,000 nodes; one mutating review in process) and
# writes the raw output to bench/jmh-results.txt. From the project root:
#   runtime-selector/bench/jmh.sh [JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
../mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
{
  echo "# command: runtime-selector/bench/jmh.sh $*"
  echo "# date: $(date -u +%FT%TZ); java: $(java -version 2>&1 | head -1); cpus: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$CP" org.openjdk.jmh.Main "io.pvekit.runtime.bench.SelectorBenchmark" "$@"
} 2>&1 | tee bench/jmh-results.txt
