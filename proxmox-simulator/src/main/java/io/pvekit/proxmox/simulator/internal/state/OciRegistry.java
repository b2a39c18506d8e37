package io.pvekit.proxmox.simulator.internal.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's stand-in for the container registries PVE 9.1 pulls from: a catalog of
 * repositories with their tags and image settings, and which {@code vztmpl} volumes were pulled
 * from which image. The simulator never reaches a network.
 */
public final class OciRegistry {
  private static final String PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /**
   * What an image tells {@code pct create}.
   *
   * @param entrypoint the command run as init
   * @param env the runtime environment, NUL-separated as the API carries it
   * @param ostype the distribution pve-container detects
   * @param size the archive's size in bytes
   */
  public record Image(String entrypoint, String env, String ostype, long size) {}

  /** One repository: its tags and the settings all its tags share. */
  public record Repository(List<String> tags, Image image) {}

  private final Map<String, Repository> repositories = new TreeMap<>();
  private final Map<String, Image> pulled = new LinkedHashMap<>();

  /** A catalog with a few Docker Hub images; tags in the registry's order, {@code latest} first. */
  public OciRegistry() {
    add(
        "docker.io/library/alpine",
        List.of("latest", "3.20", "3.21", "3.22"),
        new Image("/bin/sh", PATH, "alpine", 3_932_160L));
    add(
        "docker.io/library/nginx",
        List.of("latest", "1.27", "1.28", "alpine"),
        new Image(
            "/docker-entrypoint.sh nginx -g 'daemon off;'",
            PATH + "\0NGINX_VERSION=1.28.0",
            "debian",
            72_351_744L));
    add(
        "docker.io/library/postgres",
        List.of("latest", "16", "17"),
        new Image(
            "docker-entrypoint.sh postgres",
            PATH + "\0PGDATA=/var/lib/postgresql/data",
            "debian",
            158_334_976L));
  }

  /** Adds (or replaces) a repository, e.g. from the inventory file. */
  public void add(String repository, List<String> tags, Image image) {
    repositories.put(normalize(repository), new Repository(List.copyOf(tags), image));
  }

  /** The repository, by any spelling skopeo accepts ({@code alpine}, {@code docker.io/alpine}). */
  public Repository repository(String reference) {
    return repositories.get(normalize(reference));
  }

  /** The images pulled into templates, by volume id. */
  public Map<String, Image> pulled() {
    return pulled;
  }

  /**
   * Docker Hub's short names as skopeo resolves them: no registry host means {@code docker.io}, a
   * single path component there means {@code library/}.
   */
  public static String normalize(String repository) {
    String name = repository;
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    if (slash < 0 || !(first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      name = "docker.io/" + name;
    }
    if (name.startsWith("docker.io/") && name.indexOf('/', "docker.io/".length()) < 0) {
      name = "docker.io/library/" + name.substring("docker.io/".length());
    }
    return name;
  }
}
