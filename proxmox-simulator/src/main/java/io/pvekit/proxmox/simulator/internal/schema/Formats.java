package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The named formats of PVE's JSON schema the simulator checks, with PVE's own messages. Formats it
 * does not know are accepted as they are.
 */
public final class Formats {
  private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
  private static final Pattern VMID = Pattern.compile("[1-9][0-9]{2,8}");
  private static final Pattern ID = Pattern.compile("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]");
  private static final Pattern BRIDGE = Pattern.compile("[-_.\\w\\d]+");
  private static final Pattern CONFIGID = Pattern.compile("(?i)[a-z][a-z0-9_-]+");
  private static final String LABEL = "([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)";
  private static final Pattern DNS_NAME = Pattern.compile("(" + LABEL + "\\.)*" + LABEL);
  private static final Pattern MAC = Pattern.compile("(?i)[a-f0-9][02468ace](?::[a-f0-9]{2}){5}");
  private static final Pattern URLENCODED = Pattern.compile("[-%a-zA-Z0-9_.!~*'()]*");
  private static final Pattern POOL =
      Pattern.compile("[A-Za-z0-9_\\-.]+(?:/[A-Za-z0-9_\\-.]+){0,2}");
  private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*", 2);
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Set<String> CONTENT =
      Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import", "none");

  private Formats() {}

  /**
   * Checks a value against a named format.
   *
   * @return null when it is valid, else PVE's message (ending with a newline)
   */
  public static String check(String format, String value) {
    return switch (format) {
      case "pve-node" -> matches(NODE, value, "value does not look like a valid node name\n");
      case "pve-vmid" -> matches(VMID, value, "value does not look like a valid VM ID\n");
      case "pve-storage-id" ->
          matches(ID, value, "storage ID '" + value + "' contains illegal characters\n");
      case "pve-storage-id-list" -> list(format, value);
      case "pve-bridge-id" -> matches(BRIDGE, value, "invalid bridge ID '" + value + "'\n");
      case "pve-configid" -> matches(CONFIGID, value, "invalid configuration ID '" + value + "'\n");
      case "pve-configid-list", "pve-vmid-list", "pve-node-list" -> list(format, value);
      case "dns-name" -> matches(DNS_NAME, value, "value does not look like a valid DNS name\n");
      case "mac-addr" ->
          matches(MAC, value, "value does not look like a valid unicast MAC address\n");
      case "urlencoded" -> matches(URLENCODED, value, "invalid urlencoded string: " + value + "\n");
      case "pve-poolid" -> matches(POOL, value, "invalid pool ID '" + value + "'\n");
      case "pve-tag-list" -> tags(value);
      case "ipv4" -> matches(IPV4, value, "value does not look like a valid IPv4 address\n");
      case "pve-storage-content" ->
          CONTENT.contains(value) ? null : "invalid content type '" + value + "'\n";
      case "pve-storage-content-list" -> list("pve-storage-content", value);
      case "disk-size" ->
          value.matches("\\d+(\\.\\d+)?[KMGT]?") ? null : "unable to parse size '" + value + "'\n";
      default -> null;
    };
  }

  private static String list(String format, String value) {
    String element = format.endsWith("-list") ? format.substring(0, format.length() - 5) : format;
    for (String part : value.split("[ ,;\\x00]+")) {
      if (!part.isEmpty()) {
        String error = check(element, part);
        if (error != null) {
          return error;
        }
      }
    }
    return null;
  }

  private static String tags(String value) {
    for (String tag : value.split("[;, ]+")) {
      if (!tag.isEmpty() && !TAG.matcher(tag).matches()) {
        return "invalid tag '" + tag + "'\n";
      }
    }
    return null;
  }

  private static String matches(Pattern pattern, String value, String message) {
    return pattern.matcher(value).matches() ? null : message;
  }
}
