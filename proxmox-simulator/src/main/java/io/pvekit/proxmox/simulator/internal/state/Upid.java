package io.pvekit.proxmox.simulator.internal.state;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task id in PVE's format: {@code UPID:node:pid:pstart:starttime:type:id:user:}.
 *
 * @param node the node the task runs on
 * @param pid the worker's process id
 * @param pstart the worker's start in clock ticks since boot
 * @param starttime the start, unix seconds
 * @param type the worker type, for example {@code qmstart}
 * @param id the object id, often the VMID; may be empty
 * @param user the user or token that started it
 */
public record Upid(
    String node, long pid, long pstart, long starttime, String type, String id, String user) {
  private static final Pattern FORMAT =
      Pattern.compile(
          "UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):"
              + "([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):");

  /** Parses a UPID, or returns null when it is not one. */
  public static Upid parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    return new Upid(
        m.group(1),
        Long.parseLong(m.group(3), 16),
        Long.parseLong(m.group(4), 16),
        Long.parseLong(m.group(5), 16),
        m.group(6),
        m.group(7),
        m.group(8));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "UPID:%s:%08X:%08X:%08X:%s:%s:%s:",
        node,
        pid,
        pstart,
        starttime,
        type,
        id,
        user);
  }
}
