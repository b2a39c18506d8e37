package io.pvekit.oci.internal.json;

import io.pvekit.oci.OciCapabilities;
import io.pvekit.oci.OciConsoleSize;
import io.pvekit.oci.OciCpuAffinity;
import io.pvekit.oci.OciIoPriority;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciRlimit;
import io.pvekit.oci.OciScheduler;
import io.pvekit.oci.OciUser;
import java.io.IOException;

/** Reads {@code config.json}'s {@code process} (see {@link SpecReader}). */
final class ProcessReader {
  private ProcessReader() {}

  static OciProcess process(JsonCursor c) throws IOException {
    c.beginObject();
    OciProcess.Builder b = OciProcess.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "terminal":
          if (c.has()) b.terminal(c.bool());
          break;
        case "consoleSize":
          if (c.has()) b.consoleSize(consoleSize(c));
          break;
        case "user":
          if (c.has()) b.user(user(c));
          break;
        case "args":
          b.addAllArgs(c.strings());
          break;
        case "commandLine":
          if (c.has()) b.commandLine(c.string());
          break;
        case "env":
          b.addAllEnv(c.strings());
          break;
        case "cwd":
          if (c.has()) b.cwd(c.string());
          break;
        case "capabilities":
          if (c.has()) b.capabilities(capabilities(c));
          break;
        case "rlimits":
          if (c.array()) while (c.element()) b.addRlimits(rlimit(c));
          break;
        case "noNewPrivileges":
          if (c.has()) b.noNewPrivileges(c.bool());
          break;
        case "apparmorProfile":
          if (c.has()) b.apparmorProfile(c.string());
          break;
        case "oomScoreAdj":
          if (c.has()) b.oomScoreAdj(c.intValue());
          break;
        case "selinuxLabel":
          if (c.has()) b.selinuxLabel(c.string());
          break;
        case "ioPriority":
          if (c.has()) b.ioPriority(ioPriority(c));
          break;
        case "scheduler":
          if (c.has()) b.scheduler(scheduler(c));
          break;
        case "execCPUAffinity":
          if (c.has()) b.execCpuAffinity(cpuAffinity(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciConsoleSize consoleSize(JsonCursor c) throws IOException {
    c.beginObject();
    OciConsoleSize.Builder b = OciConsoleSize.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "height":
          if (c.has()) b.height(c.longValue());
          break;
        case "width":
          if (c.has()) b.width(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciUser user(JsonCursor c) throws IOException {
    c.beginObject();
    OciUser.Builder b = OciUser.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "uid":
          if (c.has()) b.uid(c.idValue());
          break;
        case "gid":
          if (c.has()) b.gid(c.idValue());
          break;
        case "umask":
          if (c.has()) b.umask(c.longValue());
          break;
        case "additionalGids":
          if (c.array()) while (c.element()) b.addAdditionalGids(c.idValue());
          break;
        case "username":
          if (c.has()) b.username(c.string());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciCapabilities capabilities(JsonCursor c) throws IOException {
    c.beginObject();
    OciCapabilities.Builder b = OciCapabilities.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "bounding":
          b.addAllBounding(c.strings());
          break;
        case "effective":
          b.addAllEffective(c.strings());
          break;
        case "inheritable":
          b.addAllInheritable(c.strings());
          break;
        case "permitted":
          b.addAllPermitted(c.strings());
          break;
        case "ambient":
          b.addAllAmbient(c.strings());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciRlimit rlimit(JsonCursor c) throws IOException {
    c.beginObject();
    OciRlimit.Builder b = OciRlimit.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "type":
          if (c.has()) b.type(c.string());
          break;
        case "soft":
          if (c.has()) b.soft(c.bigInteger());
          break;
        case "hard":
          if (c.has()) b.hard(c.bigInteger());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciIoPriority ioPriority(JsonCursor c) throws IOException {
    c.beginObject();
    OciIoPriority.Builder b = OciIoPriority.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "class":
          if (c.has()) b.ioClass(c.string());
          break;
        case "priority":
          if (c.has()) b.priority(c.intValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciScheduler scheduler(JsonCursor c) throws IOException {
    c.beginObject();
    OciScheduler.Builder b = OciScheduler.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "policy":
          if (c.has()) b.policy(c.string());
          break;
        case "nice":
          if (c.has()) b.nice(c.intValue());
          break;
        case "priority":
          if (c.has()) b.priority(c.intValue());
          break;
        case "flags":
          b.addAllFlags(c.strings());
          break;
        case "runtime":
          if (c.has()) b.runtime(c.longValue());
          break;
        case "deadline":
          if (c.has()) b.deadline(c.longValue());
          break;
        case "period":
          if (c.has()) b.period(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciCpuAffinity cpuAffinity(JsonCursor c) throws IOException {
    c.beginObject();
    OciCpuAffinity.Builder b = OciCpuAffinity.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "initial":
          if (c.has()) b.initial(c.string());
          break;
        case "final":
          if (c.has()) b.finalCpus(c.string());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }
}
