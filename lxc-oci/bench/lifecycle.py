#!/usr/bin/env python3
"""proxmox-lxcri vs runc (and crun, and lxc-execute as liblxc's floor) on one busybox bundle, in one run.

Started by lifecycle.sh (see there and bench/README.md for the usage). What makes the figures
trustworthy:
- every command's exit status and output are checked (create: a fresh pid file naming a live
  process; state: "running" and a pid in the container's own pid namespace; exec: the echoed token;
  lifecycle: the container's own output line; after delete: state fails); any mismatch aborts the run;
- a fresh container id and pid file per run;
- the peers are interleaved per verb (create A, create B, create C, start A, ...), and the order
  rotates each iteration so that no runtime always goes first;
- warm-up iterations run and are checked but not counted;
- memory per running container is measured the same way for every runtime: this process is a child
  subreaper (as containerd's shim is), so whatever a runtime leaves running after `start` is our
  descendant; the PSS and RSS (smaps_rollup) of those descendants that are not in the container's
  pid namespace are the runtime's cost per container;
- the JDK, the class-data archive use (counted from -Xlog:class+load), kernel, CPUs and load are in
  the raw output.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bl  # noqa: E402

VERBS = ["create", "start", "state", "exec", "kill", "delete"]
LXCRI = "proxmox-lxcri"


def find_launcher(lxc_oci):
    """PROXMOX_LXCRI, else the application module's bin/ (lxc-oci/proxmox-lxcri), else lxc-oci/bin/
    (before the split): the first whose home holds a built jar and lib/."""
    if os.environ.get("PROXMOX_LXCRI"):
        return os.path.realpath(os.environ["PROXMOX_LXCRI"])
    tried = []
    for candidate in (os.path.join(lxc_oci, "proxmox-lxcri", "bin", "proxmox-lxcri"),
                      os.path.join(lxc_oci, "bin", "proxmox-lxcri")):
        if os.access(candidate, os.X_OK):
            home = launcher_home(os.path.realpath(candidate))
            if os.path.isdir(os.path.join(home, "lib")) and any(f.endswith(".jar") for f in os.listdir(home)):
                return os.path.realpath(candidate)
            tried.append(f"{candidate} (no jar and lib/ in {home})")
    raise bl.BenchError("no built proxmox-lxcri launcher: set PROXMOX_LXCRI=/path/to/bin/proxmox-lxcri; tried "
                        + "; ".join(tried))


def launcher_home(launcher):
    """The same rule as the launcher: PROXMOX_LXCRI_HOME, else ../target (source tree), else
    ../lib/proxmox-lxcri (installed)."""
    if os.environ.get("PROXMOX_LXCRI_HOME"):
        return os.environ["PROXMOX_LXCRI_HOME"]
    bindir = os.path.dirname(launcher)
    if os.path.isdir(os.path.join(bindir, "..", "target", "lib")):
        return os.path.realpath(os.path.join(bindir, "..", "target"))
    return os.path.realpath(os.path.join(bindir, "..", "lib", "proxmox-lxcri"))


def snapshot(launcher, work):
    """Copies the launcher and its jar, lib/ and init helper into the work directory: a rebuild of
    the module during the run cannot change what is measured, and the archives are made there."""
    home = launcher_home(launcher)
    jars = [f for f in os.listdir(home) if f.endswith(".jar")] if os.path.isdir(home) else []
    if not jars or not os.path.isdir(os.path.join(home, "lib")):
        raise bl.BenchError(f"no jar and lib/ in {home}: build with ./mvnw -B -o -q -pl <module> package -DskipTests")
    snap_bin, snap_home = os.path.join(work, "snap", "bin"), os.path.join(work, "snap", "target")
    os.makedirs(snap_bin)
    os.makedirs(snap_home)
    for name in os.listdir(os.path.dirname(launcher)):
        if name.startswith("proxmox-lxcri"):
            shutil.copy2(os.path.join(os.path.dirname(launcher), name), snap_bin)
    for name in jars + ["proxmox-lxcri-init"]:
        if os.path.exists(os.path.join(home, name)):
            shutil.copy2(os.path.join(home, name), snap_home)
    shutil.copytree(os.path.join(home, "lib"), os.path.join(snap_home, "lib"), symlinks=True)
    return os.path.join(snap_bin, "proxmox-lxcri"), snap_home, home, [os.path.join(home, j) for j in jars]


def make_bundles(work):
    """Two bundles from `runc spec` with a static busybox: 'once' prints a line and exits, 'sleep'
    runs for ten minutes (for the verbs and the memory)."""
    rootfs = os.path.join(work, "rootfs")
    for d in ("bin", "proc", "sys", "dev", "tmp"):
        os.makedirs(os.path.join(rootfs, d))
    busybox = shutil.which("busybox")
    if busybox is None:
        raise bl.BenchError("busybox (busybox-static) is needed")
    shutil.copy2(os.path.realpath(busybox), os.path.join(rootfs, "bin", "busybox"))
    for applet in ("sh", "true", "sleep", "echo"):
        os.symlink("busybox", os.path.join(rootfs, "bin", applet))
    spec_dir = os.path.join(work, "spec")
    os.makedirs(spec_dir)
    subprocess.run(["runc", "spec"], cwd=spec_dir, check=True)
    with open(os.path.join(spec_dir, "config.json")) as f:
        spec = json.load(f)
    spec["process"]["terminal"] = False
    spec["root"]["path"] = rootfs
    bundles = {}
    for name, args in (("once", ["/bin/sh", "-c", "echo lifecycle-ok"]), ("sleep", ["/bin/sleep", "600"])):
        bundle = os.path.join(work, name)
        os.makedirs(bundle)
        spec["process"]["args"] = args
        with open(os.path.join(bundle, "config.json"), "w") as f:
            json.dump(spec, f, indent=1)
        bundles[name] = bundle
    return bundles, rootfs


class Runtime:
    def __init__(self, name, argv0, root, env):
        self.name, self.argv0, self.root, self.env = name, argv0, root, env

    def cmd(self, *args):
        return [self.argv0, "--root", self.root, *args]


class Bench:
    def __init__(self, args, work, runtimes, bundles):
        self.args, self.work, self.runtimes, self.bundles = args, work, runtimes, bundles
        self.samples, self.live = [], {}
        self.host_pidns = bl.pid_namespace(os.getpid())
        self.serial = 0

    def fresh(self, prefix, rt):
        self.serial += 1
        return f"{prefix}{self.serial}-{rt.name}"

    def pid_file(self, rt):
        path = os.path.join(self.work, f"{rt.name}.pid")
        if os.path.exists(path):
            os.unlink(path)
        return path

    def timed(self, phase, bench, it, rt, verb, argv, expect_rc=0, name="cmd"):
        r = bl.run(argv, self.work, env=rt.env, expect_rc=expect_rc, name=name)
        self.samples.append({"phase": phase, "bench": bench, "iteration": it, "runtime": rt.name, "verb": verb,
                             "wall_ms": round(r.wall_ms, 3), "cpu_ms": round(r.cpu_ms, 3), "rc": r.rc})
        return r

    @staticmethod
    def read_pid(path, r):
        try:
            with open(path) as f:
                pid = int(f.read().strip())
        except (OSError, ValueError) as e:
            raise bl.BenchError(f"no pid in the fresh pid file {path} ({e})\n{r.describe()}")
        if not bl.alive(pid):
            raise bl.BenchError(f"pid {pid} from {path} is not alive after create\n{r.describe()}")
        return pid

    def check_gone(self, rt, cid):
        r = bl.run(rt.cmd("state", cid), self.work, env=rt.env, expect_rc=None)
        if r.rc == 0:
            raise bl.BenchError(f"{rt.name}: state of {cid} succeeds after delete\n{r.describe()}")

    def check_running(self, rt, cid, r):
        try:
            state = json.loads(r.out)
        except ValueError:
            raise bl.BenchError(f"{rt.name}: state printed no JSON\n{r.describe()}")
        pid = state.get("pid")
        if state.get("id") != cid or state.get("status") != "running" or not pid or not bl.alive(pid):
            raise bl.BenchError(f"{rt.name}: state is not running with a live pid\n{r.describe()}")
        if bl.pid_namespace(pid) == self.host_pidns:
            raise bl.BenchError(f"{rt.name}: state's pid {pid} is not in a container pid namespace\n{r.describe()}")

    def lifecycle(self, phase, it, rt):
        """create + start + wait for the exit + delete of the 'once' bundle, timed as one; then the
        container's own output line (its stdout is create's) and that state fails are checked."""
        cid, pid_file = self.fresh("l", rt), self.pid_file(rt)
        bl.reap_orphans()
        t0 = time.perf_counter_ns()
        create = bl.run(rt.cmd("create", "--bundle", self.bundles["once"], "--pid-file", pid_file, cid),
                        self.work, env=rt.env, name=f"{rt.name}-once-create")
        self.live[cid] = rt
        pid = self.read_pid(pid_file, create)
        start = bl.run(rt.cmd("start", cid), self.work, env=rt.env)
        bl.wait_gone(pid)
        delete = bl.run(rt.cmd("delete", cid), self.work, env=rt.env)
        wall = (time.perf_counter_ns() - t0) / 1e6
        del self.live[cid]
        self.samples.append({"phase": phase, "bench": "lifecycle", "iteration": it, "runtime": rt.name,
                             "verb": "lifecycle", "wall_ms": round(wall, 3),
                             "cpu_ms": round(create.cpu_ms + start.cpu_ms + delete.cpu_ms, 3), "rc": 0})
        with open(os.path.join(self.work, f"{rt.name}-once-create.out")) as f:
            output = f.read()
        if output.strip() != "lifecycle-ok":
            raise bl.BenchError(f"{rt.name}: the container printed {output!r}, not 'lifecycle-ok'\n{create.describe()}")
        self.check_gone(rt, cid)

    def lxc_execute(self, phase, it, lxc_conf):
        """liblxc's floor for a whole lifecycle: lxc-execute of the same command on the same rootfs."""
        rt = Runtime("lxc-execute", "lxc-execute", None, None)
        argv = ["lxc-execute", "-n", self.fresh("x", rt), "-P", os.path.join(self.work, "lxc"), "-f", lxc_conf,
                "--", "/bin/sh", "-c", "echo lifecycle-ok"]
        r = self.timed(phase, "lifecycle", it, rt, "lifecycle", argv)
        if r.out.strip() != "lifecycle-ok":
            raise bl.BenchError(f"lxc-execute: the container printed {r.out!r}, not 'lifecycle-ok'\n{r.describe()}")

    def verbs(self, phase, it, order):
        ids, pids = {}, {}
        for rt in order:
            ids[rt.name], pid_file = self.fresh("v", rt), self.pid_file(rt)
            r = self.timed(phase, "verbs", it, rt, "create",
                           rt.cmd("create", "--bundle", self.bundles["sleep"], "--pid-file", pid_file, ids[rt.name]),
                           name=f"{rt.name}-sleep-create")
            self.live[ids[rt.name]] = rt
            pids[rt.name] = self.read_pid(pid_file, r)
        for rt in order:
            self.timed(phase, "verbs", it, rt, "start", rt.cmd("start", ids[rt.name]))
        for rt in order:
            r = self.timed(phase, "verbs", it, rt, "state", rt.cmd("state", ids[rt.name]))
            self.check_running(rt, ids[rt.name], r)
        for rt in order:
            token = f"exec-ok-{it}-{rt.name}"
            r = self.timed(phase, "verbs", it, rt, "exec", rt.cmd("exec", ids[rt.name], "/bin/echo", token))
            if r.out.strip() != token:
                raise bl.BenchError(f"{rt.name}: exec did not print {token}\n{r.describe()}")
        for rt in order:
            self.timed(phase, "verbs", it, rt, "kill", rt.cmd("kill", ids[rt.name], "KILL"))
        for rt in order:
            bl.wait_gone(pids[rt.name])
            self.timed(phase, "verbs", it, rt, "delete", rt.cmd("delete", ids[rt.name]))
            del self.live[ids[rt.name]]
            self.check_gone(rt, ids[rt.name])

    def startup(self, phase, it, order):
        """The cheapest commands: state of a missing container (must fail), --version."""
        for rt in order:
            r = self.timed(phase, "startup", it, rt, "state-missing", rt.cmd("state", "missing-container"),
                           expect_rc=1)
            if "not exist" not in r.err and "not found" not in r.err:
                raise bl.BenchError(f"{rt.name}: state of a missing container says something else\n{r.describe()}")
        for rt in order:
            r = self.timed(phase, "startup", it, rt, "version", [rt.argv0, "--version"])
            if "version" not in r.out.lower():
                raise bl.BenchError(f"{rt.name}: --version printed no version\n{r.describe()}")

    def memory(self, it, order):
        """Per running 'sleep' container: the runtime's processes that stay resident (our adopted
        descendants outside the container's pid namespace), PSS and RSS."""
        rows = []
        for rt in order:
            bl.reap_orphans()
            before = set(bl.descendants(os.getpid()))
            cid, pid_file = self.fresh("m", rt), self.pid_file(rt)
            r = bl.run(rt.cmd("create", "--bundle", self.bundles["sleep"], "--pid-file", pid_file, cid),
                       self.work, env=rt.env, name=f"{rt.name}-sleep-create")
            self.live[cid] = rt
            pid = self.read_pid(pid_file, r)
            bl.run(rt.cmd("start", cid), self.work, env=rt.env)
            state = json.loads(bl.run(rt.cmd("state", cid), self.work, env=rt.env).out)
            container_ns = bl.pid_namespace(state["pid"])
            procs = []
            for p in sorted(set(bl.descendants(os.getpid())) - before):
                ns = bl.pid_namespace(p)
                if ns is None or ns == container_ns:
                    continue
                try:
                    pss, rss = bl.memory_kib(p)
                except OSError:
                    continue
                procs.append({"pid": p, "cmdline": bl.cmdline(p)[:200], "pss_kib": pss, "rss_kib": rss})
            init_pss, init_rss = bl.memory_kib(state["pid"])
            rows.append({"iteration": it, "runtime": rt.name, "processes": procs,
                         "pss_kib": sum(p["pss_kib"] for p in procs), "rss_kib": sum(p["rss_kib"] for p in procs),
                         "container_init": {"pid": state["pid"], "pss_kib": init_pss, "rss_kib": init_rss}})
            bl.run(rt.cmd("kill", cid, "KILL"), self.work, env=rt.env)
            bl.wait_gone(pid)
            bl.run(rt.cmd("delete", cid), self.work, env=rt.env)
            del self.live[cid]
        return rows

    def cleanup(self):
        for cid, rt in list(self.live.items()):
            subprocess.run(rt.cmd("delete", "--force", cid), env=rt.env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        bl.reap_orphans()


def probe_jvm(rt, bundles, work):
    """Which java the launcher really starts and how many classes come from a class-data archive
    (CDS or AOT cache), for state (lean archive) and create (create archive)."""
    probe = {}
    for verb in ("state", "create"):
        log = os.path.join(work, f"class-load-{verb}.log")
        env = dict(rt.env, PROXMOX_LXCRI_JAVA_OPTS=f"-XshowSettings:properties -Xlog:class+load=info:file={log}")
        if verb == "state":
            r = bl.run(rt.cmd("state", "missing-container"), work, env=env, expect_rc=1)
        else:
            cid = "probe-create"
            r = bl.run(rt.cmd("create", "--bundle", bundles["sleep"], cid), work, env=env, name="probe-create")
            bl.run(rt.cmd("delete", "--force", cid), work, env=rt.env)
        props = {}
        for line in r.err.splitlines():
            if " = " in line:
                key, _, value = line.strip().partition(" = ")
                props.setdefault(key, value)
        with open(log) as f:
            lines = [line for line in f if " source: " in line]
        # A class from an archive says "source: shared objects file" (JDK 25's AOT cache too); the
        # JDK's own default CDS archive holds only JDK classes, so our archive shows in our classes.
        ours = [line for line in lines if "io.pvekit." in line]
        probe[verb] = {"classes_loaded": len(lines),
                       "classes_from_archive": sum(1 for line in lines if "shared objects file" in line),
                       "pvekit_classes_loaded": len(ours),
                       "pvekit_classes_from_archive": sum(1 for line in ours if "shared objects file" in line)}
        probe["java_home"] = props.get("java.home")
        probe["java_runtime_version"] = props.get("java.runtime.version")
        probe["java_vm_name"] = props.get("java.vm.name")
    java = os.path.join(probe["java_home"], "bin", "java")
    version = subprocess.run([java, "-version"], capture_output=True, text=True, check=True)
    probe["java"] = java
    probe["java_version_text"] = version.stderr.strip()
    probe["archives_used"] = all(probe[v]["pvekit_classes_from_archive"] > 0 for v in ("state", "create"))
    return probe


def summarize(samples, names):
    measured = [s for s in samples if s["phase"] == "measured"]
    keys = []
    for s in measured:
        if (s["bench"], s["verb"]) not in keys:
            keys.append((s["bench"], s["verb"]))
    rows = []
    for bench, verb in keys:
        row = {"bench": bench, "verb": verb, "runtimes": {}}
        for name in names:
            xs = [s for s in measured if s["bench"] == bench and s["verb"] == verb and s["runtime"] == name]
            if xs:
                row["runtimes"][name] = {"n": len(xs), "median_wall_ms": bl.median([s["wall_ms"] for s in xs]),
                                         "median_cpu_ms": bl.median([s["cpu_ms"] for s in xs]),
                                         "min_wall_ms": min(s["wall_ms"] for s in xs),
                                         "max_wall_ms": max(s["wall_ms"] for s in xs)}
        a, b = row["runtimes"].get(LXCRI), row["runtimes"].get("runc")
        if a and b:
            row["ratio_lxcri_runc_of_medians"] = a["median_wall_ms"] / b["median_wall_ms"]
            paired = {}
            for s in measured:
                if s["bench"] == bench and s["verb"] == verb and s["runtime"] in (LXCRI, "runc"):
                    paired.setdefault(s["iteration"], {})[s["runtime"]] = s["wall_ms"]
            row["median_paired_ratio_lxcri_runc"] = bl.median(
                [p[LXCRI] / p["runc"] for p in paired.values() if LXCRI in p and "runc" in p])
            row["cpu_ratio_lxcri_runc_of_medians"] = a["median_cpu_ms"] / b["median_cpu_ms"] if b["median_cpu_ms"] else None
        rows.append(row)
    return rows


def report(data):
    env, names = data["environment"], data["runtime_order"]
    jvm = env["proxmox_lxcri_jvm"]
    out = [f"# lifecycle benchmark, variant {data['variant']} ({data['started']} .. {data['finished']})", "",
           f"command: {data['command']}",
           f"machine: kernel {env['machine']['kernel']}, {env['machine']['cpus']} CPUs ({env['machine']['cpu_model']}), "
           f"{env['machine']['memory_mib']} MiB",
           f"load before: {env['loadavg_before']}   |   {env['uptime_before']}",
           f"load after:  {env['loadavg_after']}   |   {env['uptime_after']}",
           f"proxmox-lxcri JVM: {jvm['java']} ({jvm['java_runtime_version']}); proxmox-lxcri's class-data archives "
           f"(proxmox-lxcri-cds) used: {'yes' if jvm['archives_used'] else 'no'}",
           *[f"  {v}: {jvm[v]['pvekit_classes_from_archive']} of {jvm[v]['pvekit_classes_loaded']} io.pvekit classes and "
             f"{jvm[v]['classes_from_archive']} of {jvm[v]['classes_loaded']} classes in all from a class-data archive "
             "(the JDK's default CDS archive holds JDK classes only)" for v in ("state", "create")],
           "java -version: " + " / ".join(jvm["java_version_text"].splitlines()),
           "runtimes: " + "; ".join(f"{k}: {v}" for k, v in env["runtime_versions"].items()),
           *[f"left out: {k}: {v}" for k, v in env["runtimes_left_out"].items()],
           f"jar: {env['jar']} (sha256 {env['jar_sha256'][:16]}..., built {env['jar_mtime']}), git HEAD {env['git_head']}",
           f"{data['iterations']} measured iterations after {data['warmup']} warm-up iterations; peers interleaved per "
           "verb, order rotated each iteration; every exit status and output checked", "",
           "Wall-clock medians in ms (CPU = user+sys of the command and its waited-for children).", ""]
    header = "| measurement | " + " | ".join(names) + " | ratio proxmox-lxcri / runc (medians) | median of paired ratios | CPU ms " + " / ".join(names) + " |"
    out += [header, "|---|" + "---:|" * (len(names) + 3)]
    for row in data["summary"]:
        if row["verb"] == "java-version":
            continue
        cells = [bl.fmt(row["runtimes"].get(n, {}).get("median_wall_ms")) for n in names]
        cpu = " / ".join(bl.fmt(row["runtimes"].get(n, {}).get("median_cpu_ms"), 0) for n in names)
        ratio = row.get("ratio_lxcri_runc_of_medians")
        paired = row.get("median_paired_ratio_lxcri_runc")
        label = {"lifecycle": "lifecycle (create+start+wait+delete)"}.get(row["verb"], row["verb"])
        out.append(f"| {label} | " + " | ".join(cells) + f" | {bl.fmt(ratio)}x | {bl.fmt(paired)}x | {cpu} |"
                   if ratio else f"| {label} | " + " | ".join(cells) + f" | | | {cpu} |")
    floor = [s for s in data["samples"] if s["phase"] == "measured" and s["verb"] == "java-version"]
    if floor:
        out += ["", f"JVM floor, the same JDK: `java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "
                f"-version` (JDK's default CDS archive): median {bl.fmt(bl.median([s['wall_ms'] for s in floor]))} ms wall, "
                f"{bl.fmt(bl.median([s['cpu_ms'] for s in floor]), 0)} ms CPU."]
    out += ["", "Memory per running container, beyond its own processes (the runtime's resident processes: "
            "descendants of the benchmark, a child subreaper like containerd's shim, outside the container's pid "
            "namespace; medians over the rounds):", "",
            "| runtime | resident processes | PSS KiB | RSS KiB | container init PSS KiB (for scale) |", "|---|---|---:|---:|---:|"]
    for name in names:
        if name == "lxc-execute":
            continue
        rows = [m for m in data["memory"] if m["runtime"] == name]
        if not rows:
            continue
        procs = ", ".join(p["cmdline"].split(" ")[0].rsplit("/", 1)[-1] for p in rows[0]["processes"]) or "none"
        out.append(f"| {name} | {procs} | {bl.median([m['pss_kib'] for m in rows]):.0f} | "
                   f"{bl.median([m['rss_kib'] for m in rows]):.0f} | "
                   f"{bl.median([m['container_init']['pss_kib'] for m in rows]):.0f} |")
    return "\n".join(out) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lxc_oci = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--iterations", type=int, default=20)
    parser.add_argument("-w", "--warmup", type=int, default=3)
    parser.add_argument("--variant", help="name in the result file (default: cds-jdkNN or nocds-jdkNN)")
    parser.add_argument("--results", default=os.path.join(here, "results"), help="directory for the raw output")
    parser.add_argument("--no-crun", action="store_true")
    parser.add_argument("--no-lxc-execute", action="store_true")
    parser.add_argument("--memory-rounds", type=int, default=3)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("lifecycle: run as root")
    bl.set_child_subreaper()
    started, load_before, uptime_before = bl.utc_now(), bl.loadavg(), bl.uptime_text()
    work = tempfile.mkdtemp(prefix="lxcri-bench.")
    bench = None
    try:
        launcher = find_launcher(lxc_oci)
        snap_launcher, snap_home, source_home, jars = snapshot(launcher, work)
        lxcri_env = dict(os.environ, PROXMOX_LXCRI_HOME=snap_home)
        cds = os.environ.get("PROXMOX_LXCRI_CDS", "on") != "off"
        if cds:
            cds_cmd = [os.path.join(os.path.dirname(snap_launcher), "proxmox-lxcri-cds")]
            if os.environ.get("PROXMOX_LXCRI_CDS_JAVA"):
                cds_cmd.append(os.environ["PROXMOX_LXCRI_CDS_JAVA"])
            r = bl.run(cds_cmd, work, env=lxcri_env, name="cds")
            print(r.out, end="", flush=True)
        bundles, rootfs = make_bundles(work)
        lxc_conf = os.path.join(work, "lxc.conf")
        os.makedirs(os.path.join(work, "lxc"))
        with open(lxc_conf, "w") as f:
            f.write(f"lxc.rootfs.path = dir:{rootfs}\nlxc.mount.auto = proc:rw sys:ro\nlxc.console.path = none\n")
        runtimes = [Runtime(LXCRI, snap_launcher, os.path.join(work, "root-lxcri"), lxcri_env),
                    Runtime("runc", shutil.which("runc"), os.path.join(work, "root-runc"), None)]
        excluded = {}
        if not args.no_crun and shutil.which("crun"):
            crun = Runtime("crun", shutil.which("crun"), os.path.join(work, "root-crun"), None)
            # crun 1.8 refuses cgroup v1+v2 hybrid hosts: find out once, before anything is timed
            r = bl.run(crun.cmd("create", "--bundle", bundles["sleep"], "probe-crun"), work, expect_rc=None,
                       name="probe-crun")
            if r.rc == 0:
                bl.run(crun.cmd("delete", "--force", "probe-crun"), work)
                runtimes.append(crun)
            else:
                excluded["crun"] = (r.out + r.err).strip()
                print(f"crun left out: {excluded['crun']}", file=sys.stderr)
        use_lxc = not args.no_lxc_execute and shutil.which("lxc-execute")
        jvm = probe_jvm(runtimes[0], bundles, work)
        variant = args.variant or f"{'cds' if jvm['archives_used'] else 'nocds'}-jdk{jvm['java_runtime_version'].split('.')[0].split('+')[0]}"
        java_rt = Runtime("java -version", jvm["java"], None, None)
        bench = Bench(args, work, runtimes, bundles)
        for it in range(-args.warmup, args.iterations):
            phase = "warmup" if it < 0 else "measured"
            k = it % len(runtimes)
            order = runtimes[k:] + runtimes[:k]
            for rt in order:
                bench.lifecycle(phase, it, rt)
            if use_lxc:
                bench.lxc_execute(phase, it, lxc_conf)
            bench.verbs(phase, it, order)
            bench.startup(phase, it, order)
            r = bench.timed(phase, "startup", it, java_rt, "java-version",
                            [jvm["java"], "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                             "-XX:-UsePerfData", "-version"])
            if "version" not in r.err:
                raise bl.BenchError(f"java -version printed no version\n{r.describe()}")
            print(f"iteration {it} ({phase}) done, load {bl.loadavg()}", file=sys.stderr, flush=True)
        memory = []
        for it in range(args.memory_rounds):
            k = it % len(runtimes)
            memory += bench.memory(it, runtimes[k:] + runtimes[:k])
        names = [rt.name for rt in runtimes] + (["lxc-execute"] if use_lxc else [])
        summary_names = names + [java_rt.name]
        data = {
            "benchmark": "lifecycle", "variant": variant, "command": " ".join(
                [f"{k}={os.environ[k]}" for k in ("PROXMOX_LXCRI_CDS", "PROXMOX_LXCRI_JAVA", "PROXMOX_LXCRI_CDS_JAVA")
                 if k in os.environ] + ["lxc-oci/bench/lifecycle.sh"] + sys.argv[1:]),
            "started": started, "finished": bl.utc_now(), "iterations": args.iterations, "warmup": args.warmup,
            "runtime_order": names,
            "environment": {
                "machine": bl.machine(), "loadavg_before": load_before, "uptime_before": uptime_before,
                "loadavg_after": bl.loadavg(), "uptime_after": bl.uptime_text(),
                "proxmox_lxcri_jvm": jvm, "launcher": launcher, "launcher_home": source_home,
                "class_data_archives_built": cds, "runtimes_left_out": excluded,
                "jar": jars[0], "jar_sha256": bl.sha256_file(jars[0]),
                "jar_mtime": bl.datetime.datetime.fromtimestamp(os.path.getmtime(jars[0]), bl.datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "git_head": bl.git_head(lxc_oci),
                "runtime_versions": {"runc": bl.first_line(["runc", "--version"]),
                                     "crun": bl.first_line(["crun", "--version"]),
                                     "lxc": bl.first_line(["lxc-execute", "--version"])},
            },
            "summary": None, "samples": bench.samples, "memory": memory,
        }
        data["summary"] = summarize(bench.samples, summary_names)
        text = report(data)
        os.makedirs(args.results, exist_ok=True)
        stem = os.path.join(args.results, f"{bl.utc_date()}-lifecycle-{variant}")
        base, serial = stem, 1
        while os.path.exists(base + ".json") or (serial == 1 and os.path.exists(stem + "-run1.json")):
            serial += 1  # never overwrite an earlier run of the day: STEM, STEM-run2, STEM-run3, ...
            base = f"{stem}-run{serial}"
        bl.write_json(base + ".json", data)
        with open(base + ".txt", "w") as f:
            f.write(text)
        print(text)
        print(f"raw output: {base}.json, {base}.txt")
    except bl.BenchError as e:
        print(f"lifecycle: ABORTED, nothing recorded: {e}", file=sys.stderr)
        return 2
    finally:
        if bench is not None:
            bench.cleanup()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
