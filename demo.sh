#!/usr/bin/env bash
# Builds the example apps and runs the pvekit demo. Needs only a JDK 17 (./mvnw fetches Maven).
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dmaven.javadoc.skip=true package -pl examples -am
exec java -jar examples/target/pvekit.jar demo "$@"
