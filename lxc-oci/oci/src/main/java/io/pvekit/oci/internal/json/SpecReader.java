package io.pvekit.oci.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.pvekit.oci.OciHook;
import io.pvekit.oci.OciHooks;
import io.pvekit.oci.OciIdMapping;
import io.pvekit.oci.OciMount;
import io.pvekit.oci.OciRoot;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code config.json} into {@link OciSpec} with jackson-core's streaming parser, one {@code
 * switch} per object type (this class: the document, process, root, mounts, hooks; {@link
 * LinuxReader} and {@link ResourcesReader} the rest). The rules are {@link JsonCursor}'s.
 */
public final class SpecReader {
  // the JSON factory's defaults (jackson-databind's) and no duplicate properties
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final String MISSING = "some of required attributes are not set [";

  private SpecReader() {}

  public static OciSpec read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    }
  }

  public static OciSpec parse(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return parse(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses from a stream, which stays open. */
  public static OciSpec parse(InputStream json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return parse(parser);
    }
  }

  private static OciSpec parse(JsonParser parser) throws IOException {
    JsonCursor c = new JsonCursor(parser);
    OciSpec spec;
    try {
      JsonToken first = c.first();
      if (first == null) {
        throw new OciSpecException("$", "expected an object, got an empty document", null);
      }
      if (first == JsonToken.VALUE_NULL) {
        throw new OciSpecException("$", "expected an object, got null", null);
      }
      spec = spec(c);
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IllegalStateException e) {
      // an Immutables builder without a required attribute: the parser is on that object's end
      String message = String.valueOf(e.getMessage());
      int list = message.indexOf(MISSING);
      if (list < 0) {
        throw e;
      }
      String names = message.substring(list + MISSING.length(), message.lastIndexOf(']'));
      throw new OciSpecException(c.objectPath(), "required field missing: " + names, e);
    }
    return SpecVersion.check(spec);
  }

  private static OciSpecException notJson(JsonProcessingException e) {
    String reason = e.getOriginalMessage();
    int detail = reason.indexOf(" (");
    String location =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    Object processor = e.getProcessor();
    String path =
        processor instanceof JsonParser
            ? JsonCursor.path(((JsonParser) processor).getParsingContext())
            : "$";
    return new OciSpecException(
        path,
        "not valid JSON: " + (detail > 0 ? reason.substring(0, detail) : reason) + location,
        e);
  }

  private static OciSpec spec(JsonCursor c) throws IOException {
    c.beginObject();
    OciSpec.Builder b = OciSpec.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "ociVersion":
          if (c.has()) b.ociVersion(c.string());
          break;
        case "process":
          if (c.has()) b.process(ProcessReader.process(c));
          break;
        case "root":
          if (c.has()) b.root(root(c));
          break;
        case "hostname":
          if (c.has()) b.hostname(c.string());
          break;
        case "domainname":
          if (c.has()) b.domainname(c.string());
          break;
        case "mounts":
          if (c.array()) while (c.element()) b.addMounts(mount(c));
          break;
        case "hooks":
          if (c.has()) b.hooks(hooks(c));
          break;
        case "annotations":
          if (c.map())
            for (String k = c.entry(); k != null; k = c.entry()) b.putAnnotations(k, c.string());
          break;
        case "linux":
          if (c.has()) b.linux(LinuxReader.linux(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.ignoredFields(c.unknownFields()).build();
  }

  private static OciRoot root(JsonCursor c) throws IOException {
    c.beginObject();
    OciRoot.Builder b = OciRoot.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "path":
          if (c.has()) b.path(c.string());
          break;
        case "readonly":
          if (c.has()) b.readonly(c.bool());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciMount mount(JsonCursor c) throws IOException {
    c.beginObject();
    OciMount.Builder b = OciMount.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "destination":
          if (c.has()) b.destination(c.string());
          break;
        case "type":
          if (c.has()) b.type(c.string());
          break;
        case "source":
          if (c.has()) b.source(c.string());
          break;
        case "options":
          b.addAllOptions(c.strings());
          break;
        case "uidMappings":
          if (c.array()) while (c.element()) b.addUidMappings(idMapping(c));
          break;
        case "gidMappings":
          if (c.array()) while (c.element()) b.addGidMappings(idMapping(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  static OciIdMapping idMapping(JsonCursor c) throws IOException {
    c.beginObject();
    OciIdMapping.Builder b = OciIdMapping.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "containerID":
          if (c.has()) b.containerId(c.longValue());
          break;
        case "hostID":
          if (c.has()) b.hostId(c.longValue());
          break;
        case "size":
          if (c.has()) b.size(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciHooks hooks(JsonCursor c) throws IOException {
    c.beginObject();
    OciHooks.Builder b = OciHooks.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "prestart":
          if (c.array()) while (c.element()) b.addPrestart(hook(c));
          break;
        case "createRuntime":
          if (c.array()) while (c.element()) b.addCreateRuntime(hook(c));
          break;
        case "createContainer":
          if (c.array()) while (c.element()) b.addCreateContainer(hook(c));
          break;
        case "startContainer":
          if (c.array()) while (c.element()) b.addStartContainer(hook(c));
          break;
        case "poststart":
          if (c.array()) while (c.element()) b.addPoststart(hook(c));
          break;
        case "poststop":
          if (c.array()) while (c.element()) b.addPoststop(hook(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciHook hook(JsonCursor c) throws IOException {
    c.beginObject();
    OciHook.Builder b = OciHook.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "path":
          if (c.has()) b.path(c.string());
          break;
        case "args":
          b.addAllArgs(c.strings());
          break;
        case "env":
          b.addAllEnv(c.strings());
          break;
        case "timeout":
          if (c.has()) b.timeout(c.intValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }
}
