#!/usr/bin/env bash
# Unpacks one multi-layer OCI image with pvekit, `umoci raw unpack`, `umoci unpack` and plain `tar -x` of
# the layers, interleaved per round, checks every run's exit status and unpacked tree (equal across the
# tools, file contents included), and writes bench/results/DATE-unpack.{json,txt} (every sample) with the
# ratios. Not part of `verify`. Needs root (ownership), umoci, gzip, python3, a JDK and the examples jar.
#
#   lxc-oci/bench/unpack-bench.sh [WORK_DIR] [RUNS]     # default /var/tmp/pvekit-unpack-bench, 5 runs
#   OUT_DIR=/dev/shm/pvekit-bench ...                   # where to unpack (default: a tmpfs, no disk noise)
#   PVEKIT_JAR=... JAVA=... JAVA_OPTS=...               # default examples/target/pvekit.jar, java, -XX:+UseSerialGC
#
# The image is built once (kept in WORK_DIR) from this host's /usr trees: three gzip layers, ~0.8 GB,
# ~50k entries.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../.." && pwd)"
work="${1:-/var/tmp/pvekit-unpack-bench}"
runs="${2:-5}"
layout="$work/layout"
out="${OUT_DIR:-/dev/shm/pvekit-unpack-bench}"
jar="${PVEKIT_JAR:-$project/examples/target/pvekit.jar}"

layers=(
  "usr/include"
  "usr/lib/python3 usr/lib/gcc"
  "usr/share/doc usr/share/locale usr/share/man usr/share/zoneinfo usr/share/perl usr/share/i18n usr/share/vim"
)

[[ -f "$jar" ]] || { echo "no $jar: build it with ./mvnw -B -o -q -pl examples package -DskipTests" >&2; exit 1; }

blob() { # file mediaType -> prints a descriptor, moves the file into the layout
  local file="$1" type="$2" digest size
  digest="$(sha256sum "$file" | cut -d' ' -f1)"
  size="$(stat -c %s "$file")"
  mv "$file" "$layout/blobs/sha256/$digest"
  printf '{"mediaType":"%s","digest":"sha256:%s","size":%s}' "$type" "$digest" "$size"
}

if [[ ! -f "$layout/index.json" ]]; then
  echo "building the image in $layout ..."
  rm -rf "$layout" && mkdir -p "$layout/blobs/sha256"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
  descriptors=() diffids=()
  for i in "${!layers[@]}"; do
    tarball="$work/layer$i.tar"
    # shellcheck disable=SC2086
    tar -C / --numeric-owner -cf "$tarball" ${layers[$i]}
    diffids+=("\"sha256:$(sha256sum "$tarball" | cut -d' ' -f1)\"")
    gzip -6 -f "$tarball"
    cp "$tarball.gz" "$work/plain-layer$i.tar.gz"
    descriptors+=("$(blob "$tarball.gz" application/vnd.oci.image.layer.v1.tar+gzip)")
  done
  printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
    "$(IFS=,; echo "${diffids[*]}")" > "$work/config.json"
  config="$(blob "$work/config.json" application/vnd.oci.image.config.v1+json)"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":%s,"layers":[%s]}' \
    "$config" "$(IFS=,; echo "${descriptors[*]}")" > "$work/manifest.json"
  manifest="$(blob "$work/manifest.json" application/vnd.oci.image.manifest.v1+json)"
  printf '{"schemaVersion":2,"manifests":[%s]}' \
    "${manifest%\}},\"annotations\":{\"org.opencontainers.image.ref.name\":\"bench\"}}" > "$layout/index.json"
fi


exec /usr/bin/env python3 "$here/unpack_bench.py" --work "$work" --out "$out" --runs "$runs" --jar "$jar" \
  --command "$(printf '%s ' "OUT_DIR=$out" "$0" "$@")"
