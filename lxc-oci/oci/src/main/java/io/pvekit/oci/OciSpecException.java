package io.pvekit.oci;

/**
 * A {@code config.json} (or another OCI document) is not valid: the message names the JSON path and
 * what is wrong, for example {@code $.process.user.uid: expected an integer, got a string}.
 */
public final class OciSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String jsonPath;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param jsonPath where in the document, for example {@code $.process.user.uid}
   * @param problem what is wrong there
   * @param cause the underlying parser error, or {@code null}
   */
  public OciSpecException(String jsonPath, String problem, Throwable cause) {
    super(jsonPath + ": " + problem, cause);
    this.jsonPath = jsonPath;
    this.problem = problem;
  }

  /**
   * Where in the document the problem is.
   *
   * @return a JSON path such as {@code $.linux.namespaces[2].type}
   */
  public String jsonPath() {
    return jsonPath;
  }

  /**
   * What is wrong, without the path.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
