package io.pvekit.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * The public/internal line as users see it: the public API of {@code io.pvekit.oci} is the
 * committed listing {@code src/test/resources/api/io.pvekit.oci.txt} (an API change is a reviewed
 * change of that file: rewrite it with {@code -Dpvekit.updateApi=true}), and no public signature
 * names a type of an internal package, which would make that package part of the API.
 */
class ApiTest {
  private static final String PACKAGE = "io.pvekit.oci";

  @Test
  void publicApi_isTheCommittedListing() throws Exception {
    ApiListing.assertCommitted(PACKAGE, type -> true);
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    assertThat(ApiListing.internalTypesInSignatures(PACKAGE)).isEmpty();
  }
}
