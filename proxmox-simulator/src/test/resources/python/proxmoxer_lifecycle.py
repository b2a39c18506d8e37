"""Drives the pvekit Proxmox simulator with the third-party proxmoxer client.

Usage: proxmoxer_lifecycle.py HOST PORT USER PASSWORD
Logs in, lists nodes, clones template 9000, starts the clone, waits for every task,
stops and deletes it, and checks nothing is left. Prints one line per step; exits
non-zero with the reason on the first failure.
"""
import sys
import time

from proxmoxer import ProxmoxAPI


def wait(node, upid, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = node.tasks(upid).status.get()
        if status["status"] == "stopped":
            if status.get("exitstatus") != "OK":
                raise SystemExit("task %s failed: %s" % (upid, status.get("exitstatus")))
            return status
        time.sleep(0.05)
    raise SystemExit("task %s did not finish in %ss" % (upid, timeout))


def main():
    host, port, user, password = sys.argv[1:5]
    pve = ProxmoxAPI(host, port=int(port), user=user, password=password,
                     verify_ssl=False, service="PVE")
    names = [n["node"] for n in pve.nodes.get()]
    print("nodes", ",".join(names))
    node = pve.nodes(names[0])

    newid = int(pve.cluster.nextid.get())
    upid = node.qemu(9000).clone.post(newid=newid, name="proxmoxer-clone", full=1)
    print("clone", upid)
    wait(node, upid)

    upid = node.qemu(newid).status.start.post()
    wait(node, upid)
    state = node.qemu(newid).status.current.get()["status"]
    print("status", state)
    if state != "running":
        raise SystemExit("expected running, got " + state)

    wait(node, node.qemu(newid).status.stop.post())
    wait(node, node.qemu(newid).delete())
    left = [vm["vmid"] for vm in node.qemu.get() if vm["vmid"] == newid]
    if left:
        raise SystemExit("VM %s still exists" % newid)
    print("deleted", newid)
    print("OK")


if __name__ == "__main__":
    main()
