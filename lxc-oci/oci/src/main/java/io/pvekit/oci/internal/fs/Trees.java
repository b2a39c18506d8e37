package io.pvekit.oci.internal.fs;

import io.pvekit.oci.OciImageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Directory trees a step fills: new or empty before it, and gone again (or emptied, when the
 * directory was there before) when it fails, so a failure leaves nothing behind.
 */
public final class Trees {
  private Trees() {}

  /**
   * Makes a directory ready to be filled: creates it, or accepts an empty one.
   *
   * @param dir the directory
   * @param advice what to do when it is not empty, e.g. {@code unpack into a new directory}
   * @return whether it was created, which decides what {@link #undo} removes
   * @throws OciImageException when it is not a directory or not empty
   * @throws IOException when it cannot be read or created
   */
  public static boolean prepareEmpty(Path dir, String advice) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir);
      return true;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new OciImageException(dir + " exists and is not a directory");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      if (entries.iterator().hasNext()) {
        throw new OciImageException(dir + " is not empty; " + advice);
      }
    }
    return false;
  }

  /**
   * Removes what a failed step put into a directory {@link #prepareEmpty} made ready: the directory
   * itself when it was created, else its content. Quietly: the step's failure is what the caller
   * needs to see.
   *
   * @param dir the directory
   * @param created what {@link #prepareEmpty} returned
   */
  public static void undo(Path dir, boolean created) {
    try {
      if (created) {
        delete(dir);
      } else if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
          for (Path entry : entries) {
            delete(entry);
          }
        }
      }
    } catch (IOException e) {
      // best effort, see above
    }
  }

  /**
   * Deletes a file, a link or a directory tree; symbolic links are removed, never followed. A path
   * that does not exist is no error.
   *
   * @param path what to delete
   * @throws IOException when something cannot be deleted
   */
  public static void delete(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
