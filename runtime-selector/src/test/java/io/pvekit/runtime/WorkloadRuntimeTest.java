package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadRuntimeTest {
  @ParameterizedTest
  @EnumSource(WorkloadRuntime.class)
  void annotationValue_roundTrips(WorkloadRuntime runtime) {
    assertThat(WorkloadRuntime.fromAnnotation(runtime.annotationValue())).isEqualTo(runtime);
    assertThat(WorkloadRuntime.fromAnnotation(" " + runtime.annotationValue().toUpperCase() + " "))
        .isEqualTo(runtime);
  }

  @Test
  void lxc_usesTheProxmoxLxcHandler() {
    assertThat(WorkloadRuntime.LXC.runtimeClassHandler()).contains("proxmox-lxc");
    assertThat(WorkloadRuntime.POD.runtimeClassHandler()).isEmpty();
  }

  @Test
  void unknownValue_namesAnnotationValueAndChoices() {
    assertThatThrownBy(() -> WorkloadRuntime.fromAnnotation("kata"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runtime.pvekit.io/runtime: 'kata' is not a runtime; use one of pod, lxc, vm");
  }
}
