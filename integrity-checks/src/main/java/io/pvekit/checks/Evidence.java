package io.pvekit.checks;

import org.immutables.value.Value;

/**
 * One thing a check looked at and what it saw: {@code pod mariadb-operator/mariadb-operator-7d9f}
 * with {@code ImagePullBackOff: ...}. A problem item names what is wrong; exceptions can waive
 * problems by their subject.
 */
@Value.Immutable
public interface Evidence {
  /**
   * What was looked at, as {@code kind namespace/name} or {@code kind name}.
   *
   * @return the subject
   */
  @Value.Parameter
  String subject();

  /**
   * The value seen.
   *
   * @return the detail
   */
  @Value.Parameter
  String detail();

  /**
   * Whether this item is a problem (the reason for a WARN or FAIL).
   *
   * @return true for a problem
   */
  @Value.Parameter
  boolean problem();

  /**
   * An observation.
   *
   * @param subject what was looked at
   * @param detail what was seen
   * @param problem whether it is a problem
   * @return the evidence
   */
  static Evidence of(String subject, String detail, boolean problem) {
    return ImmutableEvidence.of(subject, detail, problem);
  }

  /**
   * A healthy observation.
   *
   * @param subject what was looked at
   * @param detail what was seen
   * @return the evidence
   */
  static Evidence ok(String subject, String detail) {
    return ImmutableEvidence.of(subject, detail, false);
  }

  /**
   * A problem.
   *
   * @param subject what was looked at
   * @param detail what is wrong
   * @return the evidence
   */
  static Evidence problem(String subject, String detail) {
    return ImmutableEvidence.of(subject, detail, true);
  }
}
