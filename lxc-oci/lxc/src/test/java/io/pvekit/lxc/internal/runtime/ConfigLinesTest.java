package io.pvekit.lxc.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The translator owns every line of the LXC file the engine writes: the runtime's own lines (log,
 * console, init helper, start-host hook) come from it too, so no single-valued key is written twice
 * (liblxc would take the last one silently).
 */
class ConfigLinesTest {
  /** Keys LXC reads as lists: each line adds one. */
  private static final Pattern LIST_KEYS =
      Pattern.compile(
          "lxc\\.(mount\\.entry|hook\\.[a-z-]+|environment|idmap|cgroup2?\\.devices\\.(allow|deny)"
              + "|include|sysctl\\..+|prlimit\\..+|net\\..+)");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void noSingleValuedKeyIsWrittenTwice(boolean terminal) throws Exception {
    String json =
        new TestBundles.Spec()
            .mount(
                "/dev/pts",
                "devpts",
                "devpts",
                "nosuid",
                "noexec",
                "newinstance",
                "ptmxmode=0666",
                "mode=0620")
            .user(0, 0, 077)
            .linux("\"rootfsPropagation\":\"rslave\"")
            .json()
            .replace("\"terminal\":false", "\"terminal\":" + terminal);
    Path bundle = new TestBundles.Spec().write(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("config.json"), json);
    Path helper = dir.resolve("helper");
    Files.writeString(helper, "#!/bin/sh\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path state = Files.createDirectories(dir.resolve("state"));

    String config =
        new BundlePreparer("lines", bundle, List.of(), java.util.Optional.of(helper))
            .prepare(state)
            .lxcConfig();

    Map<String, List<String>> byKey = new HashMap<>();
    List<String> startHost = new ArrayList<>();
    for (String line : config.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String key = line.substring(0, line.indexOf(" = "));
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
      if (key.equals("lxc.hook.start-host")) {
        startHost.add(line);
      }
    }
    byKey.forEach(
        (key, lines) -> {
          if (!LIST_KEYS.matcher(key).matches()) {
            assertThat(lines).as("lines of %s", key).hasSize(1);
          }
        });
    assertThat(byKey.get("lxc.log.file"))
        .containsExactly("lxc.log.file = " + state.resolve(ContainerDir.LOG));
    assertThat(byKey.get("lxc.log.level")).containsExactly("lxc.log.level = INFO");
    assertThat(byKey.getOrDefault("lxc.console.path", List.of())).hasSize(terminal ? 0 : 1);
    assertThat(byKey.get("lxc.pty.max")).containsExactly("lxc.pty.max = 1024");
    assertThat(startHost).as("the runtime's hook is the last").isNotEmpty();
    assertThat(startHost.get(startHost.size() - 1))
        .contains(state.resolve("start-host").toString());
    assertThat(byKey.get("lxc.mount.entry"))
        .filteredOn(line -> line.contains(".proxmox-lxcri-init"))
        .hasSize(1);
    assertThat(Set.copyOf(byKey.keySet())).contains("lxc.rootfs.path", "lxc.init.cwd");
  }
}
