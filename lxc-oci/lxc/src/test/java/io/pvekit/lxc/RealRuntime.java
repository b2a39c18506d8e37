package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real runtime (liblxc, real containers) of one IT class: its own state root and id prefix,
 * every container a test left deleted after it, and after the class a check that nothing of its
 * containers stayed on the host. Ids carry the class's prefix so that other classes running at the
 * same time are not touched.
 */
public final class RealRuntime implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  /** How long a container is given to start, stop or exit. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  /** The init helper {@code ./mvnw package} compiles, as proxmox-lxcri uses it. */
  public static final Path INIT_HELPER = Path.of("target/proxmox-lxcri-init").toAbsolutePath();

  private final String prefix;
  private final boolean withInitHelper;
  private Path stateRoot;
  private LxcRuntime runtime;

  private RealRuntime(String name, boolean withInitHelper) {
    this.prefix = name + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    this.withInitHelper = withInitHelper;
  }

  /** A runtime that starts containers through the init helper, as proxmox-lxcri does. */
  public static RealRuntime withInitHelper(String name) {
    return new RealRuntime(name, true);
  }

  /** A runtime that lets liblxc start the process itself. */
  public static RealRuntime withoutInitHelper(String name) {
    return new RealRuntime(name, false);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    stateRoot = Files.createTempDirectory("pvekit-" + prefix + "-state");
    LxcRuntime.Builder builder = LxcRuntime.builder().root(stateRoot).timeout(WAIT);
    if (withInitHelper) {
      assertThat(INIT_HELPER).as("built by ./mvnw package with gcc and libc6-dev").isExecutable();
      builder.initHelper(INIT_HELPER);
    }
    runtime = builder.build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (ContainerState state : runtime.list()) {
      runtime.delete(state.id(), true);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    LeakCheck.assertNothingLeft(prefix, stateRoot);
    Files.deleteIfExists(stateRoot);
  }

  /** The runtime under test. */
  public LxcRuntime runtime() {
    return runtime;
  }

  /** Where the runtime keeps its state. */
  public Path stateRoot() {
    return stateRoot;
  }

  /** A container id of this class: the prefix and the name. */
  public String id(String name) {
    return prefix + "-" + name;
  }
}
