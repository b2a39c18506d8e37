package io.pvekit.proxmox.simulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.simulator.internal.http.Multipart;
import io.pvekit.proxmox.simulator.internal.http.WireRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request parameters as pveproxy reads them: query string, then a form, JSON or multipart body;
 * query values override body values. A parameter sent twice becomes a list, which validation
 * rejects as PVE does ({@code got ARRAY}).
 */
final class RequestParams {
  private RequestParams() {}

  static Map<String, Object> extract(WireRequest request, List<Multipart.Part> files) {
    Map<String, Object> params = new LinkedHashMap<>();
    String method = request.method();
    if ((method.equals("POST") || method.equals("PUT")) && request.body().length > 0) {
      String type = request.header("content-type");
      String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
      String boundary = Multipart.boundary(type);
      if (boundary != null) {
        multipart(request.body(), boundary, params, files);
      } else if (lower.startsWith("application/json")) {
        json(request.body(), params);
      } else if (lower.isEmpty() || lower.startsWith("application/x-www-form-urlencoded")) {
        form(new String(request.body(), StandardCharsets.UTF_8), params);
      } else {
        throw new ApiException(506, "upload 'Content-Type '" + type + "' not implemented");
      }
    }
    Map<String, Object> query = new LinkedHashMap<>();
    form(request.rawQuery(), query);
    params.putAll(query);
    params.remove("_dc");
    return params;
  }

  private static void multipart(
      byte[] body, String boundary, Map<String, Object> params, List<Multipart.Part> files) {
    List<Multipart.Part> parts;
    try {
      parts = Multipart.parse(body, boundary);
    } catch (IllegalArgumentException e) {
      throw new ApiException(501, "upload failed");
    }
    for (Multipart.Part part : parts) {
      if (part.filename() != null) {
        files.add(part);
        add(params, part.name(), part.filename());
      } else {
        add(params, part.name(), part.text());
      }
    }
  }

  private static void json(byte[] body, Map<String, Object> params) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ApiException(400, "malformed JSON string");
    }
    if (tree == null || !tree.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> f : tree.properties()) {
      JsonNode v = f.getValue();
      if (v.isNull()) {
        continue;
      }
      if (v.isContainerNode()) {
        params.put(f.getKey(), List.of(v.toString()));
      } else if (v.isBoolean()) {
        params.put(f.getKey(), v.booleanValue() ? "1" : "0");
      } else {
        params.put(f.getKey(), v.asText());
      }
    }
  }

  static void form(String text, Map<String, Object> params) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      add(params, key, value);
    }
  }

  private static void add(Map<String, Object> params, String key, String value) {
    Object old = params.get(key);
    if (old == null) {
      params.put(key, value);
    } else {
      List<String> values = new ArrayList<>();
      if (old instanceof List<?> list) {
        list.forEach(o -> values.add(o.toString()));
      } else {
        values.add(old.toString());
      }
      values.add(value);
      params.put(key, values);
    }
  }

  private static String formDecode(String s) {
    return percentDecode(s.replace('+', ' '));
  }

  /** Percent-decoding as UTF-8; {@code +} stays (paths do not encode spaces as {@code +}). */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
