package io.pvekit.checks;

import java.util.List;
import java.util.Locale;

/** The reference of checks as Markdown, generated from the checks themselves. */
public final class CheckDocs {
  // The commands below are the ones the demo and CheckCommandTest run, so they cannot drift.
  private static final String HOW_TO_RUN =
      """
      Run them with `pvekit check` (the examples module) or embed `IntegrityChecks` (see the
      [module README](../integrity-checks/README.md)):

      ```
      pvekit check --kubeconfig FILE --proxmox-url https://pve1:8006 --proxmox-token 'ci@pve!checks=SECRET' \\
          --format junit --output checks.xml --fail-on high
      pvekit check diff OLD.json NEW.json
      ```

      Each check below has an id `category.name`, a severity, a timeout, the checks it depends on (it is
      skipped when one of them did not pass), what it looks at and why, and how to fix a failure. A result
      is PASS, WARN or FAIL when the check judged the platform; SKIP when a dependency did not pass;
      NOT_EVALUATED, TIMEOUT or ERROR when it could not judge (these never count as healthy). Reports:
      table, JSON (with a JSON Schema), JUnit XML, SARIF, Prometheus text format and HTML.

      """;

  private CheckDocs() {}

  /**
   * One section per category, one entry per check: id, severity, dependencies, what it looks at and
   * why, how to fix it.
   *
   * @param checks the checks
   * @return Markdown text
   */
  public static String markdown(List<Check> checks) {
    StringBuilder b = new StringBuilder();
    b.append("# Integrity checks\n\n")
        .append("Generated from the code by `CheckDocsTest` (`io.pvekit.checks.CheckDocs`); do not")
        .append(" edit by hand.\n")
        .append("Regenerate with `./mvnw -pl integrity-checks test -Dtest=CheckDocsTest")
        .append(" -Dpvekit.updateDocs=true`.\n\n")
        .append(HOW_TO_RUN)
        .append(checks.size())
        .append(" checks.\n\n");
    for (Category c : Category.values()) {
      List<Check> in = checks.stream().filter(x -> x.category() == c).toList();
      if (in.isEmpty()) {
        continue;
      }
      b.append("## ")
          .append(c.title())
          .append(" (`")
          .append(c.id())
          .append("`, ")
          .append(in.size())
          .append(")\n\n");
      b.append("| id | severity | title |\n|---|---|---|\n");
      for (Check x : in) {
        b.append("| [`")
            .append(x.id())
            .append("`](#")
            .append(x.id().replace(".", ""))
            .append(") | ")
            .append(x.severity().name().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(x.title())
            .append(" |\n");
      }
      b.append('\n');
      for (Check x : in) {
        b.append("### ")
            .append(x.id())
            .append("\n\n")
            .append("**")
            .append(x.title())
            .append("** — severity ")
            .append(x.severity().name().toLowerCase(Locale.ROOT))
            .append(", timeout ")
            .append(x.timeout().toSeconds())
            .append(" s");
        if (!x.dependencies().isEmpty()) {
          b.append(", runs after ");
          b.append(String.join(", ", x.dependencies().stream().map(d -> "`" + d + "`").toList()));
        }
        b.append(".\n\n")
            .append("- What and why: ")
            .append(x.description())
            .append('\n')
            .append("- How to fix: ")
            .append(x.remediation())
            .append("\n\n");
      }
    }
    return b.toString();
  }
}
