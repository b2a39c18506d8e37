package io.pvekit.runtime;

import java.nio.charset.StandardCharsets;

/**
 * What an HTTP server sends back for one admission request: the status code and the body (an
 * AdmissionReview for 200, a plain-text reason for 400).
 *
 * @param status HTTP status: 200, or 400 for input that is no AdmissionReview
 * @param body the response body
 * @param contentType the body's media type
 */
public record AdmissionResponse(int status, byte[] body, String contentType) {
  /**
   * The body as text, for logs and tests.
   *
   * @return the body decoded as UTF-8
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  static AdmissionResponse badRequest(String message) {
    return new AdmissionResponse(
        400, ("bad AdmissionReview: " + message).getBytes(StandardCharsets.UTF_8), "text/plain");
  }

  static AdmissionResponse review(byte[] json) {
    return new AdmissionResponse(200, json, "application/json");
  }
}
