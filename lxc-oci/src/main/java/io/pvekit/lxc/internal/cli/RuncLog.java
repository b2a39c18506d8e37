package io.pvekit.lxc.internal.cli;

import io.pvekit.lxc.internal.runtime.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * runc's {@code --log} file. containerd's shim reports a failed call with the {@code msg} of the
 * last {@code {"level":"error",...}} line of this file (JSON format), so every failure writes one.
 */
final class RuncLog {
  private final Path file;
  private final boolean json;
  private final boolean debug;
  private final PrintStream stderr;

  /** Set by bin/proxmox-lxcri: marks lines this process wrote, so the launcher can tell. */
  private final String launcher = System.getenv("PROXMOX_LXCRI_LAUNCHER_PID");

  RuncLog(Path file, String format, boolean debug, PrintStream stderr) {
    if (!format.equals("json") && !format.equals("text")) {
      throw new UsageException("unknown log-format \"" + format + "\": use text or json");
    }
    this.file = file;
    this.json = format.equals("json");
    this.debug = debug;
    this.stderr = stderr;
  }

  void error(String message) {
    write("error", message);
    stderr.println(message);
  }

  void warn(String message) {
    write("warning", message);
  }

  void debug(String message) {
    if (debug) {
      write("debug", message);
    }
  }

  private void write(String level, String message) {
    if (file == null) {
      if (debug && !level.equals("error")) {
        stderr.println(level + ": " + message);
      }
      return;
    }
    String time = Instant.now().toString();
    String line =
        json
            ? "{\"level\":"
                + Json.quote(level)
                + ",\"msg\":"
                + Json.quote(message)
                + ",\"time\":"
                + Json.quote(time)
                + (launcher == null ? "" : ",\"launcher\":" + Json.quote(launcher))
                + "}\n"
            : "time="
                + Json.quote(time)
                + " level="
                + level
                + " msg="
                + Json.quote(message)
                + (launcher == null ? "" : " launcher=" + launcher)
                + "\n";
    try {
      Files.writeString(
          file,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      stderr.println("cannot write the log " + file + ": " + e.getMessage());
    }
  }
}
