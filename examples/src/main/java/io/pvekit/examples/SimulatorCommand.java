package io.pvekit.examples;

import io.pvekit.proxmox.simulator.SimulatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pvekit simulator}: the standalone Proxmox VE API simulator, same options as its jar. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Proxmox VE API simulator until stopped.",
      "Prints one line: listening on https://HOST:PORT fingerprint AA:BB:..."
    })
final class SimulatorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", description = "HTTPS port (default 8006; 0 picks a free one)")
  Integer port;

  @Option(names = "--http-port", description = "also serve plain HTTP on this port")
  Integer httpPort;

  @Option(names = "--bind", description = "address to listen on (default 127.0.0.1)")
  String bind;

  @Option(names = "--user", description = "login user (default root@pam)")
  String user;

  @Option(names = "--password", description = "its password (default pvekit)")
  String password;

  @Option(names = "--token", description = "API token USER@REALM!NAME=SECRET; repeatable")
  List<String> tokens = new ArrayList<>();

  @Option(names = "--seed", description = "seed for MACs, PIDs and fault hits")
  Long seed;

  @Option(names = "--task-duration", description = "how long each task runs, in ms")
  Integer taskDuration;

  @Option(names = "--pve-version", description = "PVE version to model (default 9.1.3)")
  String pveVersion;

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    add(args, "--port", port);
    add(args, "--http-port", httpPort);
    add(args, "--bind", bind);
    add(args, "--user", user);
    add(args, "--password", password);
    tokens.forEach(t -> add(args, "--token", t));
    add(args, "--seed", seed);
    add(args, "--task-duration", taskDuration);
    add(args, "--pve-version", pveVersion);
    CommandLine cli = spec.commandLine();
    return SimulatorMain.run(cli.getOut(), cli.getErr(), args.toArray(String[]::new));
  }

  private static void add(List<String> args, String option, Object value) {
    if (value != null) {
      args.add(option);
      args.add(value.toString());
    }
  }
}
