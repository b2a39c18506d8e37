package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.ApiListing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public/internal line as users see it: the public API of {@code io.pvekit.proxmox} is the
 * committed listing {@code src/test/resources/api/io.pvekit.proxmox.txt} (an API change is a
 * reviewed change of that file: rewrite it with {@code -Dpvekit.updateApi=true}), and no public
 * signature names a type of an internal package, which would make that package part of the API.
 */
class PublicApiTest {
  private static final String PACKAGE = "io.pvekit.proxmox";

  @Test
  void publicApi_isTheCommittedListing() throws Exception {
    ApiListing.assertCommitted(PACKAGE, PublicApiTest::handWritten);
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    assertThat(ApiListing.internalTypesInSignatures(PACKAGE)).isEmpty();
  }

  /**
   * The generated layer ({@code client.api()}) has the PVE schema as its source of truth and is
   * checked by GeneratedApiWalkTest; listing its hundreds of types here would only repeat it.
   */
  private static boolean handWritten(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return !Files.exists(
        Path.of("target/generated-sources/pve", top.getName().replace(".", "/") + ".java"));
  }
}
