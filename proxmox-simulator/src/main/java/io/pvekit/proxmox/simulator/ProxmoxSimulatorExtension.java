package io.pvekit.proxmox.simulator;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link ProxmoxSimulator} and injects it into constructors,
 * lifecycle methods and test methods that declare a {@code ProxmoxSimulator} parameter.
 *
 * <p>Registered on the class ({@code @ExtendWith(ProxmoxSimulatorExtension.class)}) or in a static
 * field, one simulator serves the whole test class; registered in an instance field, every test
 * gets a fresh one. Either way it is closed when its scope ends. To configure it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ProxmoxSimulatorExtension pve =
 *     ProxmoxSimulatorExtension.with(ProxmoxSimulator.builder().taskDuration(Duration.ZERO));
 *
 * @Test
 * void listsNodes(ProxmoxSimulator simulator) { ... }
 * }</pre>
 *
 * <p>JUnit Jupiter is an optional dependency of this module: add {@code junit-jupiter-api} to your
 * test classpath (you already have it when you write JUnit 5 tests).
 */
public final class ProxmoxSimulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ProxmoxSimulatorExtension.class);

  private final ProxmoxSimulatorBuilder builder;
  private volatile ProxmoxSimulator current;

  /** An extension with the default simulator (used by {@code @ExtendWith}). */
  public ProxmoxSimulatorExtension() {
    this(ProxmoxSimulator.builder());
  }

  private ProxmoxSimulatorExtension(ProxmoxSimulatorBuilder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /**
   * An extension whose simulators come from this builder.
   *
   * @param builder the configured builder; do not change it afterwards
   * @return the extension
   */
  public static ProxmoxSimulatorExtension with(ProxmoxSimulatorBuilder builder) {
    return new ProxmoxSimulatorExtension(builder);
  }

  /**
   * The simulator of the test that runs now.
   *
   * @return the simulator
   * @throws IllegalStateException outside a test
   */
  public ProxmoxSimulator simulator() {
    ProxmoxSimulator simulator = current;
    if (simulator == null) {
      throw new IllegalStateException("no simulator yet: call simulator() from a test");
    }
    return simulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    obtain(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    obtain(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ProxmoxSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return obtain(context);
  }

  private ProxmoxSimulator obtain(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    ProxmoxSimulator simulator = store.get(this, ProxmoxSimulator.class);
    if (simulator == null) {
      simulator = builder.start();
      // the store closes AutoCloseable values when its test or class scope ends
      store.put(this, simulator);
    }
    current = simulator;
    return simulator;
  }
}
