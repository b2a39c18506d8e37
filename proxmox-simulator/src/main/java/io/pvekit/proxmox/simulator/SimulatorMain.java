package io.pvekit.proxmox.simulator;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone simulator: {@code java -jar proxmox-simulator.jar --port 8006 --user root@pam
 * --password SECRET}. It prints one line, {@code listening on https://127.0.0.1:8006 fingerprint
 * AA:BB:...}, and serves until the process is stopped.
 */
public final class SimulatorMain {
  private static final String USAGE =
      """
      Usage: proxmox-simulator [options]
        --port N             HTTPS port (default 8006; 0 picks a free one)
        --http-port N        also serve plain HTTP on this port (default: off; 0 picks a free one)
        --bind ADDRESS       address to listen on (default 127.0.0.1)
        --user USER@REALM    login user (default root@pam)
        --password SECRET    its password (default pvekit)
        --token ID=SECRET    an API token USER@REALM!NAME without privilege separation; repeatable
        --inventory FILE     nodes, storages, guests, users, tokens, ACLs, faults (YAML/JSON)
        --seed N             seed for MACs, PIDs and fault hits (default 0)
        --task-duration MS   how long each task runs (default 100)
        --pve-version X.Y.Z  PVE version to model (default 9.1.3; 9.1.5+ changes 401 texts)
        --help               this text
      """;

  private SimulatorMain() {}

  /**
   * Runs the simulator until the process ends.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    int status =
        run(
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
            args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Starts a simulator from command-line options, prints the listening line and blocks until the
   * thread is interrupted or the JVM shuts down.
   *
   * @param out receives the listening line (or the usage with {@code --help})
   * @param err receives errors
   * @param args the options
   * @return the exit status: 0 after a clean stop, 2 for bad options
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    ProxmoxSimulatorBuilder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("proxmox-simulator: " + e.getMessage());
      err.print(USAGE);
      err.flush();
      return 2;
    }
    if (builder == null) {
      out.print(USAGE);
      out.flush();
      return 0;
    }
    ProxmoxSimulator simulator = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              simulator.close();
              stopped.countDown();
            },
            "pve-sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(simulator.listeningLine());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      simulator.close();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    return 0;
  }

  /** The builder for the options, or null for {@code --help}. */
  static ProxmoxSimulatorBuilder parse(String... args) {
    ProxmoxSimulatorBuilder builder = ProxmoxSimulator.builder().port(8006).httpPort(-1);
    String user = ProxmoxSimulator.DEFAULT_USER;
    String password = ProxmoxSimulator.DEFAULT_PASSWORD;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> builder.port(number(option, value));
        case "--http-port" -> builder.httpPort(number(option, value));
        case "--bind" -> builder.bindAddress(address(value));
        case "--user" -> user = value;
        case "--password" -> password = value;
        case "--token" -> {
          int eq = value.indexOf('=');
          if (eq < 0) {
            throw new IllegalArgumentException("--token: '" + value + "' is not ID=SECRET");
          }
          builder.token(value.substring(0, eq), value.substring(eq + 1), false);
        }
        case "--seed" -> builder.seed(Long.parseLong(value));
        case "--inventory" -> builder.inventoryFile(java.nio.file.Path.of(value));
        case "--task-duration" -> builder.taskDuration(Duration.ofMillis(number(option, value)));
        case "--pve-version" -> builder.pveVersion(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return builder.user(user, password);
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + value + "' is not a number");
    }
  }

  private static InetAddress address(String value) {
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: cannot resolve '" + value + "'");
    }
  }
}
