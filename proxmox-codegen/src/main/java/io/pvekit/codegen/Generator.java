package io.pvekit.codegen;

import io.pvekit.codegen.ApiModel.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the typed layer of {@code proxmox-client} from schema extracts: one class per resource
 * (path) of the API, in the client's public package, starting at {@code PveApi} for {@code /}.
 *
 * <p>Usage: {@code Generator OUTPUT_DIR PACKAGE EXTRACT...} with the extracts newest version first
 * (the order fixes the version bits the client's {@code PveApiVersion} uses).
 */
public final class Generator {
  private Generator() {}

  /**
   * Generates the sources.
   *
   * @param args output directory, Java package, extract files (newest first)
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: Generator OUTPUT_DIR PACKAGE EXTRACT...");
    }
    List<Path> extracts = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      extracts.add(Path.of(args[i]));
    }
    int written = generate(ApiModel.load(extracts), Path.of(args[0]), args[1]);
    System.out.println("proxmox-codegen: " + written + " classes in " + args[0]);
  }

  /**
   * Writes one source file per resource.
   *
   * @param model the merged schema
   * @param outputDir the source root
   * @param pkg the package
   * @return the number of files written
   * @throws IOException when a file cannot be written
   */
  public static int generate(ApiModel model, Path outputDir, String pkg) throws IOException {
    Path dir = outputDir.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    List<Resource> all = new ArrayList<>();
    collect(model.root(), all);
    for (Resource r : all) {
      ResourceWriter writer = new ResourceWriter(model, r);
      Path file = dir.resolve(writer.className() + ".java");
      String source = writer.write(pkg);
      // An unchanged file keeps its timestamp, so the compiler's incremental check can skip it.
      if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(source)) {
        Files.writeString(file, source, StandardCharsets.UTF_8);
      }
    }
    return all.size();
  }

  private static void collect(Resource r, List<Resource> out) {
    out.add(r);
    r.children.values().forEach(c -> collect(c, out));
  }
}
