package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.pvekit.proxmox.ProxmoxMalformedResponseException;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.ProxmoxResponseTooLargeException;
import io.pvekit.proxmox.ProxmoxTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * The messages of the failures that are not the server's answer: no response, a deadline passed, a
 * body too large, not JSON, JSON of the wrong shape. Each names the call, says what to do and links
 * the README; none carries a secret or more than a short excerpt of what the server sent.
 */
final class Failures {
  private static final int BODY_EXCERPT = 200;
  private static final int DETAIL = 500;

  private Failures() {}

  static ProxmoxMalformedResponseException malformed(
      ApiCall call,
      String path,
      int status,
      byte[] body,
      boolean sensitive,
      String problem,
      Throwable cause) {
    String excerpt;
    if (sensitive) {
      excerpt = "<hidden: login response>";
    } else {
      String text = Bodies.text(body);
      excerpt = text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "..." : text;
    }
    return new ProxmoxMalformedResponseException(
        call.method(),
        path,
        status,
        call.method()
            + " "
            + path
            + ": the "
            + status
            + " response "
            + problem
            + ": "
            + excerpt
            + "\nIs the base URL the PVE API (https://HOST:8006/api2/json) and nothing rewrites"
            + " responses in between? See "
            + ErrorMapping.README
            + "#malformed-response",
        cause);
  }

  /** Well-formed JSON whose {@code data} the typed decoder cannot read. */
  static ProxmoxMalformedResponseException wrongShape(
      ApiCall call, String path, int status, RuntimeException failure) {
    String where = "$.data" + (failure instanceof ResponseShapeException shape ? shape.path() : "");
    String detail =
        Transport.sensitive(call)
            ? "<hidden: login response>"
            : cut(failure.getMessage() != null ? failure.getMessage() : failure.toString());
    return new ProxmoxMalformedResponseException(
        call.method(),
        path,
        status,
        call.method()
            + " "
            + path
            + ": the "
            + status
            + " response has a value of the wrong type or shape at "
            + where
            + ": "
            + detail
            + "\nA PVE version this client does not know, or not PVE at all? raw().get(path) shows"
            + " the data as sent. See "
            + ErrorMapping.README
            + "#malformed-response",
        failure);
  }

  static ProxmoxResponseTooLargeException tooLarge(
      ApiCall call, String path, int status, long limit, long declared) {
    String size =
        declared >= 0
            ? "declares " + declared + " bytes, more than"
            : "went on past (after decompression)";
    return new ProxmoxResponseTooLargeException(
        call.method(),
        path,
        status,
        limit,
        call.method()
            + " "
            + path
            + ": the "
            + status
            + " response body "
            + size
            + " the limit of "
            + Limits.size(limit)
            + "; the client stopped reading. No PVE endpoint answers that much on a usual"
            + " cluster: check the base URL and what answers there. If a very large cluster needs"
            + " it, raise the limit with ProxmoxClient.builder().maxResponseBodySize(bytes). See "
            + ErrorMapping.README
            + "#response-too-large");
  }

  /**
   * A body within the byte limit that the parser refused: too many JSON values, or nesting, strings
   * or numbers beyond Jackson's limits.
   */
  static ProxmoxMalformedResponseException overParserLimit(
      ApiCall call, String path, int status, Limits limits, StreamConstraintsException e) {
    String start = call.method() + " " + path + ": the " + status + " response ";
    if (!e.getMessage().startsWith("Token count")) {
      return new ProxmoxMalformedResponseException(
          call.method(),
          path,
          status,
          start
              + "exceeds a JSON parser limit ("
              + cut(e.getOriginalMessage())
              + "); no PVE endpoint sends such JSON. See "
              + ErrorMapping.README
              + "#malformed-response",
          e);
    }
    ProxmoxResponseTooLargeException tooLarge =
        new ProxmoxResponseTooLargeException(
            call.method(),
            path,
            status,
            limits.maxResponseBodyBytes(),
            start
                + "has more than "
                + limits.maxJsonTokens()
                + " JSON values, names and brackets (one per 16 bytes of the limit of "
                + Limits.size(limits.maxResponseBodyBytes())
                + "); the client stopped parsing before building a tree many times that size."
                + " No PVE endpoint answers like that: check the base URL. If a very large"
                + " cluster needs it, raise ProxmoxClient.builder().maxResponseBodySize(bytes). See "
                + ErrorMapping.README
                + "#response-too-large",
            e);
    return tooLarge;
  }

  static ProxmoxTimeoutException deadline(
      ApiCall call,
      String path,
      Duration deadline,
      int attempts,
      String lastProblem,
      Throwable cause) {
    String tries = attempts + (attempts == 1 ? " attempt" : " attempts");
    return new ProxmoxTimeoutException(
        call.method(),
        path,
        deadline,
        attempts,
        call.method()
            + " "
            + path
            + ": no complete response within the deadline of "
            + Limits.duration(deadline)
            + " ("
            + tries
            + (lastProblem != null ? "; last: " + lastProblem : "")
            + "). The server answered too slowly or byte by byte. Raise the deadline with"
            + " ProxmoxClient.builder().deadline(...) for calls that are slow by nature, or check"
            + " the server and the network."
            + (call.idempotent() ? "" : " A write may still have taken effect: check it first.")
            + " See "
            + ErrorMapping.README
            + "#deadline-exceeded",
        cause);
  }

  static ProxmoxNoResponseException noResponse(
      ApiCall call, String path, int attempts, IOException e) {
    String what;
    if (e instanceof SSLException) {
      what =
          "the TLS handshake failed ("
              + e.getMessage()
              + "). Trust the PVE CA (trustedCertificatesPem), pin the certificate"
              + " (pinnedFingerprint) or check the host name. See "
              + ErrorMapping.README
              + "#tls";
    } else if (e instanceof InterruptedIOException) {
      what =
          "timed out ("
              + e.getMessage()
              + "). Raise readTimeout for slow synchronous calls, or check the network. See "
              + ErrorMapping.README
              + "#no-response";
    } else {
      what =
          "no response ("
              + e
              + "). Check the base URL, that pveproxy runs on port 8006 and the network. See "
              + ErrorMapping.README
              + "#no-response";
    }
    String tries =
        call.idempotent()
            ? " after " + attempts + (attempts == 1 ? " attempt" : " attempts")
            : " (writes are not retried: check whether it took effect)";
    return new ProxmoxNoResponseException(
        call.method(), path, call.method() + " " + path + ": " + what + tries, e);
  }

  /** A short description of an I/O failure for "last: ...". */
  static String describe(IOException e) {
    return e instanceof InterruptedIOException ? "timed out" : cut(e.toString());
  }

  /** Text from the server or a decoder, cut to a length fit for a message. */
  static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > DETAIL ? text.substring(0, DETAIL) + "...(cut)" : text;
  }
}
