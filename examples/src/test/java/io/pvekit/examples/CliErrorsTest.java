package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What {@code pvekit} prints for an exception that no command caught. */
class CliErrorsTest {
  @Command(name = "failing")
  static final class Failing implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("the disk is full\nsecond line");
    }
  }

  @Test
  void uncaught_isTheFirstLineOfTheMessageWithTheCommand_andExitsOne() {
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new Failing())
            .setErr(new PrintWriter(err, true))
            .setExecutionExceptionHandler(CliErrors::uncaught);
    assertThat(cli.execute()).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "failing: the disk is full (--debug shows the stack trace)" + System.lineSeparator());
  }
}
