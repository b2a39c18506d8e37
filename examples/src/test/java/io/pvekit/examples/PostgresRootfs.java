package io.pvekit.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A root file system with the host's Debian PostgreSQL server in it: the server binaries, their
 * extension modules, the shared libraries all of them load (found with {@code ldd}), the share
 * directory, time zones, a shell for the start script, and a passwd with the {@code postgres} user.
 * Copying the host's packaged files is what debootstrap would unpack from the same Debian packages,
 * without a network (this machine has none).
 */
final class PostgresRootfs {
  /** Where Debian installs PostgreSQL 15. */
  static final Path PG_HOME = Path.of("/usr/lib/postgresql/15");

  /**
   * The postgres user's home in the container, a bind mount from the host: the data directory
   * ({@link #DATA_DIR}, made by initdb) and the server's log ({@code startup.log}) are in it, as
   * Debian keeps clusters under /var/lib/postgresql.
   */
  static final String HOME = "/var/lib/postgresql";

  /** The data directory inside the container. */
  static final String DATA_DIR = HOME + "/data";

  /** The start script in the image: initdb on an empty data directory, then the server. */
  static final String ENTRYPOINT = "/usr/local/bin/pg-start";

  private static final List<String> BINARIES = List.of("postgres", "initdb", "pg_ctl");
  private static final Pattern LDD_PATH = Pattern.compile("(/\\S+) \\(0x[0-9a-f]+\\)");

  private PostgresRootfs() {}

  /** Why the host cannot build the image, or empty when it can: names the Debian package. */
  static String missingOnHost() {
    for (String binary : BINARIES) {
      if (!Files.isExecutable(PG_HOME.resolve("bin").resolve(binary))) {
        return PG_HOME.resolve("bin").resolve(binary)
            + " is missing: apt-get install postgresql-15 (Debian's PostgreSQL 15 server)";
      }
    }
    if (!Files.isExecutable(Path.of("/usr/bin/ldd"))) {
      return "/usr/bin/ldd is missing: apt-get install libc-bin";
    }
    if (!Files.isExecutable(Path.of("/bin/dash"))) {
      return "/bin/dash (the image's /bin/sh) is missing: apt-get install dash";
    }
    return "";
  }

  /**
   * Fills {@code rootfs} (which must not exist) with PostgreSQL and what it needs.
   *
   * @param uid the postgres user's uid in the image (the data directory's owner on the host)
   * @param gid its gid
   */
  static void build(Path rootfs, int uid, int gid) throws IOException, InterruptedException {
    Files.createDirectories(rootfs);
    Set<Path> elfFiles = new TreeSet<>();
    for (String binary : BINARIES) {
      elfFiles.add(PG_HOME.resolve("bin").resolve(binary));
    }
    try (var modules = Files.list(PG_HOME.resolve("lib"))) {
      // Not the JIT provider: it pulls in libLLVM (over 100 MB); the server runs with jit=off.
      modules
          .filter(p -> p.toString().endsWith(".so"))
          .filter(p -> !p.getFileName().toString().startsWith("llvmjit"))
          .forEach(elfFiles::add);
    }
    Path shell = Path.of("/bin/dash").toRealPath();
    elfFiles.add(shell);
    Set<Path> libraries = new TreeSet<>(sharedLibraries(elfFiles));
    for (Path file : elfFiles) {
      copyFile(file, rootfs);
    }
    for (Path library : libraries) {
      copyFile(library, rootfs);
    }
    copyTree(Path.of("/usr/share/postgresql/15"), rootfs);
    copyTree(Path.of("/usr/share/zoneinfo"), rootfs);
    Files.createDirectories(rootfs.resolve("bin"));
    Files.copy(shell, rootfs.resolve("bin/sh"), StandardCopyOption.COPY_ATTRIBUTES);
    for (String dir : List.of("tmp", "dev", "proc", "sys", "etc")) {
      Files.createDirectories(rootfs.resolve(dir));
    }
    Files.setPosixFilePermissions(
        rootfs.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.writeString(
        rootfs.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\n"
            + "postgres:x:"
            + uid
            + ":"
            + gid
            + ":PostgreSQL administrator:/var/lib/postgresql:/bin/sh\n");
    Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\npostgres:x:" + gid + ":\n");
    Files.createDirectories(rootfs.resolve(HOME.substring(1)));
    Path script = rootfs.resolve(ENTRYPOINT.substring(1));
    Files.createDirectories(script.getParent());
    Files.writeString(script, startScript(), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * The start script: an empty data directory gets {@code initdb} first (trust authentication: the
   * server listens on loopback only), then {@code exec} makes the server the container's process,
   * so SIGTERM reaches it directly. The server's log goes to {@code startup.log} in the data
   * directory, where the host (and a failing test) can read it.
   */
  static String startScript() {
    return String.join(
        "\n",
        "#!/bin/sh",
        "set -e",
        "exec >>" + HOME + "/startup.log 2>&1",
        "if [ ! -s \"$PGDATA/PG_VERSION\" ]; then",
        "  "
            + PG_HOME
            + "/bin/initdb -D \"$PGDATA\" -U postgres --auth=trust"
            + " --encoding=UTF8 --locale=C --no-sync",
        "fi",
        "exec "
            + PG_HOME
            + "/bin/postgres -D \"$PGDATA\" -p \"$PGPORT\""
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c jit=off",
        "");
  }

  /** The absolute paths {@code ldd} resolves for ELF files (one ldd for all: it is slow). */
  static List<Path> sharedLibraries(Set<Path> elfFiles) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/ldd"));
    elfFiles.forEach(f -> command.add(f.toString()));
    Process ldd = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ldd.waitFor(60, TimeUnit.SECONDS)) {
      ldd.destroyForcibly();
      throw new IOException("ldd did not finish in 60 s");
    }
    if (out.contains("not found")) {
      throw new IOException("ldd cannot resolve a library of PostgreSQL:\n" + out);
    }
    List<Path> found = new ArrayList<>();
    Matcher m = LDD_PATH.matcher(out);
    while (m.find()) {
      found.add(Path.of(m.group(1)));
    }
    return found;
  }

  /**
   * Copies a host file to the same path in the rootfs, following symlinks: the loader looks
   * libraries up by the names ldd printed, so those names become regular files.
   */
  private static void copyFile(Path file, Path rootfs) throws IOException {
    Path target = rootfs.resolve(file.toString().substring(1));
    Files.createDirectories(target.getParent());
    Files.copy(
        file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static void copyTree(Path source, Path rootfs) throws IOException {
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(rootfs.resolve(dir.toString().substring(1)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = rootfs.resolve(file.toString().substring(1));
            if (attrs.isSymbolicLink()) {
              Files.createSymbolicLink(target, Files.readSymbolicLink(file));
            } else {
              Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
