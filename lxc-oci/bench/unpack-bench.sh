#!/usr/bin/env bash
# Unpacks one multi-layer OCI image with pvekit, `umoci unpack` and plain `tar -x` of the layers, in one
# run, and prints the ratios. Not part of `verify`. Needs root (ownership), umoci, hyperfine, gzip, a JDK.
#
#   lxc-oci/bench/unpack-bench.sh [WORK_DIR] [RUNS]
#   OUT_DIR=/dev/shm/pvekit-bench lxc-oci/bench/unpack-bench.sh   # unpack into tmpfs: no disk noise
#
# The image is built from this host's /usr trees: three gzip layers, ~0.8 GB, ~50k entries.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../.." && pwd)"
work="${1:-/var/tmp/pvekit-unpack-bench}"
runs="${2:-5}"
layout="$work/layout"
out="${OUT_DIR:-$work}"
jar="$project/examples/target/pvekit.jar"

layers=(
  "usr/include"
  "usr/lib/python3 usr/lib/gcc"
  "usr/share/doc usr/share/locale usr/share/man usr/share/zoneinfo usr/share/perl usr/share/i18n usr/share/vim"
)

if [[ ! -f "$jar" ]]; then
  (cd "$project" && ./mvnw -B -q package -pl examples -am -DskipTests)
fi

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

du -sh "$layout" | sed 's/^/image (compressed): /'
echo "entries: $(for f in "$work"/plain-layer*.tar.gz; do tar -tzf "$f"; done | wc -l)"

mkdir -p "$out"
plain="for f in $work/plain-layer*.tar.gz; do tar -xzf \$f -C $out/out-tar; done"
hyperfine --runs "$runs" --warmup 1 --export-json "$work/result.json" \
  --prepare "rm -rf $out/out-tar $out/out-umoci $out/out-pvekit; mkdir -p $out/out-tar; sync" \
  -n tar "$plain" \
  -n umoci "umoci unpack --image $layout:bench $out/out-umoci" \
  -n pvekit "java ${JAVA_OPTS:-} -jar $jar lxc unpack --image $layout:bench $out/out-pvekit"

python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
print()
print(f"median seconds: tar {r['tar']:.2f}  umoci {r['umoci']:.2f}  pvekit {r['pvekit']:.2f}")
print(f"pvekit / umoci = {r['pvekit'] / r['umoci']:.2f}   (goal: < 1)")
print(f"pvekit / tar   = {r['pvekit'] / r['tar']:.2f}   (goal: <= 1.3)")
PY
rm -rf "$out/out-tar" "$out/out-umoci" "$out/out-pvekit"
