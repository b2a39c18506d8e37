package io.pvekit.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Asserts that a builder fails with exactly one error naming a field and value. */
final class ValidationAssert {
  private ValidationAssert() {}

  static ValidationError onlyError(TenantCluster.Builder builder, String field, String value) {
    TenantValidationException e =
        catchThrowableOfType(TenantValidationException.class, builder::build);
    assertThat(e).as("expected a TenantValidationException").isNotNull();
    List<ValidationError> errors = e.errors();
    assertThat(errors).as(e.getMessage()).hasSize(1);
    ValidationError error = errors.get(0);
    assertThat(error.field()).isEqualTo(field);
    assertThat(error.value()).isEqualTo(value);
    assertThat(e.getMessage()).contains(field).contains(value);
    return error;
  }

  static WorkerPool.Builder pool() {
    return WorkerPool.builder().name("md-0").replicas(2).templateId(9000).sourceNode("pve1");
  }

  static TenantCluster.Builder with(WorkerPool.Builder pool) {
    return TenantClusterInputs.base().addWorkerPool(pool.build());
  }

  static Ipv4Pool.Builder ipPool() {
    return Ipv4Pool.builder()
        .addRanges("10.10.0.100-10.10.0.149")
        .prefix(24)
        .gateway("10.10.0.1")
        .addDnsServers("10.10.0.1");
  }

  static TenantCluster.Builder with(Ipv4Pool.Builder ipPool) {
    return TenantClusterInputs.base().ipv4Pool(ipPool.build()).addWorkerPool(pool().build());
  }
}
