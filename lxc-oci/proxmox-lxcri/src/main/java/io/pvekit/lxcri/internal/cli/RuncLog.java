package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.internal.runtime.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

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

  /**
   * Sends the library's own log records (java.util.logging, where System.Logger writes by default)
   * to this log instead of stderr: in {@code run} stderr is the container's, and runc too keeps its
   * warnings in the {@code --log} file.
   */
  void captureLibraryLogs() {
    Logger library = Logger.getLogger("io.pvekit.lxc");
    library.setUseParentHandlers(false);
    for (Handler old : library.getHandlers()) {
      library.removeHandler(old);
    }
    library.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            String message = new SimpleFormatter().formatMessage(record);
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warn(message);
            } else {
              debug(message);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    library.setLevel(debug ? Level.ALL : Level.INFO);
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
