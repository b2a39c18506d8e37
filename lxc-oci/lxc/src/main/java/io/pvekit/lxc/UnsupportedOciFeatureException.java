package io.pvekit.lxc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code config.json} asks for something LXC cannot do. Nothing is silently dropped: each
 * refused field is listed with the reason. Change the bundle (or the Kubernetes pod spec it came
 * from), or run it with another runtime.
 */
public final class UnsupportedOciFeatureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Explanation.FieldMapping> refused;

  /**
   * Creates the exception.
   *
   * @param refused the refused fields, at least one
   */
  public UnsupportedOciFeatureException(List<Explanation.FieldMapping> refused) {
    this("LXC", refused);
  }

  /**
   * Creates the exception for another runner of the container than liblxc.
   *
   * @param runner what cannot run it, for example {@code Proxmox VE}
   * @param refused the refused fields, at least one
   */
  public UnsupportedOciFeatureException(String runner, List<Explanation.FieldMapping> refused) {
    super(runner + " cannot run this config.json: " + fields(refused));
    this.refused = List.copyOf(refused);
  }

  /**
   * The refused fields with their reasons.
   *
   * @return at least one mapping with outcome {@link Explanation.Outcome#REFUSED}
   */
  public List<Explanation.FieldMapping> refused() {
    return refused;
  }

  /**
   * The JSON path of the first refused field.
   *
   * @return for example {@code $.linux.intelRdt}
   */
  public String field() {
    return refused.get(0).field();
  }

  private static String fields(List<Explanation.FieldMapping> refused) {
    return refused.stream().map(m -> m.field() + ": " + m.note()).collect(Collectors.joining("; "));
  }
}
