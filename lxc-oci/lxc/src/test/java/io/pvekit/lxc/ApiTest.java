package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.ApiListing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public/internal line, as users see it: the public API of {@code io.pvekit.lxc} is the
 * committed listing {@code src/test/resources/api/io.pvekit.lxc.txt} (a change of the API is a
 * reviewed change of that file: rewrite it with {@code -Dpvekit.updateApi=true}), and no public
 * signature names a type of an internal package.
 */
class ApiTest {
  private static final String PACKAGE = "io.pvekit.lxc";
  private static final Path LISTING = Path.of("src/test/resources/api/" + PACKAGE + ".txt");

  @Test
  void publicApi_isTheCommittedListing() throws Exception {
    String actual = ApiListing.of(PACKAGE);
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
}
