"""A provisioner's flow through proxmoxer against the pvekit simulator.

Usage: proxmoxer_provisioning.py HOST PORT USER PASSWORD
Needs two nodes (pve1, pve2) and template 9000 (inventory/proxmoxer.yaml). Pool, clone,
snapshot + config change + rollback, start, wait for the guest agent, file-write + exec,
live migration to pve2, volume info, detach and delete the disk, delete VM and pool.
Prints one line per step; exits non-zero with the reason on the first failure.
"""
import sys
import time

from proxmoxer import ProxmoxAPI
from proxmoxer.core import ResourceException


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


def expect(condition, message):
    if not condition:
        raise SystemExit(message)


def main():
    host, port, user, password = sys.argv[1:5]
    pve = ProxmoxAPI(host, port=int(port), user=user, password=password,
                     verify_ssl=False, service="PVE")
    pve1, pve2 = pve.nodes("pve1"), pve.nodes("pve2")

    pve.pools.post(poolid="tenant")
    vmid = int(pve.cluster.nextid.get())
    wait(pve1, pve1.qemu(9000).clone.post(newid=vmid, name="tenant-vm", full=1))
    pve.pools.put(poolid="tenant", vms=str(vmid))
    members = [m["vmid"] for m in pve.pools("tenant").get()["members"]]
    expect(members == [vmid], "pool members %s" % members)
    print("pool", vmid)

    vm = pve1.qemu(vmid)
    wait(pve1, vm.snapshot.post(snapname="clean", description="as cloned"))
    wait(pve1, vm.config.post(cores=4))
    expect(int(vm.config.get()["cores"]) == 4, "config change lost")
    wait(pve1, vm.snapshot("clean").rollback.post())
    expect(int(vm.config.get()["cores"]) == 2, "rollback did not restore cores")
    names = [s["name"] for s in vm.snapshot.get()]
    expect(names == ["clean", "current"], "snapshots %s" % names)
    wait(pve1, vm.snapshot("clean").delete())
    print("snapshot rolled back")

    wait(pve1, vm.status.start.post())
    refused = 0
    while True:
        try:
            vm.agent.ping.post()
            break
        except ResourceException as e:
            expect(e.status_code == 500 and "guest agent is not running" in str(e), str(e))
            refused += 1
            expect(refused < 10, "agent never came up")
    print("agent up after", refused, "refusals")
    vm.agent("file-write").post(file="/etc/motd", content="provisioned\n")
    pid = vm.agent.exec.post(command=["cat", "/etc/motd"])["pid"]
    while True:
        status = vm.agent("exec-status").get(pid=pid)
        if status["exited"]:
            break
        time.sleep(0.05)
    expect(status.get("out-data") == "provisioned\n", "exec output %s" % status)
    print("agent exec", status["exitcode"])

    allowed = vm.migrate.get(target="pve2")["allowed_nodes"]
    expect(allowed == ["pve2"], "allowed nodes %s" % allowed)
    wait(pve1, vm.migrate.post(target="pve2", online=1, **{"with-local-disks": 1}))
    vm = pve2.qemu(vmid)
    expect(vm.status.current.get()["status"] == "running", "not running on pve2")
    print("migrated to pve2")

    volid = "local-lvm:vm-%d-disk-0" % vmid
    info = pve2.storage("local-lvm").content(volid).get()
    expect(info["size"] == 4 * 1024 ** 3, "volume %s" % info)
    wait(pve2, vm.status.stop.post())
    vm.config.put(delete="scsi0")
    wait(pve2, pve2.storage("local-lvm").content(volid).delete())
    left = [v["volid"] for v in pve2.storage("local-lvm").content.get()]
    expect(volid not in left, "volume still there")
    print("volume deleted")

    wait(pve2, vm.delete())
    pve.pools.delete(poolid="tenant")
    expect(pve.pools.get() == [], "pool still there")
    print("OK")


if __name__ == "__main__":
    main()
