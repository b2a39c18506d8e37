package io.pvekit.lxcri;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/proxmox-lxcri-cds} builds the class-data archives and {@code bin/proxmox-lxcri} starts
 * each command with the right one, and with none once the jar is newer than the archives (a JVM was
 * seen to run stale classes from an archive made for an older jar).
 */
class ClassDataArchiveIT {
  private static final Path BIN = Path.of("bin").toAbsolutePath();
  private static final String MAIN = "io.pvekit.lxcri.internal.cli.Main";

  @TempDir static Path home;
  @TempDir Path dir;
  private static String cdsOutput;

  @BeforeAll
  static void buildArchives() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    try (Stream<Path> jars = Files.list(target)) {
      Path jar =
          jars.filter(
                  p -> p.getFileName().toString().matches("proxmox-lxcri-[^-]+(-SNAPSHOT)?\\.jar"))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("run the package phase first: no jar in " + target));
      Files.copy(jar, home.resolve(jar.getFileName()));
    }
    Files.createSymbolicLink(home.resolve("lib"), target.resolve("lib"));
    Result cds = run(Map.of(), BIN.resolve("proxmox-lxcri-cds").toString());
    assertThat(cds.code()).as(cds.output()).isZero();
    cdsOutput = cds.output();
  }

  @AfterAll
  static void unlinkLib() throws Exception {
    Files.deleteIfExists(home.resolve("lib")); // the link, not target/lib
  }

  @Test
  void threeArchives_andTheJavaTheyFit() throws Exception {
    assertThat(cdsOutput)
        .contains(
            "full class-data archive", "create class-data archive", "lean class-data archive");
    for (String options : List.of("jvm.options", "jvm-create.options", "jvm-lean.options")) {
      assertThat(Files.readString(home.resolve(options)))
          .as(options)
          .contains("-XX:+UseSerialGC")
          .containsPattern("-XX:(AOTCache|SharedArchiveFile)=" + home.toRealPath());
    }
    assertThat(Files.readString(home.resolve("java")).trim()).endsWith("/bin/java");
    assertThat(Files.readString(home.resolve("jvm-no-archive.options")))
        .contains("-XX:+UseSerialGC")
        .doesNotContain("AOTCache", "SharedArchiveFile");
  }

  @Test
  void eachCommandStartsFromItsArchive() throws Exception {
    assertThat(mainSource("--version")).contains("shared objects file");
    assertThat(mainSource("--root", dir.toString(), "state", "missing"))
        .contains("shared objects file");
    assertThat(
            mainSource("--root", dir.toString(), "create", "--bundle", dir.toString(), "nothing"))
        .contains("shared objects file");
    assertThat(mainSource("--root", dir.toString(), "explain", dir.toString()))
        .contains("shared objects file");
  }

  @Test
  void aJarNewerThanTheArchives_startsWithoutThem() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(home)) {
      jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    FileTime before = Files.getLastModifiedTime(jar);
    try {
      Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
      assertThat(mainSource("--version")).doesNotContain("shared objects file").contains("file:");
      // still the flags chosen for that JDK (on JDK 22+ they keep jffi's warnings out of the
      // container's stderr), only without the archive
      assertThat(jvmArguments())
          .containsAll(Files.readAllLines(home.resolve("jvm-no-archive.options")))
          .noneMatch(arg -> arg.contains("AOTCache") || arg.contains("SharedArchiveFile"));
    } finally {
      Files.setLastModifiedTime(jar, before);
    }
    assertThat(mainSource("--version")).contains("shared objects file");
  }

  /** The JVM's arguments as -Xlog:arguments reports them for {@code --version}. */
  private List<String> jvmArguments() throws Exception {
    Result result =
        run(
            Map.of("PROXMOX_LXCRI_JAVA_OPTS", "-Xlog:arguments=info:stdout"),
            BIN.resolve("proxmox-lxcri").toString(),
            "--version");
    String line =
        result
            .output()
            .lines()
            .filter(l -> l.contains("jvm_args: "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no jvm_args in " + result.output()));
    return List.of(line.substring(line.indexOf("jvm_args: ") + 10).trim().split(" "));
  }

  /** Where the JVM took the CLI's main class from, as -Xlog:class+load reports it. */
  private String mainSource(String... args) throws Exception {
    Path log = Files.createTempFile(dir, "classes", ".log");
    List<String> command = new ArrayList<>();
    command.add(BIN.resolve("proxmox-lxcri").toString());
    command.addAll(List.of(args));
    Result result =
        run(
            Map.of("PROXMOX_LXCRI_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
            command.toArray(String[]::new));
    return Files.readAllLines(log).stream()
        .filter(line -> line.contains(" " + MAIN + " source: "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Main was not loaded: " + result.output()));
  }

  record Result(int code, String output) {}

  private static Result run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("PROXMOX_LXCRI_HOME", home.toString());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = Files.createTempFile("cds", ".out");
    try {
      Process p = builder.redirectOutput(out.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
