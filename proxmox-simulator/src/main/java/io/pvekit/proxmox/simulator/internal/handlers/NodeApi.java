package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.World;

/** Nodes: list, status, network. */
public final class NodeApi {
  private static final long ROOTFS = 100L * Sizes.GIB;

  private NodeApi() {}

  /** Registers the endpoints. */
  public static void register(Router r, String pveVersion, String fingerprint) {
    r.add(
        new Endpoint(
            "GET",
            "/nodes",
            anyUser(),
            c -> {
              ArrayNode out = Json.array();
              for (NodeState n : c.world().nodes().values()) {
                if (c.allowed("/nodes/" + n.name(), "Sys.Audit")) {
                  ObjectNode node = resource(c.world(), n);
                  node.remove("cgroup-mode");
                  node.put("ssl_fingerprint", fingerprint);
                  out.add(node);
                }
              }
              return out;
            }));
    r.add(
        new Endpoint(
            "GET",
            "/nodes/{node}/status",
            perm("/nodes/{node}", "Sys.Audit"),
            c -> status(c, pveVersion)));
    r.add(new Endpoint("GET", "/nodes/{node}/network", anyUser(), NodeApi::network));
    // the node's clock: the simulated one, so a test can make it drift from the caller's
    r.add(
        new Endpoint(
            "GET",
            "/nodes/{node}/time",
            anyUser(),
            c -> {
              c.world().node(c.node());
              long now = c.world().clock().epochSecond();
              ObjectNode t = Json.object();
              t.put("time", now);
              t.put("localtime", now);
              t.put("timezone", "UTC");
              return t;
            }));
  }

  /** The node's entry in {@code /nodes} and {@code /cluster/resources}. */
  static ObjectNode resource(World world, NodeState n) {
    long now = world.clock().epochSecond();
    ObjectNode r = Json.object();
    r.put("id", "node/" + n.name());
    r.put("type", "node");
    r.put("node", n.name());
    r.put("status", "online");
    r.put("cpu", cpu(world, n));
    r.put("maxcpu", n.cpus());
    r.put("mem", world.usedMemory(n.name()));
    r.put("maxmem", n.memory());
    r.put("disk", ROOTFS / 5);
    r.put("maxdisk", ROOTFS);
    r.put("uptime", n.uptime(now));
    r.put("level", "");
    r.put("cgroup-mode", 2);
    return r;
  }

  private static double cpu(World world, NodeState n) {
    long running =
        world.guests().values().stream()
            .filter(g -> g.node().equals(n.name()) && g.running())
            .count();
    return Math.min(1.0, 0.01 + running * 0.005);
  }

  private static Object status(Call c, String pveVersion) {
    World world = c.world();
    NodeState n = world.node(c.node());
    long used = world.usedMemory(n.name());
    ObjectNode s = Json.object();
    s.put("uptime", n.uptime(world.clock().epochSecond()));
    s.put("cpu", cpu(world, n));
    s.put("wait", 0.0021);
    s.put("idle", 0);
    ArrayNode load = s.putArray("loadavg");
    load.add("0.12").add("0.08").add("0.05");
    s.put("kversion", "Linux 6.17.2-1-pve #1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 x86_64");
    s.put("pveversion", "pve-manager/" + pveVersion + "/simulator");
    ObjectNode cpuinfo = s.putObject("cpuinfo");
    cpuinfo.put("cpus", n.cpus());
    cpuinfo.put("cores", Math.max(1, n.cpus() / 2));
    cpuinfo.put("sockets", 1);
    cpuinfo.put("model", "pvekit simulated CPU");
    cpuinfo.put("mhz", "2400.000");
    cpuinfo.put("hvm", "1");
    cpuinfo.put("user_hz", 100);
    cpuinfo.put("flags", "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov");
    ObjectNode memory = s.putObject("memory");
    memory.put("total", n.memory());
    memory.put("used", used);
    memory.put("free", n.memory() - used);
    memory.put("available", n.memory() - used);
    ObjectNode swap = s.putObject("swap");
    swap.put("total", 8 * Sizes.GIB).put("used", 0).put("free", 8 * Sizes.GIB);
    ObjectNode rootfs = s.putObject("rootfs");
    rootfs.put("total", ROOTFS).put("used", ROOTFS / 5).put("free", ROOTFS * 4 / 5);
    rootfs.put("avail", ROOTFS * 4 / 5);
    s.putObject("ksm").put("shared", 0);
    s.putObject("boot-info").put("mode", "efi").put("secureboot", 0);
    ObjectNode kernel = s.putObject("current-kernel");
    kernel.put("sysname", "Linux");
    kernel.put("release", "6.17.2-1-pve");
    kernel.put("version", "#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1");
    kernel.put("machine", "x86_64");
    return s;
  }

  private static Object network(Call c) {
    NodeState n = c.world().node(c.node());
    String type = c.str("type");
    ArrayNode out = Json.array();
    for (NodeState.Iface i : n.network()) {
      boolean bridge = i.type().equals("bridge");
      if (type != null
          && !type.equals(i.type())
          && !((type.equals("any_bridge") || type.equals("any_local_bridge")) && bridge)) {
        continue;
      }
      ObjectNode iface = out.addObject();
      iface.put("iface", i.name());
      iface.put("type", i.type());
      iface.put("active", 1);
      iface.put("autostart", 1);
      iface.put("exists", 1);
      iface.put("method", i.address() == null ? "manual" : "static");
      iface.put("method6", "manual");
      iface.putArray("families").add("inet");
      iface.put("priority", bridge ? 4 : 3);
      if (i.address() != null) {
        iface.put("address", i.address());
        iface.put("netmask", i.netmask());
        iface.put("cidr", i.address() + "/" + i.netmask());
      }
      if (i.gateway() != null) {
        iface.put("gateway", i.gateway());
      }
      if (bridge) {
        iface.put("bridge_ports", i.bridgePorts());
        iface.put("bridge_stp", "off");
        iface.put("bridge_fd", "0");
      }
      if (i.comments() != null) {
        iface.put("comments", i.comments());
      }
    }
    return out;
  }
}
