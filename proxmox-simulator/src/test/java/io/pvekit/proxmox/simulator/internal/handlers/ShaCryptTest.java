package io.pvekit.proxmox.simulator.internal.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SHA-256 crypt against hashes {@code openssl passwd -5 -salt SALT PASSWORD} prints. */
class ShaCryptTest {
  @Test
  void matchesOpenssl() {
    assertThat(ShaCrypt.sha256("Hello world!", "saltstring"))
        .isEqualTo("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5");
    assertThat(ShaCrypt.sha256("s3cret!", "abcdefghijklmnop"))
        .isEqualTo("$5$abcdefghijklmnop$LlXnvmYYo2QtzufglLBpiOILKGnnFUklhhTLv6EeLlC");
  }

  @Test
  void aCloudInitPassword_isHashedWithAFreshSalt() {
    String first = CloudInit.hash("s3cret!");
    String second = CloudInit.hash("s3cret!");

    assertThat(first).matches("\\$5\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{43}").isNotEqualTo(second);
    String salt = first.substring(3, 19);
    assertThat(ShaCrypt.sha256("s3cret!", salt)).isEqualTo(first);
  }
}
