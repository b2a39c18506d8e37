package io.pvekit.examples;

import io.pvekit.checks.CheckReport;
import io.pvekit.checks.ReportDiff;
import io.pvekit.checks.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pvekit check diff OLD.json NEW.json}: regressions and fixes between two reports. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two JSON reports (pvekit check --format json): regressions, fixes, new and"
          + " removed checks.",
      "Exit code: 0 no regression, 1 regressions, 2 a report could not be read."
    })
final class CheckDiffCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD.json")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW.json")
  Path after;

  @Override
  public Integer call() {
    CheckReport old;
    CheckReport now;
    try {
      old = read(before);
      now = read(after);
    } catch (IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println("pvekit check diff: " + e.getMessage());
      CliErrors.trace(spec, e);
      return 2;
    }
    ReportDiff diff = ReportDiff.between(old, now);
    spec.commandLine().getOut().print(diff.render());
    spec.commandLine().getOut().flush();
    return diff.regressions().isEmpty() ? 0 : 1;
  }

  private static CheckReport read(Path file) throws IOException {
    try {
      return Reports.readJson(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
