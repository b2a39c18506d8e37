package io.pvekit.examples;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pvekit} command line: one entry point for the example apps and the demo. */
@Command(
    name = "pvekit",
    mixinStandardHelpOptions = true,
    versionProvider = PvekitCli.Version.class,
    description = "Run Kubernetes workloads on Proxmox VE: examples and demo of the pvekit SDK.",
    subcommands = {
      DemoCommand.class,
      SimulatorCommand.class,
      LxcCommand.class,
      TenantCommand.class,
      DbCommand.class,
      WebhookCommand.class,
      CheckCommand.class,
      OperatorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PvekitCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = run(out, err, args);
    // autoflush covers println only: a command that ends with print() would lose its output
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit status
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new PvekitCli()).setOut(out).setErr(err).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PvekitCli.class.getPackage().getImplementationVersion();
      return new String[] {"pvekit " + (version == null ? "(development build)" : version)};
    }
  }
}
