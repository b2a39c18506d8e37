#!/bin/sh
# Lifecycle benchmark: proxmox-lxcri vs runc (and crun; lxc-execute as liblxc's floor) on one busybox
# bundle, peers interleaved per verb in the same run, every exit status and output checked, warm-up
# not counted, memory per running container measured the same way for every runtime.
# Writes bench/results/DATE-lifecycle-VARIANT.{json,txt} (every sample) and prints the tables.
#
#   sudo lxc-oci/bench/lifecycle.sh [-n ITERATIONS] [-w WARMUP] [--variant NAME] [--no-crun]
#   PROXMOX_LXCRI_CDS=off PROXMOX_LXCRI_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java lxc-oci/bench/lifecycle.sh
#
# The launcher: $PROXMOX_LXCRI, else lxc-oci/proxmox-lxcri/bin/proxmox-lxcri, else lxc-oci/bin/proxmox-lxcri,
# with its jar and lib/ (built by ./mvnw package). They are copied into a work directory first, and
# unless PROXMOX_LXCRI_CDS=off the class-data archives are made there with proxmox-lxcri-cds
# (JDK: $PROXMOX_LXCRI_CDS_JAVA, else the one proxmox-lxcri-cds picks). Needs root, runc, lxc,
# busybox-static, python3 (standard library only).
exec /usr/bin/env python3 "$(dirname "$0")/lifecycle.py" "$@"
