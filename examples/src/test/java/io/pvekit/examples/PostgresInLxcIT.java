package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.LxcRuntime;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real database in LXC: Debian's PostgreSQL 15 packaged as an OCI image, unpacked with pvekit and
 * run by {@link LxcRuntime} (the engine of proxmox-lxcri) with its data directory on a bind mount
 * from the host. Rows written through JDBC survive a stop (SIGTERM) and a new container.
 */
@Requires({Prerequisite.ROOT, Prerequisite.LIBLXC, Prerequisite.LXC_TOOLS})
class PostgresInLxcIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int PG_UID = 999;
  private static final int PG_GID = 999;
  private static final String PREFIX =
      "pgit" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));

  @TempDir Path dir;
  private Path stateRoot;
  private LxcRuntime runtime;

  @BeforeEach
  void hostHasPostgres() {
    assertThat(PostgresRootfs.missingOnHost())
        .as("PostgreSQL on the host (copied into the image)")
        .isEmpty();
    stateRoot = dir.resolve("state");
    runtime = LxcRuntime.builder().root(stateRoot).timeout(WAIT).build();
  }

  @AfterEach
  void nothingLeft() throws IOException {
    for (ContainerState state : runtime.list()) {
      runtime.delete(state.id(), true);
    }
    assertThat(runtime.list()).as("containers").isEmpty();
    try (Stream<Path> left = Files.list(stateRoot)) {
      assertThat(left.toList()).as("state under %s", stateRoot).isEmpty();
    }
    assertThat(processesMentioning(PREFIX)).as("processes of %s", PREFIX).isEmpty();
    assertThat(cgroupsNamed(PREFIX)).as("cgroups of %s", PREFIX).isEmpty();
    assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(PREFIX);
  }

  @Test
  void rowsSurviveStopAndStart_withTheDataDirectoryOnABindMount() throws Exception {
    Path home = Files.createDirectories(dir.resolve("pghome"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    Files.setAttribute(home, "unix:uid", PG_UID);
    Files.setAttribute(home, "unix:gid", PG_GID);
    Path data = home.resolve("data");
    int port = freePort();
    Path bundle = PostgresBundle.create(dir.resolve("work"), home, port, PG_UID, PG_GID);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";

    String first = PREFIX + "-first";
    runtime.create(first, bundle);
    runtime.start(first);
    long serverPid = runtime.state(first).pid();
    try (Connection c = connect(url, home)) {
      try (Statement s = c.createStatement()) {
        assertThat(scalar(s, "show data_directory")).isEqualTo(PostgresRootfs.DATA_DIR);
        assertThat(scalar(s, "show server_version_num")).startsWith("15");
        assertThat(scalar(s, "select current_user")).isEqualTo("postgres");
        s.execute("create table orders (id int primary key, item text not null, qty int)");
      }
      try (PreparedStatement insert = c.prepareStatement("insert into orders values (?, ?, ?)")) {
        for (int i = 1; i <= 100; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item-" + i);
          insert.setInt(3, i * 3);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).hasSize(100);
      }
    }
    // The server is PID 1 of its own namespaces, not a process of the host's.
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + serverPid + "/ns/mnt")))
        .isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")));
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + serverPid + "/ns/pid")))
        .isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")));
    assertThat(Files.readString(Path.of("/proc/" + serverPid + "/status")))
        .containsPattern("Uid:\\s+" + PG_UID + "\\s");
    stop(first);
    // The data is on the host, written by the container's postgres user.
    assertThat(data.resolve("PG_VERSION")).hasContent("15\n");
    assertThat(Files.getAttribute(data.resolve("base"), "unix:uid")).isEqualTo(PG_UID);
    assertThat(startupLog(home)).contains("database system is shut down");

    String second = PREFIX + "-second";
    runtime.create(second, bundle);
    runtime.start(second);
    assertThat(runtime.state(second).pid()).isNotEqualTo(serverPid);
    try (Connection c = connect(url, home);
        Statement s = c.createStatement()) {
      assertThat(scalar(s, "select count(*) from orders")).isEqualTo("100");
      assertThat(scalar(s, "select sum(qty) from orders")).isEqualTo("15150");
      assertThat(scalar(s, "select item from orders where id = 42")).isEqualTo("item-42");
    }
    stop(second);
    // initdb ran once: the second container found the cluster and did not make a new one.
    assertThat(startupLog(home).split("Success\\. You can now start the database server", -1))
        .hasSize(2);
  }

  private void stop(String id) throws InterruptedException {
    runtime.kill(id, "TERM", false);
    assertThat(runtime.awaitExit(id, WAIT)).as("exit status of %s after SIGTERM", id).contains(0);
    assertThat(runtime.state(id).status()).isEqualTo(ContainerStatus.STOPPED);
    runtime.delete(id, false);
  }

  /** Connects once the server accepts connections (initdb runs first in a new data directory). */
  private static Connection connect(String url, Path home) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try {
        return DriverManager.getConnection(url, "postgres", "");
      } catch (SQLException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new AssertionError(
        "PostgreSQL did not accept connections at " + url + "; its log:\n" + startupLog(home),
        last);
  }

  private static String scalar(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).as(sql).isTrue();
      return r.getString(1);
    }
  }

  private static String startupLog(Path home) {
    try {
      return Files.readString(home.resolve("startup.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no startup.log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static List<String> processesMentioning(String prefix) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains(prefix)) {
            found.add(proc.getFileName() + ": " + cmdline);
          }
        } catch (IOException exited) {
          // gone while scanning
        }
      }
    }
    return found;
  }

  private static List<Path> cgroupsNamed(String prefix) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
      for (Path hierarchy : hierarchies.toList()) {
        if (Files.isDirectory(hierarchy) && !Files.isSymbolicLink(hierarchy)) {
          try (Stream<Path> walk = Files.walk(hierarchy, 4)) {
            walk.filter(p -> p.getFileName().toString().contains(prefix)).forEach(found::add);
          }
        }
      }
    }
    return found;
  }
}
