package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every property string in the recorded and mock responses parses with the typed class of its key
 * and formats back to exactly the same text.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class RecordedPropertyStringsTest {
  private static final Pattern QEMU_DISK = Pattern.compile("(scsi|virtio|sata|ide)\\d+");

  @Test
  void everyRecordedPropertyString_roundTrips() {
    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (UpstreamSamples.Sample sample : UpstreamSamples.all()) {
      if (!sample.isJson()) {
        continue;
      }
      boolean lxc = sample.path().contains("/lxc");
      visit(sample.json().path("data"), lxc, sample.source(), checked, failures);
    }
    assertThat(failures).isEmpty();
    // the pool holds qemu and lxc nets, disks, rootfs, mount points, ipconfig and features
    assertThat(checked).hasSizeGreaterThan(30);
    assertThat(String.join("\n", checked))
        .contains("net0=virtio=")
        .contains("net0=name=eth0")
        .contains("rootfs=")
        .contains("mp0=")
        .contains("features=")
        .contains("ipconfig0=")
        .contains("scsi0=");
  }

  private static void visit(
      JsonNode node, boolean lxc, String source, List<String> checked, List<String> failures) {
    if (node.isArray()) {
      node.forEach(n -> visit(n, lxc, source, checked, failures));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (!value.isTextual()) {
        visit(value, lxc, source, checked, failures);
        continue;
      }
      Function<String, PropertyStringValue> parser = parserFor(key, lxc);
      if (parser == null) {
        continue;
      }
      String text = value.asText();
      try {
        String formatted = parser.apply(text).format();
        if (!formatted.equals(text)) {
          failures.add(source + " " + key + ": '" + text + "' formatted as '" + formatted + "'");
        }
        checked.add(key + "=" + text);
      } catch (IllegalArgumentException e) {
        failures.add(source + " " + key + ": " + e.getMessage());
      }
    }
  }

  private static Function<String, PropertyStringValue> parserFor(String key, boolean lxc) {
    if (key.matches("net\\d+")) {
      return lxc ? LxcNet::parse : QemuNet::parse;
    }
    if (key.equals("rootfs")) {
      return LxcRootFs::parse;
    }
    if (key.matches("mp\\d+")) {
      return LxcMountPoint::parse;
    }
    if (key.matches("ipconfig\\d+")) {
      return IpConfig::parse;
    }
    if (key.equals("features") && lxc) {
      return LxcFeatures::parse;
    }
    if (!lxc && QEMU_DISK.matcher(key).matches()) {
      return QemuDisk::parse;
    }
    return null;
  }
}
