package io.pvekit.examples;

import java.io.PrintWriter;
import picocli.AutoComplete;
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
      CommandLine.HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public final class PvekitCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // Inherited: `pvekit tenant apply --debug` sets this field on the root object, where CliErrors
  // reads it, whichever subcommand failed.
  @CommandLine.Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors (by default an error is one line).")
  boolean debug;

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
    CommandLine cli = new CommandLine(new PvekitCli()).setOut(out).setErr(err);
    cli.setExecutionExceptionHandler(CliErrors::uncaught);
    // picocli hides generate-completion by default; list it so users find shell completion
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cli.execute(args);
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
