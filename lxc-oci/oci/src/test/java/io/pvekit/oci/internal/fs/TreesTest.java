package io.pvekit.oci.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.oci.OciImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreesTest {
  @TempDir Path dir;

  @Test
  void prepareEmpty_createsOrAcceptsAnEmptyDirectory_andRefusesTheRest() throws Exception {
    assertThat(Trees.prepareEmpty(dir.resolve("new/deep"), "use another")).isTrue();
    assertThat(dir.resolve("new/deep")).isEmptyDirectory();
    assertThat(Trees.prepareEmpty(dir.resolve("new/deep"), "use another")).isFalse();

    Files.writeString(dir.resolve("new/deep/x"), "x");
    assertThatThrownBy(() -> Trees.prepareEmpty(dir.resolve("new/deep"), "use another"))
        .isInstanceOf(OciImageException.class)
        .hasMessage(dir.resolve("new/deep") + " is not empty; use another");
    assertThatThrownBy(() -> Trees.prepareEmpty(dir.resolve("new/deep/x"), "use another"))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("exists and is not a directory");
  }

  @Test
  void undo_removesWhatItMade_andOnlyTheContentOfWhatWasThere() throws Exception {
    Path made = dir.resolve("made");
    Trees.prepareEmpty(made, "-");
    Files.createDirectories(made.resolve("a/b"));
    Trees.undo(made, true);
    assertThat(made).doesNotExist();

    Path existing = Files.createDirectory(dir.resolve("existing"));
    Files.createDirectories(existing.resolve("a/b"));
    Files.writeString(existing.resolve("f"), "f");
    Trees.undo(existing, false);
    assertThat(existing).isEmptyDirectory();
  }

  @Test
  void delete_removesLinksWithoutFollowingThem() throws Exception {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep"), "keep");
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("sub"));
    Files.createSymbolicLink(tree.resolve("sub/link"), outside);
    Files.createSymbolicLink(dir.resolve("top-link"), outside);

    Trees.delete(tree);
    Trees.delete(dir.resolve("top-link"));
    Trees.delete(dir.resolve("never-was"));

    assertThat(tree).doesNotExist();
    assertThat(dir.resolve("top-link")).doesNotExist();
    assertThat(outside.resolve("keep")).hasContent("keep");
  }
}
