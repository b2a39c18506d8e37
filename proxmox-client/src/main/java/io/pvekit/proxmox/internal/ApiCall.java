package io.pvekit.proxmox.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.RequestBody;

/**
 * One API call: method, path template with its values, and parameters in the order they were added
 * (the wire order). Values are encoded by {@link Params}. Build with {@link #get}, {@link #post},
 * ...
 */
public final class ApiCall {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

  private final String method;
  private final String template;
  private final Map<String, String> pathValues = new LinkedHashMap<>();
  private final Map<String, Object> params = new LinkedHashMap<>();
  private RequestBody body;
  private boolean authenticated = true;

  private ApiCall(String method, String template) {
    this.method = method;
    this.template = Objects.requireNonNull(template, "path");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path: '" + template + "' must start with '/'");
    }
  }

  public static ApiCall get(String template) {
    return new ApiCall("GET", template);
  }

  public static ApiCall post(String template) {
    return new ApiCall("POST", template);
  }

  public static ApiCall put(String template) {
    return new ApiCall("PUT", template);
  }

  public static ApiCall delete(String template) {
    return new ApiCall("DELETE", template);
  }

  /** Fills a {@code {name}} of the template. */
  public ApiCall path(String name, Object value) {
    pathValues.put(name, String.valueOf(Objects.requireNonNull(value, name)));
    return this;
  }

  /** Adds a parameter; null means "not sent". */
  public ApiCall param(String name, Object value) {
    if (value != null) {
      params.put(name, value);
    }
    return this;
  }

  /** Adds all parameters of a map in its order. */
  public ApiCall params(Map<String, ?> values) {
    if (values != null) {
      values.forEach(this::param);
    }
    return this;
  }

  /** Sends this body instead of a form (multipart uploads). */
  public ApiCall body(RequestBody requestBody) {
    this.body = requestBody;
    return this;
  }

  /** Marks a call that must go without credentials (the login itself). */
  public ApiCall unauthenticated() {
    this.authenticated = false;
    return this;
  }

  public String method() {
    return method;
  }

  public String template() {
    return template;
  }

  public Map<String, Object> params() {
    return Collections.unmodifiableMap(params);
  }

  /** Whether any parameter was added. */
  public boolean hasParams() {
    return !params.isEmpty();
  }

  /** Whether the template has no placeholders (its URL is the same on every call). */
  public boolean isStatic() {
    return template.indexOf('{') < 0;
  }

  public RequestBody body() {
    return body;
  }

  public boolean authenticated() {
    return authenticated;
  }

  /** GET is the only method PVE treats as side-effect free; only it is retried. */
  public boolean idempotent() {
    return method.equals("GET");
  }

  /** Writes carry the CSRF token when authenticated by ticket. */
  public boolean write() {
    return !method.equals("GET");
  }

  /** The template with its placeholders filled, for messages and the listener. */
  public String path() {
    if (template.indexOf('{') < 0) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = pathValues.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for {" + m.group(1) + "} in " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The path split into segments with the values in place (each encoded as one segment). */
  public String[] segments() {
    String[] parts = template.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].indexOf('{') < 0) {
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(parts[i]);
      if (m.matches()) {
        String value = pathValues.get(m.group(1));
        if (value == null) {
          throw new IllegalStateException("no value for {" + m.group(1) + "} in " + template);
        }
        parts[i] = value;
      }
    }
    return parts;
  }
}
