package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxAuthenticationException;
import io.pvekit.proxmox.ProxmoxNotFoundException;
import io.pvekit.proxmox.ProxmoxParameterException;
import io.pvekit.proxmox.ProxmoxPermissionException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The one place where an HTTP error status becomes an exception type. */
public final class ErrorMapping {
  /** Where the module README explains each kind of failure. */
  public static final String README =
      "https://github.com/pvekit/pvekit/blob/main/proxmox-client/README.md";

  private static final Pattern NOT_FOUND =
      Pattern.compile("does not exist|not found|no such", Pattern.CASE_INSENSITIVE);

  private ErrorMapping() {}

  public static ProxmoxApiException map(
      ObjectMapper json, String method, String path, int status, String reasonPhrase, String body) {
    Map<String, String> errors = new TreeMap<>();
    String bodyMessage = null;
    try {
      JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
      if (root != null && root.isObject()) {
        root.path("errors")
            .properties()
            .forEach(e -> errors.put(e.getKey(), Failures.cut(e.getValue().asText().trim())));
        if (root.hasNonNull("message")) {
          bodyMessage = Failures.cut(root.get("message").asText().trim());
        }
      }
    } catch (IOException notJson) {
      // an error page from a proxy: the reason phrase is all there is
    }
    String reason =
        reasonPhrase != null && !reasonPhrase.isBlank()
            ? Failures.cut(reasonPhrase.trim())
            : bodyMessage != null ? bodyMessage : "HTTP " + status;
    StringBuilder message = new StringBuilder();
    message
        .append(method)
        .append(' ')
        .append(path)
        .append(": ")
        .append(status)
        .append(' ')
        .append(reason);
    if (bodyMessage != null
        && !bodyMessage.equals(reason)
        && !bodyMessage.startsWith(reason + "\n")) {
      message.append(" (").append(bodyMessage).append(')');
    }
    errors.forEach((param, why) -> message.append("\n  ").append(param).append(": ").append(why));
    String hint = hint(status, reason);
    message
        .append("\n")
        .append(hint)
        .append(" See ")
        .append(README)
        .append('#')
        .append(anchor(status));
    String text = message.toString();
    if (status == 401) {
      return new ProxmoxAuthenticationException(method, path, status, reason, errors, body, text);
    }
    if (status == 403) {
      return new ProxmoxPermissionException(method, path, status, reason, errors, body, text);
    }
    if (status == 400 && !errors.isEmpty()) {
      return new ProxmoxParameterException(method, path, status, reason, errors, body, text);
    }
    if (status == 404 || status == 501 || (status == 500 && NOT_FOUND.matcher(reason).find())) {
      return new ProxmoxNotFoundException(method, path, status, reason, errors, body, text);
    }
    return new ProxmoxApiException(method, path, status, reason, errors, body, text);
  }

  private static String hint(int status, String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    if (status == 401) {
      return lower.contains("csrf")
          ? "The CSRF token was missing or stale; the client re-logs in once on 401."
          : "Check user/realm and password or the token id and secret; tickets expire after 2 h.";
    }
    if (status == 403) {
      return "Grant the privilege named above on that path (API tokens with privilege separation"
          + " need their own ACL).";
    }
    if (status == 400) {
      return "Fix the parameters named above; the PVE API schema lists what each accepts.";
    }
    if (status == 501) {
      return "This server does not have that endpoint or method (older PVE version?).";
    }
    if (status == 595 || status == 596) {
      return "pveproxy could not reach the node that owns the object; check the cluster.";
    }
    if (lower.contains("lock")) {
      return "Another task holds the lock; wait for it to finish and try again.";
    }
    return "The server refused the operation; the reason above is PVE's own message.";
  }

  private static String anchor(int status) {
    return switch (status) {
      case 401 -> "401-authentication-failed";
      case 403 -> "403-permission-check-failed";
      case 400 -> "400-parameter-verification-failed";
      default -> "500-and-other-errors";
    };
  }
}
