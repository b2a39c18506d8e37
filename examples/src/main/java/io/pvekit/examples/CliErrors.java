package io.pvekit.examples;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How every {@code pvekit} command reports a failure: one line naming the command and what went
 * wrong, and the stack trace only when {@code --debug} was given.
 */
final class CliErrors {
  private CliErrors() {}

  /** Whether {@code --debug} was given anywhere on the command line of {@code spec}. */
  static boolean debug(CommandSpec spec) {
    return spec.root().userObject() instanceof PvekitCli cli && cli.debug;
  }

  /**
   * Prints the stack trace of {@code e} when {@code --debug} was given; the caller has already
   * printed its one line.
   */
  static void trace(CommandSpec spec, Throwable e) {
    if (debug(spec)) {
      e.printStackTrace(spec.commandLine().getErr());
      spec.commandLine().getErr().flush();
    }
  }

  /** The first line of the exception's message, or its class name when it has none. */
  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /**
   * The handler for exceptions no command caught: one line, exit status 1; with {@code --debug} the
   * stack trace follows.
   */
  static int uncaught(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    PrintWriter err = command.getErr();
    CommandSpec spec = command.getCommandSpec();
    err.println(
        spec.qualifiedName()
            + ": "
            + firstLine(e)
            + (debug(spec) ? "" : " (--debug shows the stack trace)"));
    trace(spec, e);
    err.flush();
    return 1;
  }
}
