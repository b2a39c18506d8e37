package io.pvekit.examples.apps;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxException;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.Task;
import io.pvekit.proxmox.TaskLogLine;
import io.pvekit.proxmox.TaskStatus;
import io.pvekit.proxmox.Upid;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Waits for a Proxmox VE task and prints its progress: a status line per poll and every new log
 * line as it appears. Unlike {@code Task.await}, which only returns the end state, this shows what
 * the task is doing while it runs.
 *
 * <pre>
 * java io.pvekit.examples.apps.WaitForTask https://pve:8006 'root@pam!ops' SECRET UPID:pve1:... [SHA256]
 * </pre>
 */
public final class WaitForTask {
  private static final int LOG_PAGE = 500;

  private WaitForTask() {}

  /**
   * Command-line entry point: polls every second for up to an hour.
   *
   * @param args base URL, token id, secret, UPID, optional certificate fingerprint
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    if (args.length < 4 || args.length > 5) {
      out.println("usage: WaitForTask BASE_URL TOKEN_ID SECRET UPID [SHA256_FINGERPRINT]");
      System.exit(2);
    }
    ProxmoxClient.Builder builder =
        ProxmoxClient.builder()
            .baseUrl(args[0])
            .authentication(Authentication.apiToken(args[1], Secret.of(args[2])));
    if (args.length == 5) {
      builder.pinnedFingerprint(args[4]);
    }
    try (ProxmoxClient client = builder.build()) {
      System.exit(run(client, args[3], Duration.ofSeconds(1), Duration.ofHours(1), out));
    }
  }

  /**
   * Polls the task until it stops, printing progress.
   *
   * @param client a connected client
   * @param upid the task's UPID as PVE prints it
   * @param interval time between polls
   * @param timeout how long to wait in total
   * @param out where the progress goes
   * @return 0 when the task ended OK (or with warnings), 1 when it failed or Proxmox VE refused, 2
   *     for a malformed UPID, 3 when it was still running at the timeout
   */
  public static int run(
      ProxmoxClient client, String upid, Duration interval, Duration timeout, PrintWriter out) {
    Upid id;
    try {
      id = Upid.parse(upid);
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return 2;
    }
    Task task = client.task(id);
    long start = System.nanoTime();
    int logLines = 0;
    try {
      while (true) {
        TaskStatus status = task.status();
        logLines = printNewLog(task, logLines, out);
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (!status.isRunning()) {
          String exit = status.exitStatus().orElse("unknown");
          out.printf("%s %s after %d ms: %s%n", id.type(), id.id(), elapsed, exit);
          return status.isSuccessful() ? 0 : 1;
        }
        out.printf("%s %s running for %d ms%n", id.type(), id.id(), elapsed);
        if (elapsed >= timeout.toMillis()) {
          out.println("timeout: still running after " + timeout + "; the task keeps running");
          return 3;
        }
        Thread.sleep(interval.toMillis());
      }
    } catch (ProxmoxException e) {
      out.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("interrupted; the task keeps running");
      return 3;
    }
  }

  /** Prints log lines from {@code seen} on; returns how many lines have been printed in total. */
  private static int printNewLog(Task task, int seen, PrintWriter out) {
    int printed = seen;
    List<TaskLogLine> lines;
    do {
      lines = task.log(printed, LOG_PAGE);
      for (TaskLogLine line : lines) {
        out.println("  | " + line.text());
      }
      printed += lines.size();
    } while (lines.size() == LOG_PAGE);
    return printed;
  }
}
