package io.pvekit.proxmox.simulator.internal.api;

/** Permission checks in the shapes the PVE schema documents them. */
public final class Checks {
  private Checks() {}

  /** Any authenticated user ({@code user: all}); handlers filter what they show. */
  public static Endpoint.Check anyUser() {
    return call -> {};
  }

  /** {@code ["perm", path, [privs]]}: all of them. */
  public static Endpoint.Check perm(String pathTemplate, String... privileges) {
    return call -> call.require(expand(pathTemplate, call), privileges);
  }

  /** {@code ["perm", path, [privs], "any", 1]}: one of them. */
  public static Endpoint.Check any(String pathTemplate, String... privileges) {
    return call -> call.requireAny(expand(pathTemplate, call), privileges);
  }

  /** Both checks. */
  public static Endpoint.Check and(Endpoint.Check first, Endpoint.Check second) {
    return call -> {
      first.check(call);
      second.check(call);
    };
  }

  /** Either check; the first one's error is reported when both fail. */
  public static Endpoint.Check or(Endpoint.Check first, Endpoint.Check second) {
    return call -> {
      try {
        first.check(call);
      } catch (ApiException e) {
        try {
          second.check(call);
        } catch (ApiException ignored) {
          throw e;
        }
      }
    };
  }

  /** Replaces {@code {name}} with the call's parameter. */
  static String expand(String template, Call call) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      out.append(call.str(template.substring(open + 1, close), ""));
      i = close + 1;
    }
    return out.toString();
  }
}
