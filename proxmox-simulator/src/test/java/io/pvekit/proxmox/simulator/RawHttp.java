package io.pvekit.proxmox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, for tests that must see what JDK clients hide: the
 * reason phrase and every header. One connection per request.
 */
final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A response. */
  record Response(int status, String reason, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    JsonNode data() {
      return json().get("data");
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final int port;
  private String ticket;
  private String csrf;
  private String authorization;

  RawHttp(int port) {
    this.port = port;
  }

  static RawHttp to(ProxmoxSimulator sim) {
    return new RawHttp(sim.httpPort());
  }

  /** Logs in and keeps the ticket and CSRF token for later requests. */
  RawHttp login(String user, String password) {
    Response r =
        send("POST", "/api2/json/access/ticket", form("username", user, "password", password));
    if (r.status() != 200) {
      throw new AssertionError("login failed: " + r.status() + " " + r.reason());
    }
    ticket = r.data().get("ticket").asText();
    csrf = r.data().get("CSRFPreventionToken").asText();
    return this;
  }

  RawHttp login(ProxmoxSimulator sim) {
    return login(sim.username(), sim.password());
  }

  /** Uses an API token instead of a ticket. */
  RawHttp token(String tokenId, String secret) {
    ticket = null;
    authorization = "PVEAPIToken=" + tokenId + "=" + secret;
    return this;
  }

  String ticket() {
    return ticket;
  }

  Response get(String path, String... query) {
    String q = query.length == 0 ? "" : "?" + form(query);
    return send("GET", "/api2/json" + path + q, null);
  }

  Response post(String path, String... params) {
    return send("POST", "/api2/json" + path, form(params));
  }

  Response put(String path, String... params) {
    return send("PUT", "/api2/json" + path, form(params));
  }

  Response delete(String path, String... query) {
    String q = query.length == 0 ? "" : "?" + form(query);
    return send("DELETE", "/api2/json" + path + q, null);
  }

  static String form(String... pairs) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (s.length() > 0) {
        s.append('&');
      }
      s.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  Response send(String method, String target, String formBody) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (ticket != null) {
      headers.put("Cookie", "PVEAuthCookie=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
      if (!method.equals("GET")) {
        headers.put("CSRFPreventionToken", csrf);
      }
    }
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    byte[] body = formBody == null ? null : formBody.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      headers.put("Content-Type", "application/x-www-form-urlencoded");
    }
    return raw(method, target, headers, body);
  }

  Response raw(String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      head.append("Connection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + method + " " + target, e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    int firstSpace = statusLine.indexOf(' ');
    int secondSpace = statusLine.indexOf(' ', firstSpace + 1);
    int status = Integer.parseInt(statusLine.substring(firstSpace + 1, secondSpace));
    String reason = statusLine.substring(secondSpace + 1);
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while (!(line = line(in)).isEmpty()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(status, reason, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
