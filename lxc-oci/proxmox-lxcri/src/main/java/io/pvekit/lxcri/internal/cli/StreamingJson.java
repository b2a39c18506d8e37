package io.pvekit.lxcri.internal.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.ResourceLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads exec's {@code process.json} and update's {@code resources.json} with jackson-core's
 * streaming parser: the hot {@code exec} path (liveness probes) never loads jackson-databind.
 */
final class StreamingJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private StreamingJson() {}

  /** An OCI {@code process} object as exec runs it. */
  record ExecProcessJson(ExecSpec spec, boolean terminal) {}

  static ExecProcessJson process(InputStream in) throws IOException {
    ExecSpec.Builder spec = ExecSpec.builder();
    boolean terminal = false;
    try (JsonParser p = FACTORY.createParser(in)) {
      expect(p, JsonToken.START_OBJECT, "process");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "terminal":
            terminal = p.getValueAsBoolean();
            break;
          case "args":
            spec.args(strings(p, "args"));
            break;
          case "env":
            spec.env(strings(p, "env"));
            break;
          case "cwd":
            spec.cwd(p.getValueAsString());
            break;
          case "noNewPrivileges":
            spec.noNewPrivileges(p.getValueAsBoolean());
            break;
          case "apparmorProfile":
            spec.apparmorProfile(p.getValueAsString());
            break;
          case "user":
            user(p, spec);
            break;
          default:
            // capabilities, rlimits, labels: liblxc's attach applies the container's own
            p.skipChildren();
        }
      }
    }
    return new ExecProcessJson(spec.build(), terminal);
  }

  private static void user(JsonParser p, ExecSpec.Builder spec) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("process.user: expected an object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "uid":
          spec.uid(p.getIntValue());
          break;
        case "gid":
          spec.gid(p.getIntValue());
          break;
        case "additionalGids":
          if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              spec.addAdditionalGids(p.getIntValue());
            }
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  /** An OCI {@code linux.resources} object, as {@code update --resources} reads it. */
  static ResourceLimits resources(InputStream in) throws IOException {
    ResourceLimits.Builder limits = ResourceLimits.builder();
    try (JsonParser p = FACTORY.createParser(in)) {
      expect(p, JsonToken.START_OBJECT, "resources");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        p.nextToken();
        if (p.currentToken() != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = section + "." + p.currentName();
          p.nextToken();
          if (p.currentToken() == JsonToken.VALUE_NULL) {
            continue;
          }
          switch (field) {
            case "memory.limit":
              limits.memoryLimit(p.getLongValue());
              break;
            case "memory.reservation":
              limits.memoryReservation(p.getLongValue());
              break;
            case "memory.swap":
              limits.memorySwap(p.getLongValue());
              break;
            case "cpu.shares":
              limits.cpuShares(p.getLongValue());
              break;
            case "cpu.quota":
              limits.cpuQuota(p.getLongValue());
              break;
            case "cpu.period":
              limits.cpuPeriod(p.getLongValue());
              break;
            case "cpu.cpus":
              limits.cpusetCpus(p.getValueAsString());
              break;
            case "cpu.mems":
              limits.cpusetMems(p.getValueAsString());
              break;
            case "pids.limit":
              limits.pidsLimit(p.getLongValue());
              break;
            case "blockIO.weight":
              limits.blkioWeight(p.getIntValue());
              break;
            default:
              p.skipChildren();
          }
        }
      }
    }
    return limits.build();
  }

  private static void expect(JsonParser p, JsonToken token, String what) throws IOException {
    if (p.nextToken() != token) {
      throw new IOException(what + ": expected a JSON object");
    }
  }

  private static List<String> strings(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IOException(field + ": expected an array of strings");
    }
    List<String> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      values.add(p.getValueAsString());
    }
    return values;
  }
}
