package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The response bodies in {@code shared/upstream/pve-responses}: the files listed in {@code
 * index.json} and the go-proxmox mock pool, each with the request path it answers.
 */
final class UpstreamSamples {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One response body. */
  record Sample(String source, String method, String path, int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(source, e);
      }
    }

    boolean isJson() {
      try {
        JSON.readTree(body);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  private UpstreamSamples() {}

  static List<Sample> all() {
    List<Sample> samples = new ArrayList<>(indexed());
    samples.addAll(mocks());
    return samples;
  }

  static List<Sample> indexed() {
    try {
      Path dir = SharedData.upstream("pve-responses");
      List<Sample> samples = new ArrayList<>();
      for (JsonNode entry : JSON.readTree(dir.resolve("index.json").toFile())) {
        String file = entry.path("file").asText();
        samples.add(
            new Sample(
                file,
                entry.path("method").asText(),
                entry.path("path").asText(),
                entry.path("status").asInt(),
                Files.readString(dir.resolve(file))));
      }
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Sample> mocks() {
    try {
      List<Sample> samples = new ArrayList<>();
      for (String line :
          Files.readAllLines(SharedData.upstream("pve-responses/go-proxmox-all-mocks.jsonl"))) {
        JsonNode mock = JSON.readTree(line);
        samples.add(
            new Sample(
                mock.path("file").asText() + ":" + mock.path("line").asText(),
                mock.path("method").asText(),
                mock.path("path_regex").asText().replace("^", "").replace("$", ""),
                mock.path("status").asInt(),
                mock.path("body").asText()));
      }
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Sample file(String name) {
    return indexed().stream()
        .filter(s -> s.source().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("not in index.json: " + name));
  }
}
