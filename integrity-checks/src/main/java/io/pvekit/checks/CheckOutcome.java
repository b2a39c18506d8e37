package io.pvekit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a check function returns: a status, one sentence, and the evidence. Build it with the static
 * factories or collect evidence with {@link #collect()}.
 */
public final class CheckOutcome {
  private final CheckStatus status;
  private final String message;
  private final List<Evidence> evidence;

  private CheckOutcome(CheckStatus status, String message, List<Evidence> evidence) {
    this.status = Objects.requireNonNull(status, "status");
    this.message = Objects.requireNonNull(message, "message");
    this.evidence = List.copyOf(evidence);
  }

  /**
   * An outcome.
   *
   * @param status the status
   * @param message one sentence on what was found
   * @param evidence what was looked at
   * @return the outcome
   */
  public static CheckOutcome of(CheckStatus status, String message, List<Evidence> evidence) {
    return new CheckOutcome(status, message, evidence);
  }

  /**
   * A pass.
   *
   * @param message what was found
   * @param evidence what was looked at
   * @return the outcome
   */
  public static CheckOutcome pass(String message, Evidence... evidence) {
    return new CheckOutcome(CheckStatus.PASS, message, List.of(evidence));
  }

  /**
   * A failure.
   *
   * @param message what is wrong
   * @param evidence what was looked at
   * @return the outcome
   */
  public static CheckOutcome fail(String message, Evidence... evidence) {
    return new CheckOutcome(CheckStatus.FAIL, message, List.of(evidence));
  }

  /**
   * A warning.
   *
   * @param message what is worth a look
   * @param evidence what was looked at
   * @return the outcome
   */
  public static CheckOutcome warn(String message, Evidence... evidence) {
    return new CheckOutcome(CheckStatus.WARN, message, List.of(evidence));
  }

  /**
   * A skip: there was nothing to judge.
   *
   * @param why the reason
   * @return the outcome
   */
  public static CheckOutcome skip(String why) {
    return new CheckOutcome(CheckStatus.SKIP, why, List.of());
  }

  /**
   * Not evaluated: the check could not see what it needs.
   *
   * @param why the reason
   * @return the outcome
   */
  public static CheckOutcome notEvaluated(String why) {
    return new CheckOutcome(CheckStatus.NOT_EVALUATED, why, List.of());
  }

  /**
   * A collector of evidence that decides the status from the problems found.
   *
   * @return a new collector
   */
  public static Collector collect() {
    return new Collector();
  }

  /**
   * The status.
   *
   * @return the status
   */
  public CheckStatus status() {
    return status;
  }

  /**
   * One sentence on what was found.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * What was looked at.
   *
   * @return the evidence
   */
  public List<Evidence> evidence() {
    return evidence;
  }

  @Override
  public String toString() {
    return status + ": " + message + " " + evidence;
  }

  /** Collects evidence; the outcome is FAIL (or WARN) when any problem was recorded. */
  public static final class Collector {
    private final List<Evidence> items = new ArrayList<>();
    private int problems;

    private Collector() {}

    /**
     * Records a healthy observation.
     *
     * @param subject what was looked at
     * @param detail what was seen
     * @return this collector
     */
    public Collector ok(String subject, String detail) {
      items.add(Evidence.ok(subject, detail));
      return this;
    }

    /**
     * Records a problem.
     *
     * @param subject what was looked at
     * @param detail what is wrong
     * @return this collector
     */
    public Collector problem(String subject, String detail) {
      items.add(Evidence.problem(subject, detail));
      problems++;
      return this;
    }

    /**
     * Records an observation that is a problem when {@code healthy} is false.
     *
     * @param healthy whether it is fine
     * @param subject what was looked at
     * @param detail what was seen
     * @return this collector
     */
    public Collector check(boolean healthy, String subject, String detail) {
      return healthy ? ok(subject, detail) : problem(subject, detail);
    }

    /**
     * How many items were recorded.
     *
     * @return the count
     */
    public int size() {
      return items.size();
    }

    /**
     * How many problems were recorded.
     *
     * @return the count
     */
    public int problems() {
      return problems;
    }

    /**
     * PASS with {@code passMessage} when no problem was recorded, else FAIL with {@code
     * failMessage} (its {@code %d} is the number of problems).
     *
     * @param passMessage the message when healthy
     * @param failMessage the message when not, may contain {@code %d}
     * @return the outcome
     */
    public CheckOutcome failIfAny(String passMessage, String failMessage) {
      return decide(CheckStatus.FAIL, passMessage, failMessage);
    }

    /**
     * Like {@link #failIfAny} but WARN instead of FAIL.
     *
     * @param passMessage the message when healthy
     * @param warnMessage the message when not, may contain {@code %d}
     * @return the outcome
     */
    public CheckOutcome warnIfAny(String passMessage, String warnMessage) {
      return decide(CheckStatus.WARN, passMessage, warnMessage);
    }

    private CheckOutcome decide(CheckStatus bad, String passMessage, String badMessage) {
      if (problems == 0) {
        return new CheckOutcome(CheckStatus.PASS, passMessage, items);
      }
      return new CheckOutcome(bad, badMessage.replace("%d", Integer.toString(problems)), items);
    }
  }
}
