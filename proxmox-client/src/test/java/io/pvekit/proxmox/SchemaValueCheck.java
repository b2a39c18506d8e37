package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks the official schema makes of a parameter value as it went over the wire (booleans 0/1,
 * integers and their range, numbers, enums, property-string keys), shared by the tests that hold
 * the hand-written and the generated requests to {@code pve-apidata.json}.
 */
final class SchemaValueCheck {
  private static final Pattern MULTIPART_NAME = Pattern.compile("(?<![a-z])name=\"([^\"]+)\"");

  private SchemaValueCheck() {}

  /** The parameters of a recorded request: query string and form body (multipart: names). */
  static Map<String, String> params(LoggedRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && contentType.startsWith("multipart/")) {
      Matcher m = MULTIPART_NAME.matcher(request.getBodyAsString());
      while (m.find()) {
        out.put(m.group(1), "");
      }
      return out;
    }
    String url = request.getUrl();
    int q = url.indexOf('?');
    if (q >= 0) {
      decodeInto(url.substring(q + 1), out);
    }
    decodeInto(request.getBodyAsString(), out);
    return out;
  }

  private static void decodeInto(String form, Map<String, String> out) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
  }

  /** What is wrong with a wire value for the parameter's schema, or null. */
  static String problem(JsonNode spec, String value) {
    if (value.isEmpty()) {
      return null; // multipart field: name checked only
    }
    switch (spec.path("type").asText()) {
      case "boolean":
        return value.equals("0") || value.equals("1") ? null : "is not 0/1";
      case "integer":
        if (!value.matches("-?\\d+")) {
          return "is not an integer";
        }
        if (spec.has("minimum") && Long.parseLong(value) < spec.get("minimum").asLong()) {
          return "is below the minimum " + spec.get("minimum");
        }
        if (spec.has("maximum") && Long.parseLong(value) > spec.get("maximum").asLong()) {
          return "is above the maximum " + spec.get("maximum");
        }
        return null;
      case "number":
        return value.matches("-?\\d+(\\.\\d+)?") ? null : "is not a number";
      default:
        break;
    }
    // "enum": null is the schema's record of a list PVE fills at run time (download-url's
    // decompressors): it declares no values, so it constrains nothing here.
    if (spec.path("enum").isArray()) {
      for (JsonNode allowed : spec.get("enum")) {
        if (allowed.asText().equals(value)) {
          return null;
        }
      }
      return "is not in " + spec.get("enum");
    }
    JsonNode format = spec.path("format");
    if (format.isObject()) {
      for (String part : value.split(",")) {
        int eq = part.indexOf('=');
        if (eq < 0) {
          boolean hasDefault = false;
          for (JsonNode key : format) {
            hasDefault |= key.path("default_key").asInt() == 1;
          }
          if (!hasDefault) {
            return "has a bare value but the format has no default key";
          }
        } else if (!format.has(part.substring(0, eq))) {
          return "uses key '" + part.substring(0, eq) + "' that the format does not declare";
        }
      }
    }
    return null;
  }
}
