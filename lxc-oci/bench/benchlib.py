"""Shared helpers of the lxc-oci benchmarks: timed runs with their exit status and output, the
environment a result was measured in, medians. Python 3.9+, standard library only.

Every command is timed as a child of this process: wall time from fork to exit, and CPU time
(user + sys of the command and of the children it waited for) from wait4's rusage. CPU time is what
the command costs the node; under load it is less disturbed than wall time.
"""

import ctypes
import datetime
import hashlib
import json
import os
import platform
import statistics
import subprocess
import time


class BenchError(Exception):
    """A command failed or printed something else than expected: the run is aborted, never timed."""


class Result:
    def __init__(self, argv, rc, wall_ms, cpu_ms, out, err):
        self.argv, self.rc, self.wall_ms, self.cpu_ms, self.out, self.err = argv, rc, wall_ms, cpu_ms, out, err

    def describe(self):
        return (f"command: {' '.join(self.argv)}\nexit status: {self.rc}\n"
                f"stdout: {self.out[-2000:]!r}\nstderr: {self.err[-2000:]!r}")


def run(argv, workdir, env=None, expect_rc=0, stdin=subprocess.DEVNULL, name="cmd"):
    """Runs argv with stdout/stderr in files (a container may keep its stdio open after the runtime
    exits: a pipe would block), returns a Result; raises BenchError when the exit status differs
    from expect_rc (None: any)."""
    out_path, err_path = os.path.join(workdir, name + ".out"), os.path.join(workdir, name + ".err")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter_ns()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        t1 = time.perf_counter_ns()
    rc = os.waitstatus_to_exitcode(status)
    proc.returncode = rc  # Popen must not wait again
    with open(out_path, "rb") as f:
        out_text = f.read().decode(errors="replace")
    with open(err_path, "rb") as f:
        err_text = f.read().decode(errors="replace")
    result = Result(list(argv), rc, (t1 - t0) / 1e6, (usage.ru_utime + usage.ru_stime) * 1000, out_text, err_text)
    if expect_rc is not None and rc != expect_rc:
        raise BenchError(f"unexpected exit status (wanted {expect_rc})\n{result.describe()}")
    return result


def set_child_subreaper():
    """Makes this process adopt the orphans of the commands it runs, as containerd's shim does:
    a runtime's resident processes are then our descendants and can be found and measured."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def reap_orphans():
    """Collects adopted children that have exited. Call only between commands (run() waits for
    its own child by pid, so nothing is stolen from it)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def alive(pid):
    """True while pid exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def wait_gone(pid, timeout_s=30.0):
    """Waits for pid to exit (polling every 0.5 ms, reaping it if it is our adopted child)."""
    deadline = time.monotonic() + timeout_s
    while alive(pid):
        reap_orphans()
        if time.monotonic() > deadline:
            raise BenchError(f"process {pid} still alive after {timeout_s} s")
        time.sleep(0.0005)
    reap_orphans()


def pid_namespace(pid):
    try:
        return os.readlink(f"/proc/{pid}/ns/pid")
    except OSError:
        return None


def process_table():
    """pid -> (ppid, comm) for every process."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        table[int(name)] = (int(fields[1]), comm)
    return table


def descendants(root, table=None):
    table = table if table is not None else process_table()
    children = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory_kib(pid):
    """(PSS, RSS) in KiB from /proc/PID/smaps_rollup: PSS shares pages between processes fairly."""
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[0] in ("Pss:", "Rss:"):
                values[parts[0][:-1]] = int(parts[1])
    return values.get("Pss", 0), values.get("Rss", 0)


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().strip()


def uptime_text():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def first_line(argv):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, check=False)
        return (p.stdout or p.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "not available"


def machine():
    cpu_model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    return {
        "kernel": platform.release(),
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_mib": mem_kib // 1024,
        "hostname": platform.node(),
    }


def git_head(path):
    try:
        return subprocess.run(["git", "-C", path, "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def median(values):
    return statistics.median(values) if values else None


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_date():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")


def write_json(path, data):
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


def fmt(value, digits=1):
    if value is None:
        return "-"
    return f"{value:.{digits}f}"
