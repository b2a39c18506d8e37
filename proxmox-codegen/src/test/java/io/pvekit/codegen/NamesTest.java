package io.pvekit.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void segmentsAndParameters_becomeLowerCamelMethods() {
    assertThat(Names.lowerCamel("move_disk")).isEqualTo("moveDisk");
    assertThat(Names.lowerCamel("query-url-metadata")).isEqualTo("queryUrlMetadata");
    assertThat(Names.lowerCamel("{vmid}")).isEqualTo("vmid");
    assertThat(Names.lowerCamel("net[n]")).isEqualTo("net");
    assertThat(Names.lowerCamel("default")).isEqualTo("defaultValue");
    assertThat(Names.lowerCamel("protected")).isEqualTo("protectedValue");
  }

  @Test
  void pathsBecomeClasses_andMethodsAreNamedAsPveshNamesThem() {
    assertThat(Names.resourceClass("/")).isEqualTo("PveApi");
    assertThat(Names.resourceClass("/nodes/{node}/qemu/{vmid}/snapshot"))
        .isEqualTo("PveNodesNodeQemuVmidSnapshot");
    assertThat(Names.verb("GET")).isEqualTo("get");
    assertThat(Names.verb("POST")).isEqualTo("create");
    assertThat(Names.verb("PUT")).isEqualTo("set");
    assertThat(Names.verb("DELETE")).isEqualTo("delete");
  }

  @Test
  void enumValues_becomeConstants() {
    assertThat(Names.constant("virtio-net")).isEqualTo("VIRTIO_NET");
    assertThat(Names.constant("4")).isEqualTo("V_4");
    assertThat(Names.constant("l26")).isEqualTo("L26");
  }

  @Test
  void literalsAndDocs_areEscaped() {
    assertThat(Names.literal("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
    assertThat(Names.doc("a*/b{c}<d>@e")).doesNotContain("*/").doesNotContain("{").contains("&lt;");
  }
}
