package io.pvekit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * The public/internal line as users see it: the public API of {@code io.pvekit.capi} is the
 * committed listing {@code src/test/resources/api/io.pvekit.capi.txt} (an API change is a reviewed
 * change of that file: rewrite it with {@code -Dpvekit.updateApi=true}), and no public signature
 * names a type of an internal package, which would make that package part of the API.
 */
class PublicApiTest {
  private static final String PACKAGE = "io.pvekit.capi";

  @Test
  void publicApi_isTheCommittedListing() throws Exception {
    ApiListing.assertCommitted(PACKAGE, type -> true);
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    assertThat(ApiListing.internalTypesInSignatures(PACKAGE)).isEmpty();
  }
}
