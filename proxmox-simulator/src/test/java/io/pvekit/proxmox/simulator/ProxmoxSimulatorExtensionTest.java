package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxmoxSimulatorExtensionTest {
  @Nested
  @ExtendWith(ProxmoxSimulatorExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OnePerClass {
    private static ProxmoxSimulator first;
    private final ProxmoxSimulator injected;

    OnePerClass(ProxmoxSimulator injected) {
      this.injected = injected;
    }

    @Test
    @Order(1)
    void injectsARunningSimulator(ProxmoxSimulator simulator) {
      assertThat(simulator).isSameAs(injected);
      assertThat(RawHttp.to(simulator).login(simulator).get("/version").status()).isEqualTo(200);
      first = simulator;
    }

    @Test
    @Order(2)
    void sharesItAcrossTheClass(ProxmoxSimulator simulator) {
      assertThat(simulator).isSameAs(first);
    }

    @AfterAll
    static void closedAfterTheClass() {
      // the store closes it after this callback; it still answers here
      assertThat(RawHttp.to(first).login(first).get("/version").status()).isEqualTo(200);
    }
  }

  @Nested
  class FreshPerTest {
    @RegisterExtension
    final ProxmoxSimulatorExtension pve =
        ProxmoxSimulatorExtension.with(ProxmoxSimulator.builder().user("root@pam", "topsecret"));

    @Test
    void usesTheConfiguredBuilder(ProxmoxSimulator simulator) {
      assertThat(simulator).isSameAs(pve.simulator());
      assertThat(simulator.password()).isEqualTo("topsecret");
      RawHttp.Response r =
          RawHttp.to(simulator)
              .post("/access/ticket", "username", "root@pam", "password", "topsecret");
      assertThat(r.status()).isEqualTo(200);
    }
  }
}
