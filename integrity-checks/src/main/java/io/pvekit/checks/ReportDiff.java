package io.pvekit.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two reports of the same platform: regressions (a check got worse), fixes (it
 * got better), and checks present in only one of them.
 */
public final class ReportDiff {
  /** One check whose status changed. */
  public record Change(String checkId, CheckStatus before, CheckStatus after, String message) {}

  private final List<Change> regressions = new ArrayList<>();
  private final List<Change> fixes = new ArrayList<>();
  private final List<String> added = new ArrayList<>();
  private final List<String> removed = new ArrayList<>();

  private ReportDiff() {}

  /**
   * Compares two reports.
   *
   * @param before the older report
   * @param after the newer report
   * @return the differences
   */
  public static ReportDiff between(CheckReport before, CheckReport after) {
    ReportDiff d = new ReportDiff();
    Map<String, CheckResult> old = new LinkedHashMap<>();
    before.results().forEach(r -> old.put(r.checkId(), r));
    for (CheckResult now : after.results()) {
      CheckResult was = old.remove(now.checkId());
      if (was == null) {
        d.added.add(now.checkId());
        continue;
      }
      int delta = Integer.compare(rank(now.status()), rank(was.status()));
      Change c = new Change(now.checkId(), was.status(), now.status(), now.message());
      if (delta > 0) {
        d.regressions.add(c);
      } else if (delta < 0) {
        d.fixes.add(c);
      }
    }
    d.removed.addAll(old.keySet());
    return d;
  }

  /** PASS best; WARN; SKIP (not judged); FAIL and could-not-check worst. */
  private static int rank(CheckStatus s) {
    return switch (s) {
      case PASS -> 0;
      case WARN -> 1;
      case SKIP -> 2;
      default -> 3;
    };
  }

  /**
   * Checks that got worse.
   *
   * @return the regressions
   */
  public List<Change> regressions() {
    return List.copyOf(regressions);
  }

  /**
   * Checks that got better.
   *
   * @return the fixes
   */
  public List<Change> fixes() {
    return List.copyOf(fixes);
  }

  /**
   * Checks only in the newer report.
   *
   * @return their ids
   */
  public List<String> added() {
    return List.copyOf(added);
  }

  /**
   * Checks only in the older report.
   *
   * @return their ids
   */
  public List<String> removed() {
    return List.copyOf(removed);
  }

  /**
   * The differences as text, one line per change.
   *
   * @return the text
   */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append(regressions.size())
        .append(" regressions, ")
        .append(fixes.size())
        .append(" fixes, ")
        .append(added.size())
        .append(" new checks, ")
        .append(removed.size())
        .append(" removed checks\n");
    regressions.forEach(c -> b.append("REGRESSION ").append(line(c)));
    fixes.forEach(c -> b.append("FIXED      ").append(line(c)));
    added.forEach(id -> b.append("NEW        ").append(id).append('\n'));
    removed.forEach(id -> b.append("REMOVED    ").append(id).append('\n'));
    return b.toString();
  }

  private static String line(Change c) {
    return c.checkId() + ": " + c.before() + " -> " + c.after() + " (" + c.message() + ")\n";
  }
}
