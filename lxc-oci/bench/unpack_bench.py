#!/usr/bin/env python3
"""Unpacks one OCI image with pvekit, `umoci raw unpack`, `umoci unpack` and `tar -xzf` of the same
layer files, interleaved per round (the order rotates each round), and checks every run: exit status
0, and a tree equal to tar's (every path, type, permission bits, owner, size, symlink target and the
SHA-256 of every regular file's content). Started by unpack-bench.sh, which builds the image.

`umoci unpack` also walks the unpacked rootfs and hashes every file into an mtree manifest (for
`umoci repack`); `umoci raw unpack` does only the unpacking, like pvekit and tar. pvekit and both
umoci commands verify the blob digests; pvekit also checks every layer's diff id; tar checks nothing.
"""

import argparse
import hashlib
import os
import shutil
import stat
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bl  # noqa: E402

TOOLS = ["pvekit", "umoci-raw-unpack", "umoci-unpack", "tar"]


def tree_digest(root):
    """(entries, digest of the sorted listing incl. file contents). The root directory itself is left
    out (each tool makes it differently)."""
    lines = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, root)
            kind = stat.S_IFMT(st.st_mode)
            extra = ""
            if stat.S_ISREG(kind):
                digest = hashlib.sha256()
                with open(path, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        digest.update(block)
                extra = f"{st.st_size} {digest.hexdigest()}"
            elif stat.S_ISLNK(kind):
                extra = os.readlink(path)
            elif stat.S_ISCHR(kind) or stat.S_ISBLK(kind):
                extra = f"{os.major(st.st_rdev)},{os.minor(st.st_rdev)}"
            lines.append(f"{rel}\0{kind:o} {stat.S_IMODE(st.st_mode):o} {st.st_uid}:{st.st_gid} {extra}")
    lines.sort()
    return len(lines), hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest(), lines


def commands(tool, image, plain_layers, out, jar, java, java_opts):
    """(argv, rootfs directory it makes)"""
    if tool == "tar":
        script = 'mkdir -p "$0"; for f in "$@"; do tar -xzf "$f" -C "$0"; done'
        return ["sh", "-ec", script, out, *plain_layers], out
    if tool == "umoci-unpack":
        return ["umoci", "unpack", "--image", image, out], os.path.join(out, "rootfs")
    if tool == "umoci-raw-unpack":
        return ["umoci", "raw", "unpack", "--image", image, out], out
    return [java, *java_opts, "-jar", jar, "lxc", "unpack", "--image", image, out], os.path.join(out, "rootfs")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", required=True, help="holds layout/ and plain-layer*.tar.gz")
    parser.add_argument("--out", required=True, help="where the trees are unpacked (tmpfs: no disk noise)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--results", default=os.path.join(here, "results"))
    parser.add_argument("--command", default="lxc-oci/bench/unpack-bench.sh")
    args = parser.parse_args()
    started, load_before, uptime_before = bl.utc_now(), bl.loadavg(), bl.uptime_text()
    java = os.environ.get("JAVA", shutil.which("java"))
    java_opts = os.environ.get("JAVA_OPTS", "-XX:+UseSerialGC").split()
    image = os.path.join(args.work, "layout") + ":bench"
    plain = sorted(os.path.join(args.work, f) for f in os.listdir(args.work) if f.startswith("plain-layer"))
    jar = os.path.join(args.out, "pvekit.jar")  # a copy: a rebuild during the run changes nothing
    os.makedirs(args.out, exist_ok=True)
    shutil.copy2(args.jar, jar)
    samples, reference = [], None
    try:
        for rnd in range(-args.warmup, args.runs):
            phase = "warmup" if rnd < 0 else "measured"
            k = rnd % len(TOOLS)
            for tool in TOOLS[k:] + TOOLS[:k]:
                out = os.path.join(args.out, "out-" + tool)
                shutil.rmtree(out, ignore_errors=True)
                subprocess.run(["sync"], check=True)
                argv, rootfs = commands(tool, image, plain, out, jar, java, java_opts)
                r = bl.run(argv, args.out, expect_rc=0)
                entries, digest, lines = tree_digest(rootfs)
                if reference is None:
                    reference = (tool, entries, digest, lines)
                elif digest != reference[2]:
                    ref = set(reference[3])
                    diff = [x.replace("\0", " ") for x in lines if x not in ref][:5]
                    missing = [x.replace("\0", " ") for x in reference[3] if x not in set(lines)][:5]
                    raise bl.BenchError(f"{tool}'s tree differs from {reference[0]}'s ({entries} vs {reference[1]} "
                                        f"entries); only in {tool}: {diff}; only in {reference[0]}: {missing}\n"
                                        f"{r.describe()}")
                shutil.rmtree(out)
                samples.append({"phase": phase, "round": rnd, "tool": tool, "wall_ms": round(r.wall_ms, 1),
                                "cpu_ms": round(r.cpu_ms, 1), "rc": r.rc, "entries": entries, "tree_sha256": digest})
                print(f"round {rnd} ({phase}) {tool}: {r.wall_ms / 1000:.2f} s wall, {r.cpu_ms / 1000:.2f} s CPU, "
                      f"{entries} entries, tree {digest[:12]}, load {bl.loadavg()}", file=sys.stderr, flush=True)
    except bl.BenchError as e:
        print(f"unpack-bench: ABORTED, nothing recorded: {e}", file=sys.stderr)
        return 2
    finally:
        os.unlink(jar)
    measured = [s for s in samples if s["phase"] == "measured"]
    med = {t: {"median_wall_ms": bl.median([s["wall_ms"] for s in measured if s["tool"] == t]),
               "median_cpu_ms": bl.median([s["cpu_ms"] for s in measured if s["tool"] == t])} for t in TOOLS}
    by_round = {}
    for s in measured:
        by_round.setdefault(s["round"], {})[s["tool"]] = s["wall_ms"]
    ratios = {}
    for peer in TOOLS[1:]:
        ratios[f"pvekit/{peer}"] = {
            "of_medians": med["pvekit"]["median_wall_ms"] / med[peer]["median_wall_ms"],
            "median_paired": bl.median([r["pvekit"] / r[peer] for r in by_round.values()]),
            "cpu_of_medians": med["pvekit"]["median_cpu_ms"] / med[peer]["median_cpu_ms"]}
    blobs = os.path.join(args.work, "layout", "blobs", "sha256")
    image_bytes = sum(os.path.getsize(os.path.join(blobs, f)) for f in os.listdir(blobs))
    java_version = subprocess.run([java, "-version"], capture_output=True, text=True, check=True).stderr.strip()
    data = {
        "benchmark": "unpack", "command": args.command, "started": started, "finished": bl.utc_now(),
        "runs": args.runs, "warmup": args.warmup, "tools": TOOLS,
        "image": {"layout": image, "compressed_bytes": image_bytes, "layers": len(plain),
                  "entries": reference[1], "tree_sha256": reference[2]},
        "environment": {"machine": bl.machine(), "loadavg_before": load_before, "uptime_before": uptime_before,
                        "loadavg_after": bl.loadavg(), "uptime_after": bl.uptime_text(), "out_dir": args.out,
                        "out_fs": subprocess.run(["stat", "-f", "-c", "%T", args.out], capture_output=True,
                                                 text=True).stdout.strip(),
                        "java": java, "java_opts": java_opts, "java_version_text": java_version,
                        "jar": args.jar, "jar_sha256": bl.sha256_file(args.jar),
                        "git_head": bl.git_head(here),
                        "umoci": bl.first_line(["umoci", "--version"]), "tar": bl.first_line(["tar", "--version"])},
        "summary": {"tools": med, "ratios": ratios}, "samples": samples,
    }
    env = data["environment"]
    labels = {"pvekit": "`pvekit lxc unpack` (cold JVM)", "umoci-raw-unpack": "`umoci raw unpack`",
              "umoci-unpack": "`umoci unpack` (+ mtree manifest)", "tar": "`tar -xzf` x3 (verifies nothing)"}
    text = [f"# unpack benchmark ({started} .. {data['finished']})", "", f"command: {args.command}",
            f"machine: kernel {env['machine']['kernel']}, {env['machine']['cpus']} CPUs ({env['machine']['cpu_model']}), "
            f"{env['machine']['memory_mib']} MiB; unpacking into {args.out} ({env['out_fs']})",
            f"load before: {load_before}   |   {uptime_before}", f"load after:  {env['loadavg_after']}   |   {env['uptime_after']}",
            "java: " + " / ".join(java_version.splitlines()) + f"; options {' '.join(java_opts)}",
            f"{env['umoci']}; {env['tar']}",
            f"image: {image_bytes / 1e6:.0f} MB compressed, {len(plain)} gzip layers, {reference[1]} entries; every run's "
            f"tree equal (paths, types, modes, owners, sizes, link targets, file contents): {reference[2][:16]}...",
            f"{args.runs} measured rounds after {args.warmup} warm-up round(s), tools interleaved, order rotated each round",
            "", "| tool | median wall s | median CPU s (user+sys) |", "|---|---:|---:|"]
    for t in TOOLS:
        text.append(f"| {labels[t]} | {med[t]['median_wall_ms'] / 1000:.2f} | {med[t]['median_cpu_ms'] / 1000:.2f} |")
    text += ["", "| ratio | of the wall medians | median of per-round ratios | of the CPU medians |", "|---|---:|---:|---:|"]
    for key, r in ratios.items():
        text.append(f"| {key} | {r['of_medians']:.2f} | {r['median_paired']:.2f} | {r['cpu_of_medians']:.2f} |")
    text = "\n".join(text) + "\n"
    os.makedirs(args.results, exist_ok=True)
    stem = os.path.join(args.results, f"{bl.utc_date()}-unpack")
    base, serial = stem, 1
    while os.path.exists(base + ".json") or (serial == 1 and os.path.exists(stem + "-run1.json")):
        serial += 1  # never overwrite an earlier run of the day: STEM, STEM-run2, STEM-run3, ...
        base = f"{stem}-run{serial}"
    bl.write_json(base + ".json", data)
    with open(base + ".txt", "w") as f:
        f.write(text)
    print(text)
    print(f"raw output: {base}.json, {base}.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
