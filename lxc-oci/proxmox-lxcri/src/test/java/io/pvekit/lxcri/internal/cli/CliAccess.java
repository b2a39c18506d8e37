package io.pvekit.lxcri.internal.cli;

import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the command line in-process. */
public final class CliAccess {
  private CliAccess() {}

  public static int run(String[] args, PrintStream out) {
    return Main.run(args, out, out, Map.of());
  }
}
