package io.pvekit.oci.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pvekit.oci.OciBlockIo;
import io.pvekit.oci.OciCapabilities;
import io.pvekit.oci.OciConsoleSize;
import io.pvekit.oci.OciCpu;
import io.pvekit.oci.OciCpuAffinity;
import io.pvekit.oci.OciDevice;
import io.pvekit.oci.OciDeviceRule;
import io.pvekit.oci.OciHook;
import io.pvekit.oci.OciHooks;
import io.pvekit.oci.OciHugepageLimit;
import io.pvekit.oci.OciIdMapping;
import io.pvekit.oci.OciIntelRdt;
import io.pvekit.oci.OciIoPriority;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciMemory;
import io.pvekit.oci.OciMount;
import io.pvekit.oci.OciNamespace;
import io.pvekit.oci.OciNetwork;
import io.pvekit.oci.OciNetworkPriority;
import io.pvekit.oci.OciPersonality;
import io.pvekit.oci.OciPids;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciRdma;
import io.pvekit.oci.OciResources;
import io.pvekit.oci.OciRlimit;
import io.pvekit.oci.OciRoot;
import io.pvekit.oci.OciScheduler;
import io.pvekit.oci.OciSeccomp;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSyscall;
import io.pvekit.oci.OciSyscallArg;
import io.pvekit.oci.OciThrottleDevice;
import io.pvekit.oci.OciTimeOffset;
import io.pvekit.oci.OciUser;
import io.pvekit.oci.OciWeightDevice;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Writes the OCI runtime-spec model ({@link OciSpec} and its parts) as JSON with jackson-core's
 * generator, one method per type (this class: the document, process, root, mounts, hooks; {@link
 * LinuxWriter} and {@link ResourcesWriter} the rest): the output jackson-databind wrote with {@link
 * OciJson#mapper()} (pretty-printed, absent and empty values left out), without the cost of
 * introspecting the model in every process that writes or explains a spec.
 */
public final class SpecWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SpecWriter() {}

  /** The spec as pretty-printed JSON, with a final newline. */
  public static String toJson(OciSpec spec) {
    return write(spec).orElseThrow() + "\n";
  }

  /**
   * Any model value, or a collection, map, string, number or boolean made of them, pretty-printed.
   *
   * @return empty for a value of another type
   */
  public static Optional<String> write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.useDefaultPrettyPrinter();
      if (!new JsonOut(generator).value(value)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(out.toString());
  }

  /** Writes a model object; false for another type. */
  static boolean model(JsonOut w, Object value) throws IOException {
    if (value instanceof OciSpec) {
      write(w, (OciSpec) value);
    } else if (value instanceof OciProcess) {
      write(w, (OciProcess) value);
    } else if (value instanceof OciConsoleSize) {
      write(w, (OciConsoleSize) value);
    } else if (value instanceof OciUser) {
      write(w, (OciUser) value);
    } else if (value instanceof OciCapabilities) {
      write(w, (OciCapabilities) value);
    } else if (value instanceof OciRlimit) {
      write(w, (OciRlimit) value);
    } else if (value instanceof OciIoPriority) {
      write(w, (OciIoPriority) value);
    } else if (value instanceof OciScheduler) {
      write(w, (OciScheduler) value);
    } else if (value instanceof OciCpuAffinity) {
      write(w, (OciCpuAffinity) value);
    } else if (value instanceof OciRoot) {
      write(w, (OciRoot) value);
    } else if (value instanceof OciMount) {
      write(w, (OciMount) value);
    } else if (value instanceof OciIdMapping) {
      write(w, (OciIdMapping) value);
    } else if (value instanceof OciHooks) {
      write(w, (OciHooks) value);
    } else if (value instanceof OciHook) {
      write(w, (OciHook) value);
    } else if (value instanceof OciLinux) {
      LinuxWriter.write(w, (OciLinux) value);
    } else if (value instanceof OciNamespace) {
      LinuxWriter.write(w, (OciNamespace) value);
    } else if (value instanceof OciTimeOffset) {
      LinuxWriter.write(w, (OciTimeOffset) value);
    } else if (value instanceof OciDevice) {
      LinuxWriter.write(w, (OciDevice) value);
    } else if (value instanceof OciSeccomp) {
      LinuxWriter.write(w, (OciSeccomp) value);
    } else if (value instanceof OciSyscall) {
      LinuxWriter.write(w, (OciSyscall) value);
    } else if (value instanceof OciSyscallArg) {
      LinuxWriter.write(w, (OciSyscallArg) value);
    } else if (value instanceof OciIntelRdt) {
      LinuxWriter.write(w, (OciIntelRdt) value);
    } else if (value instanceof OciPersonality) {
      LinuxWriter.write(w, (OciPersonality) value);
    } else if (value instanceof OciResources) {
      ResourcesWriter.write(w, (OciResources) value);
    } else if (value instanceof OciDeviceRule) {
      ResourcesWriter.write(w, (OciDeviceRule) value);
    } else if (value instanceof OciMemory) {
      ResourcesWriter.write(w, (OciMemory) value);
    } else if (value instanceof OciCpu) {
      ResourcesWriter.write(w, (OciCpu) value);
    } else if (value instanceof OciPids) {
      ResourcesWriter.write(w, (OciPids) value);
    } else if (value instanceof OciBlockIo) {
      ResourcesWriter.write(w, (OciBlockIo) value);
    } else if (value instanceof OciWeightDevice) {
      ResourcesWriter.write(w, (OciWeightDevice) value);
    } else if (value instanceof OciThrottleDevice) {
      ResourcesWriter.write(w, (OciThrottleDevice) value);
    } else if (value instanceof OciHugepageLimit) {
      ResourcesWriter.write(w, (OciHugepageLimit) value);
    } else if (value instanceof OciNetwork) {
      ResourcesWriter.write(w, (OciNetwork) value);
    } else if (value instanceof OciNetworkPriority) {
      ResourcesWriter.write(w, (OciNetworkPriority) value);
    } else if (value instanceof OciRdma) {
      ResourcesWriter.write(w, (OciRdma) value);
    } else {
      return false;
    }
    return true;
  }

  static void write(JsonOut w, OciSpec v) throws IOException {
    w.startObject();
    w.string("ociVersion", v.ociVersion());
    if (v.process().isPresent()) {
      w.name("process");
      write(w, v.process().get());
    }
    if (v.root().isPresent()) {
      w.name("root");
      write(w, v.root().get());
    }
    w.string("hostname", v.hostname());
    w.string("domainname", v.domainname());
    if (w.startArray("mounts", v.mounts())) {
      for (OciMount e : v.mounts()) {
        write(w, e);
      }
      w.endArray();
    }
    if (v.hooks().isPresent()) {
      w.name("hooks");
      write(w, v.hooks().get());
    }
    w.strings("annotations", v.annotations());
    if (v.linux().isPresent()) {
      w.name("linux");
      LinuxWriter.write(w, v.linux().get());
    }
    w.endObject();
  }

  static void write(JsonOut w, OciProcess v) throws IOException {
    w.startObject();
    w.bool("terminal", v.terminal());
    if (v.consoleSize().isPresent()) {
      w.name("consoleSize");
      write(w, v.consoleSize().get());
    }
    w.name("user");
    write(w, v.user());
    w.strings("args", v.args());
    w.string("commandLine", v.commandLine());
    w.strings("env", v.env());
    w.string("cwd", v.cwd());
    if (v.capabilities().isPresent()) {
      w.name("capabilities");
      write(w, v.capabilities().get());
    }
    if (w.startArray("rlimits", v.rlimits())) {
      for (OciRlimit e : v.rlimits()) {
        write(w, e);
      }
      w.endArray();
    }
    w.bool("noNewPrivileges", v.noNewPrivileges());
    w.string("apparmorProfile", v.apparmorProfile());
    w.number("oomScoreAdj", v.oomScoreAdj());
    w.string("selinuxLabel", v.selinuxLabel());
    if (v.ioPriority().isPresent()) {
      w.name("ioPriority");
      write(w, v.ioPriority().get());
    }
    if (v.scheduler().isPresent()) {
      w.name("scheduler");
      write(w, v.scheduler().get());
    }
    if (v.execCpuAffinity().isPresent()) {
      w.name("execCPUAffinity");
      write(w, v.execCpuAffinity().get());
    }
    w.endObject();
  }

  static void write(JsonOut w, OciConsoleSize v) throws IOException {
    w.startObject();
    w.number("height", v.height());
    w.number("width", v.width());
    w.endObject();
  }

  static void write(JsonOut w, OciUser v) throws IOException {
    w.startObject();
    w.number("uid", v.uid());
    w.number("gid", v.gid());
    w.number("umask", v.umask());
    w.longs("additionalGids", v.additionalGids());
    w.string("username", v.username());
    w.endObject();
  }

  static void write(JsonOut w, OciCapabilities v) throws IOException {
    w.startObject();
    w.strings("bounding", v.bounding());
    w.strings("effective", v.effective());
    w.strings("inheritable", v.inheritable());
    w.strings("permitted", v.permitted());
    w.strings("ambient", v.ambient());
    w.endObject();
  }

  static void write(JsonOut w, OciRlimit v) throws IOException {
    w.startObject();
    w.string("type", v.type());
    w.number("soft", v.soft());
    w.number("hard", v.hard());
    w.endObject();
  }

  static void write(JsonOut w, OciIoPriority v) throws IOException {
    w.startObject();
    w.string("class", v.ioClass());
    w.number("priority", v.priority());
    w.endObject();
  }

  static void write(JsonOut w, OciScheduler v) throws IOException {
    w.startObject();
    w.string("policy", v.policy());
    w.number("nice", v.nice());
    w.number("priority", v.priority());
    w.strings("flags", v.flags());
    w.number("runtime", v.runtime());
    w.number("deadline", v.deadline());
    w.number("period", v.period());
    w.endObject();
  }

  static void write(JsonOut w, OciCpuAffinity v) throws IOException {
    w.startObject();
    w.string("initial", v.initial());
    w.string("final", v.finalCpus());
    w.endObject();
  }

  static void write(JsonOut w, OciRoot v) throws IOException {
    w.startObject();
    w.string("path", v.path());
    w.bool("readonly", v.readonly());
    w.endObject();
  }

  static void write(JsonOut w, OciMount v) throws IOException {
    w.startObject();
    w.string("destination", v.destination());
    w.string("type", v.type());
    w.string("source", v.source());
    w.strings("options", v.options());
    if (w.startArray("uidMappings", v.uidMappings())) {
      for (OciIdMapping e : v.uidMappings()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("gidMappings", v.gidMappings())) {
      for (OciIdMapping e : v.gidMappings()) {
        write(w, e);
      }
      w.endArray();
    }
    w.endObject();
  }

  static void write(JsonOut w, OciIdMapping v) throws IOException {
    w.startObject();
    w.number("containerID", v.containerId());
    w.number("hostID", v.hostId());
    w.number("size", v.size());
    w.endObject();
  }

  static void write(JsonOut w, OciHooks v) throws IOException {
    w.startObject();
    if (w.startArray("prestart", v.prestart())) {
      for (OciHook e : v.prestart()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("createRuntime", v.createRuntime())) {
      for (OciHook e : v.createRuntime()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("createContainer", v.createContainer())) {
      for (OciHook e : v.createContainer()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("startContainer", v.startContainer())) {
      for (OciHook e : v.startContainer()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("poststart", v.poststart())) {
      for (OciHook e : v.poststart()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("poststop", v.poststop())) {
      for (OciHook e : v.poststop()) {
        write(w, e);
      }
      w.endArray();
    }
    w.endObject();
  }

  static void write(JsonOut w, OciHook v) throws IOException {
    w.startObject();
    w.string("path", v.path());
    w.strings("args", v.args());
    w.strings("env", v.env());
    w.number("timeout", v.timeout());
    w.endObject();
  }
}
