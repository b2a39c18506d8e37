package io.pvekit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/INTEGRITY_CHECKS.md is generated from the code; this fails when it is out of date. */
class CheckDocsTest {
  static final Path DOCS = Path.of("../docs/INTEGRITY_CHECKS.md");

  @Test
  void checksMd_isUpToDate() throws Exception {
    String generated = CheckDocs.markdown(PlatformChecks.all());
    if (Boolean.getBoolean("pvekit.updateDocs")) {
      Files.writeString(DOCS, generated);
    }
    assertThat(DOCS).as("run with -Dpvekit.updateDocs=true to regenerate").exists();
    assertThat(Files.readString(DOCS))
        .as(
            "docs/INTEGRITY_CHECKS.md is out of date: run ./mvnw -pl integrity-checks test -Dtest=CheckDocsTest"
                + " -Dpvekit.updateDocs=true")
        .isEqualTo(generated);
  }

  @Test
  void everyCheck_isDocumented() {
    String md = CheckDocs.markdown(PlatformChecks.all());
    for (Check c : PlatformChecks.all()) {
      assertThat(md).contains("### " + c.id() + "\n").contains(c.remediation());
    }
  }
}
