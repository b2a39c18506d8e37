package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.ResourceLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** pause, resume, ps and update. */
final class LiveCommands {
  private LiveCommands() {}

  static int pause(List<String> argv, Context ctx) {
    ctx.runtime().pause(Args.parse(argv, Set.of(), Set.of(), Map.of(), false).id("pause"));
    return 0;
  }

  static int resume(List<String> argv, Context ctx) {
    ctx.runtime().resume(Args.parse(argv, Set.of(), Set.of(), Map.of(), false).id("resume"));
    return 0;
  }

  static int ps(List<String> argv, Context ctx) {
    Args args = Args.parse(argv, Set.of("format"), Set.of(), Map.of("f", "format"), true);
    String id = args.id("ps");
    List<Long> pids = ctx.runtime().pids(id);
    String format = args.value("format", "table");
    if (format.equals("json")) {
      ctx.out.println(
          pids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
      return 0;
    }
    if (!format.equals("table")) {
      throw new UsageException("invalid format option \"" + format + "\": use table or json");
    }
    List<String> psArgs = args.positional().subList(1, args.positional().size());
    printPsTable(pids, psArgs.isEmpty() ? List.of("-ef") : psArgs, ctx);
    return 0;
  }

  /** Runs ps(1) like runc does and keeps the header and the container's rows. */
  private static void printPsTable(List<Long> pids, List<String> psArgs, Context ctx) {
    List<String> command = new ArrayList<>();
    command.add("ps");
    command.addAll(psArgs);
    Set<String> wanted = new HashSet<>();
    pids.forEach(p -> wanted.add(Long.toString(p)));
    try {
      Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(ps.getInputStream(), StandardCharsets.UTF_8))) {
        String header = reader.readLine();
        if (header == null) {
          return;
        }
        int column = List.of(header.trim().split("\\s+")).indexOf("PID");
        if (column < 0) {
          throw new UsageException("ps output has no PID column: " + header);
        }
        ctx.out.println(header);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length > column && wanted.contains(fields[column])) {
            ctx.out.println(line);
          }
        }
      }
      ps.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run ps: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int update(List<String> argv, Context ctx) {
    Args args =
        Args.parse(
            argv,
            Set.of(
                "resources",
                "memory",
                "memory-reservation",
                "memory-swap",
                "kernel-memory",
                "kernel-memory-tcp",
                "cpu-shares",
                "cpu-quota",
                "cpu-period",
                "cpu-rt-period",
                "cpu-rt-runtime",
                "cpuset-cpus",
                "cpuset-mems",
                "pids-limit",
                "blkio-weight",
                "l3-cache-schema",
                "mem-bw-schema"),
            Set.of(),
            Map.of("r", "resources"),
            false);
    String id = args.id("update");
    ResourceLimits limits;
    if (args.has("resources")) {
      limits = readResources(args.value("resources", "-"));
    } else {
      ResourceLimits.Builder b = ResourceLimits.builder();
      if (args.has("memory")) {
        b.memoryLimit(bytes(args.value("memory", null)));
      }
      if (args.has("memory-reservation")) {
        b.memoryReservation(bytes(args.value("memory-reservation", null)));
      }
      if (args.has("memory-swap")) {
        b.memorySwap(bytes(args.value("memory-swap", null)));
      }
      if (args.has("cpu-shares")) {
        b.cpuShares(Long.parseLong(args.value("cpu-shares", null)));
      }
      if (args.has("cpu-quota")) {
        b.cpuQuota(Long.parseLong(args.value("cpu-quota", null)));
      }
      if (args.has("cpu-period")) {
        b.cpuPeriod(Long.parseLong(args.value("cpu-period", null)));
      }
      if (args.has("cpuset-cpus")) {
        b.cpusetCpus(args.value("cpuset-cpus", null));
      }
      if (args.has("cpuset-mems")) {
        b.cpusetMems(args.value("cpuset-mems", null));
      }
      if (args.has("pids-limit")) {
        b.pidsLimit(Long.parseLong(args.value("pids-limit", null)));
      }
      if (args.has("blkio-weight")) {
        b.blkioWeight(Integer.parseInt(args.value("blkio-weight", null)));
      }
      limits = b.build();
    }
    ctx.runtime().update(id, limits);
    return 0;
  }

  private static ResourceLimits readResources(String file) {
    try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
      return StreamingJson.resources(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resources " + file + ": " + e.getMessage(), e);
    }
  }

  /** Sizes as runc reads them: 64m, 1G, 512k or plain bytes (-1 for unlimited). */
  static long bytes(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT).replaceFirst("i?b$", "");
    long unit = 1;
    if (!v.isEmpty() && "kmgtp".indexOf(v.charAt(v.length() - 1)) >= 0) {
      unit = 1L << (10 * ("kmgtp".indexOf(v.charAt(v.length() - 1)) + 1));
      v = v.substring(0, v.length() - 1);
    }
    try {
      return Long.parseLong(v) * unit;
    } catch (NumberFormatException e) {
      throw new UsageException("invalid size \"" + value + "\": use bytes or 64m, 1g, ...");
    }
  }
}
