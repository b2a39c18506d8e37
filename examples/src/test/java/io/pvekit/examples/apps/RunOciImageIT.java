package io.pvekit.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.examples.BusyboxLayout;
import io.pvekit.examples.PvekitProcess;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RunOciImage app, started as users start it: its own JVM, real streams, real status. */
@Requires({Prerequisite.ROOT, Prerequisite.LIBLXC, Prerequisite.BUSYBOX_STATIC})
class RunOciImageIT {
  @TempDir Path dir;

  @Test
  void main_runsTheImageAsAnLxcContainer_andExitsWithItsStatus() throws Exception {
    Path layout = BusyboxLayout.write(dir, "echo hello from pid $$; exit 4");
    Path state = dir.resolve("state");
    PvekitProcess.Result result =
        PvekitProcess.runMain(
            dir,
            Map.of(),
            RunOciImage.class.getName(),
            layout.toString(),
            "demo",
            state.toString());
    assertThat(result.stdout()).as(result.stderr()).isEqualTo("hello from pid 1\n");
    assertThat(result.status()).isEqualTo(4);
    try (Stream<Path> left = Files.list(state)) {
      assertThat(left).as("container state left behind").isEmpty();
    }
  }

  @Test
  void main_withoutArguments_printsUsageAndExitsTwo() throws Exception {
    PvekitProcess.Result result = PvekitProcess.runMain(dir, Map.of(), RunOciImage.class.getName());
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.stderr()).startsWith("usage: RunOciImage LAYOUT_DIR TAG");
  }
}
