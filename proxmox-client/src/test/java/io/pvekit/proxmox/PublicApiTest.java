package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.ApiListing;
import java.nio.charset.StandardCharsets;
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
  private static final Path LISTING = Path.of("src/test/resources/api/" + PACKAGE + ".txt");

  @Test
  void publicApi_isTheCommittedListing() throws Exception {
    String actual = ApiListing.of(PACKAGE, PublicApiTest::handWritten);
    if (Boolean.getBoolean("pvekit.updateApi")) {
      Files.createDirectories(LISTING.getParent());
      Files.writeString(LISTING, actual, StandardCharsets.UTF_8);
    }
    assertThat(LISTING).as("API listing; see the class comment to create it").exists();
    assertThat(actual).isEqualTo(Files.readString(LISTING, StandardCharsets.UTF_8));
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
