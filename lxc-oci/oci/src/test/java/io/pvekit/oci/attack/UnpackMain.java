package io.pvekit.oci.attack;

import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciImageException;
import io.pvekit.oci.OciImageLayout;
import java.nio.file.Path;

/** Unpacks in a JVM of its own, so a test can choose its locale: prints the outcome. */
public final class UnpackMain {
  private UnpackMain() {}

  public static void main(String[] args) throws Exception {
    try {
      UnpackAttackTest.unpack(
          ImageUnpacker.builder().build(),
          OciImageLayout.open(Path.of(args[0])).image("t", "linux/amd64"),
          Path.of(args[1]));
      System.out.println("unpacked");
    } catch (OciImageException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
