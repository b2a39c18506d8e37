package io.pvekit.proxmox.simulator.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaParamsTest {
  @Test
  void anEndpointTheSchemaDoesNotHave_failsNamingIt() {
    assertThatThrownBy(() -> SchemaParams.params("POST", "/nodes/{node}/qemu/{vmid}/bogus"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("POST /nodes/{node}/qemu/{vmid}/bogus")
        .hasMessageContaining("not in the PVE 9.1 schema extract");
  }

  @Test
  void readsTheExtractsParameters_andAttachesTheCheckedPropertyStrings() {
    Map<String, Param> create = SchemaParams.params("POST", "/nodes/{node}/qemu");
    Param vmid = create.get("vmid");
    assertThat(vmid.type()).isEqualTo("integer");
    assertThat(vmid.optional()).isFalse();
    assertThat(vmid.format()).isEqualTo("pve-vmid");
    assertThat(vmid.minimum()).isEqualTo(100.0);
    assertThat(create.get("net[n]").subFormat()).isSameAs(QemuSchema.NET);
    assertThat(create.get("agent").propertyString()).isTrue();
    assertThat(create.get("agent").subFormat()).isNull();
    assertThat(create.get("unique").requires()).isEqualTo("archive");
    // the same parameter on an endpoint that does not parse it key by key
    assertThat(SchemaParams.params("POST", "/nodes/{node}/qemu/{vmid}/status/start"))
        .containsKey("machine");
    assertThat(
            SchemaParams.params("PUT", "/nodes/{node}/lxc/{vmid}/config").get("net[n]").subFormat())
        .isSameAs(LxcSchema.NET);
  }
}
