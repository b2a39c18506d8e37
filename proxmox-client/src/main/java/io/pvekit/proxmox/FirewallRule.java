package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A firewall rule of the datacenter or a guest: as listed by {@code GET .../firewall/rules} and as
 * added by {@link GuestFirewall#addRule} or {@link ClusterFirewall#addRule}.
 *
 * <pre>{@code
 * FirewallRule.builder().type("in").action("ACCEPT").proto("tcp").dport("22").comment("ssh").build();
 * }</pre>
 */
@Value.Immutable
public abstract class FirewallRule {
  FirewallRule() {}

  /** The position (listed rules; ignored when adding). */
  public abstract Optional<Long> pos();

  /** {@code in}, {@code out} or {@code group}. */
  public abstract String type();

  /** {@code ACCEPT}, {@code DROP}, {@code REJECT}, or a security group's name. */
  public abstract String action();

  public abstract Optional<String> proto();

  public abstract Optional<String> source();

  public abstract Optional<String> dest();

  public abstract Optional<String> dport();

  public abstract Optional<String> sport();

  /** A macro such as {@code SSH} instead of protocol and ports. */
  public abstract Optional<String> macro();

  public abstract Optional<String> comment();

  /** The network interface the rule applies to, e.g. {@code net0} for a guest. */
  public abstract Optional<String> iface();

  /** The log level, e.g. {@code nolog}, {@code info}. */
  public abstract Optional<String> log();

  /** The digest of the rule list when it was read (listed rules; ignored when sending). */
  @Value.Auxiliary
  public abstract Optional<String> digest();

  @Value.Default
  public boolean enabled() {
    return true;
  }

  @Value.Check
  void check() {
    if (!type().matches("in|out|forward|group")) {
      throw new IllegalArgumentException(
          "type: '" + type() + "' must be in, out, forward or group");
    }
    if (action().isBlank()) {
      throw new IllegalArgumentException("action: give ACCEPT, DROP, REJECT or a group name");
    }
  }

  Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", type());
    p.put("action", action());
    proto().ifPresent(v -> p.put("proto", v));
    source().ifPresent(v -> p.put("source", v));
    dest().ifPresent(v -> p.put("dest", v));
    dport().ifPresent(v -> p.put("dport", v));
    sport().ifPresent(v -> p.put("sport", v));
    macro().ifPresent(v -> p.put("macro", v));
    comment().ifPresent(v -> p.put("comment", v));
    iface().ifPresent(v -> p.put("iface", v));
    log().ifPresent(v -> p.put("log", v));
    p.put("enable", enabled() ? 1 : 0);
    return p;
  }

  /** The optional keys this rule leaves out: deleted when it replaces another rule. */
  String absentKeys() {
    Map<String, Object> p = params();
    StringBuilder out = new StringBuilder();
    for (String key :
        new String[] {
          "macro", "iface", "source", "dest", "proto", "dport", "sport", "log", "comment"
        }) {
      if (!p.containsKey(key)) {
        out.append(out.length() == 0 ? "" : ",").append(key);
      }
    }
    return out.toString();
  }

  /**
   * A builder; {@code type} and {@code action} are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FirewallRule}. */
  public static final class Builder extends ImmutableFirewallRule.Builder {
    Builder() {}
  }
}
