package io.pvekit.proxmox.simulator.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private static final Map<String, Param> QEMU_CREATE =
      SchemaParams.params("POST", "/nodes/{node}/qemu");
  private static final Map<String, Param> QEMU_CLONE =
      SchemaParams.params("POST", "/nodes/{node}/qemu/{vmid}/clone");
  private static final Map<String, Param> LXC_CREATE =
      SchemaParams.params("POST", "/nodes/{node}/lxc");

  private static Map<String, String> validate(Map<String, Param> schema, Object... pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return Validator.validate(schema, values);
  }

  @Test
  void missingRequired_andUnknownParameter_useJsonSchemaPmTexts() {
    Map<String, String> errors = validate(QEMU_CLONE, "node", "pve1", "vmid", "9000", "bogus", "1");
    assertThat(errors)
        .containsEntry("newid", "property is missing and it is not optional")
        .containsEntry(
            "bogus",
            "property is not defined in schema and the schema does not allow additional properties");
  }

  @Test
  void types_booleansAreZeroOrOne_integersAreDigits() {
    assertThat(validate(QEMU_CLONE, "node", "pve1", "vmid", "9000", "newid", "x", "full", "true"))
        .containsEntry("newid", "type check ('integer') failed - got 'x'")
        .containsEntry("full", "type check ('boolean') failed - got 'true'");
  }

  @Test
  void parameterSentTwice_isAnArray() {
    assertThat(validate(QEMU_CLONE, "node", "pve1", "vmid", "9000", "newid", List.of("1", "2")))
        .containsEntry("newid", "type check ('integer') failed - got ARRAY");
  }

  @Test
  void formatsBoundsEnumsPatternsAndLengths() {
    assertThat(
            validate(QEMU_CLONE, "node", "bad_node", "vmid", "99", "newid", "100", "format", "vhd"))
        .containsEntry("node", "invalid format - value does not look like a valid node name\n")
        .containsEntry("vmid", "invalid format - value does not look like a valid VM ID\n")
        .containsEntry(
            "format", "value 'vhd' does not have a value in the enumeration 'raw, qcow2, vmdk'");
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "cpulimit", "200"))
        .containsEntry("cpulimit", "value must have a maximum value of 128");
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "serial0", "tty"))
        .containsEntry("serial0", "value does not match the regex pattern");
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "archive", "x".repeat(256)))
        .containsEntry("archive", "value may only be 255 characters long");
  }

  @Test
  void requires_namesTheMissingParameter() {
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "unique", "1"))
        .containsEntry("archive", "missing property - 'unique' requires this property");
  }

  @Test
  void indexedParameters_acceptIndexesUpToTheLimit() {
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "net31", "virtio,bridge=vmbr0"))
        .isEmpty();
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "net32", "virtio"))
        .containsKey("net32");
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "scsi01", "local-lvm:1"))
        .containsKey("scsi01");
  }

  @Test
  void propertyStrings_reportKeyAndValueErrorsLikePve() {
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "net0", "virtio,color=red"))
        .containsEntry(
            "net0", "invalid format - invalid key in comma-separated list property: color\n");
    assertThat(validate(QEMU_CREATE, "node", "pve1", "vmid", "100", "net0", "bridge=vmbr0"))
        .containsEntry(
            "net0",
            "invalid format - format error\nnet0.model: property is missing and it is not optional\n");
    assertThat(
            validate(
                LXC_CREATE,
                "node",
                "pve1",
                "vmid",
                "100",
                "ostemplate",
                "x",
                "net0",
                "name=eth0,tag=5000"))
        .containsEntry(
            "net0",
            "invalid format - format error\nnet0.tag: value must have a maximum value of 4094\n");
    assertThat(
            validate(
                QEMU_CREATE,
                "node",
                "pve1",
                "vmid",
                "100",
                "net0",
                "virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1"))
        .isEmpty();
  }

  @Test
  void propertyStrings_parseDefaultKeyAliasesAndBooleans() throws Exception {
    Map<String, String> net =
        PropertyStrings.parse(QemuSchema.NET, "e1000=BC:24:11:00:00:01,firewall=on", "net0");
    assertThat(net)
        .containsEntry("model", "e1000")
        .containsEntry("macaddr", "BC:24:11:00:00:01")
        .containsEntry("firewall", "1");
    Map<String, String> disk =
        PropertyStrings.parse(QemuSchema.SCSI, "local-lvm:8,iothread=1", "scsi0");
    assertThat(disk).containsEntry("file", "local-lvm:8").containsEntry("iothread", "1");
    assertThat(PropertyStrings.format(QemuSchema.SCSI, disk)).isEqualTo("local-lvm:8,iothread=1");
  }
}
