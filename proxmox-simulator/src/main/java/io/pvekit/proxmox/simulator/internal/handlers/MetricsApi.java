package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.Upid;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Metrics and the cluster log. {@code rrddata} answers the way PVE 9's {@code PVE::RRD} reads its
 * {@code pve-node-9.0} / {@code pve-vm-9.0} files: per time frame a fixed step and number of rows
 * ending at the last full step, the fields pvestatd records, values that follow the guest's state
 * (a stopped guest has only its limits) and are the same for the same time. {@code /cluster/log}
 * lists the task starts and ends pvedaemon logs, newest first.
 */
public final class MetricsApi {
  /** One time frame: seconds per row and rows. */
  record Frame(long step, int rows) {}

  private MetricsApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(
        new Endpoint(
            "GET",
            "/nodes/{node}/rrddata",
            perm("/nodes/{node}", "Sys.Audit"),
            MetricsApi::nodeRrd));
    for (GuestType type : GuestType.values()) {
      r.add(
          new Endpoint(
              "GET",
              "/nodes/{node}/" + type.apiName() + "/{vmid}/rrddata",
              perm("/vms/{vmid}", "VM.Audit"),
              c -> guestRrd(c, c.world().guest(c.node(), c.vmid(), type))));
    }
    r.add(new Endpoint("GET", "/cluster/log", anyUser(), MetricsApi::clusterLog));
  }

  /** PVE 9's resolution and row count per time frame. */
  static Frame frame(String timeframe) {
    return switch (timeframe) {
      case "hour" -> new Frame(60, 60);
      case "day" -> new Frame(60, 1440);
      case "week" -> new Frame(1800, 336);
      case "month" -> new Frame(1800, 1440);
      case "year" -> new Frame(21600, 1440);
      default -> new Frame(604800, 570);
    };
  }

  /** The row times: the {@code rows} steps before the current step began, oldest first. */
  private static long[] times(World world, String timeframe) {
    Frame frame = frame(timeframe);
    long current = frame.step() * (world.clock().epochSecond() / frame.step());
    long[] times = new long[frame.rows()];
    for (int i = 0; i < times.length; i++) {
      times[i] = current - frame.step() * (frame.rows() - i);
    }
    return times;
  }

  private static Object nodeRrd(Call c) {
    World world = c.world();
    NodeState node = world.node(c.node());
    boolean max = "MAX".equals(c.str("cf"));
    long seed = node.name().hashCode();
    long memory = node.memory();
    long used = world.usedMemory(node.name());
    ArrayNode out = Json.array();
    for (long t : times(world, c.str("timeframe"))) {
      ObjectNode row = out.addObject();
      row.put("time", t);
      if (t < node.bootEpoch()) {
        continue; // pvestatd was not running yet: the row's fields are unknown
      }
      double cpu = peak(max, seed, t, 1, 0.03 + 0.05 * noise(seed, t, 2));
      row.put("cpu", Math.min(1, cpu));
      row.put("maxcpu", node.cpus());
      row.put("iowait", peak(max, seed, t, 3, 0.002 + 0.01 * noise(seed, t, 4)));
      row.put("loadavg", peak(max, seed, t, 5, cpu * node.cpus() * 1.2));
      long memused =
          (long) Math.min(memory, peak(max, seed, t, 6, used * (0.97 + 0.03 * noise(seed, t, 7))));
      row.put("memtotal", memory);
      row.put("memused", memused);
      row.put("memavailable", memory - memused);
      row.put("swaptotal", 8L * Sizes.GIB);
      row.put("swapused", (long) (16 * Sizes.MIB * noise(seed, t, 8)));
      row.put("roottotal", 100L * Sizes.GIB);
      row.put("rootused", 12L * Sizes.GIB + (long) (Sizes.GIB * noise(seed, t, 9)));
      row.put("netin", peak(max, seed, t, 10, 2000 + 30000 * noise(seed, t, 11)));
      row.put("netout", peak(max, seed, t, 12, 1500 + 20000 * noise(seed, t, 13)));
      row.put("arcsize", 0);
      pressure(row, max, seed, t, false);
    }
    return out;
  }

  private static Object guestRrd(Call c, Guest guest) {
    World world = c.world();
    boolean max = "MAX".equals(c.str("cf"));
    long seed = guest.vmid();
    long maxmem = guest.memoryBytes();
    long maxdisk = GuestViews.maxdisk(world, guest);
    ArrayNode out = Json.array();
    for (long t : times(world, c.str("timeframe"))) {
      ObjectNode row = out.addObject();
      row.put("time", t);
      row.put("maxcpu", guest.cpus());
      row.put("maxmem", maxmem);
      row.put("maxdisk", maxdisk);
      boolean running = guest.running() && t >= guest.startedAt();
      if (!running) {
        row.put("disk", 0); // pvestatd records only the limits of a stopped guest
        continue;
      }
      long mem = (long) (maxmem * (0.3 + 0.2 * noise(seed, t, 1)));
      row.put("cpu", Math.min(1, peak(max, seed, t, 2, 0.01 + 0.08 * noise(seed, t, 3))));
      row.put("mem", (long) Math.min(maxmem, peak(max, seed, t, 4, mem)));
      row.put("memhost", (long) Math.min(maxmem, mem * 1.05));
      row.put(
          "disk",
          guest.type() == GuestType.LXC ? (long) (maxdisk * (0.2 + 0.1 * noise(seed, t, 5))) : 0);
      row.put("netin", peak(max, seed, t, 6, 500 + 8000 * noise(seed, t, 7)));
      row.put("netout", peak(max, seed, t, 8, 300 + 5000 * noise(seed, t, 9)));
      row.put("diskread", peak(max, seed, t, 10, 4096 * 50 * noise(seed, t, 11)));
      row.put("diskwrite", peak(max, seed, t, 12, 4096 * 80 * noise(seed, t, 13)));
      pressure(row, max, seed, t, true);
    }
    return out;
  }

  private static void pressure(ObjectNode row, boolean max, long seed, long t, boolean guest) {
    String[] keys =
        guest
            ? new String[] {
              "pressurecpusome",
              "pressurecpufull",
              "pressureiosome",
              "pressureiofull",
              "pressurememorysome",
              "pressurememoryfull"
            }
            : new String[] {
              "pressurecpusome",
              "pressureiosome",
              "pressureiofull",
              "pressurememorysome",
              "pressurememoryfull"
            };
    for (int i = 0; i < keys.length; i++) {
      row.put(keys[i], peak(max, seed, t, 20 + i, 0.2 * noise(seed, t, 30 + i)));
    }
  }

  /** The MAX consolidation: the step's average raised by up to half. */
  private static double peak(boolean max, long seed, long t, int channel, double average) {
    return max ? average * (1 + 0.5 * noise(seed, t, 100 + channel)) : average;
  }

  /** A value in [0, 1) that depends only on its inputs (a SplitMix64 finaliser). */
  static double noise(long seed, long time, int channel) {
    long x =
        seed * 0x9E3779B97F4A7C15L + time * 0xC2B2AE3D27D4EB4FL + channel * 0x165667B19E3779F9L;
    x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    x ^= x >>> 31;
    return (x >>> 11) * 0x1.0p-53;
  }

  private static Object clusterLog(Call c) {
    World world = c.world();
    boolean all = c.allowed("/", "Sys.Syslog");
    long max = c.integer("max", 50);
    record Line(long time, int pri, Upid upid, String msg) {}
    List<Line> lines = new ArrayList<>();
    for (TaskRecord task : world.tasks().values()) {
      Upid upid = task.upid();
      if (!all && !upid.user().equals(c.subject())) {
        continue;
      }
      lines.add(new Line(upid.starttime(), 6, upid, "starting task " + task.upidText()));
      if (!task.running()) {
        lines.add(
            new Line(
                task.endtime(),
                task.failed() ? 3 : 6,
                upid,
                "end task " + task.upidText() + " " + task.exitStatus()));
      }
    }
    // a stable sort keeps a task's end after its start when both fall in one second
    lines.sort(Comparator.comparingLong(Line::time));
    ArrayNode out = Json.array();
    for (int i = lines.size() - 1; i >= 0 && out.size() < max; i--) {
      Line line = lines.get(i);
      ObjectNode entry = out.addObject();
      entry.put("uid", i + 1);
      entry.put("time", line.time());
      entry.put("pri", line.pri());
      entry.put("tag", "pvedaemon");
      entry.put("pid", line.upid().pid());
      entry.put("node", line.upid().node());
      entry.put("user", line.upid().user());
      entry.put("msg", line.msg());
    }
    return out;
  }
}
