package io.pvekit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Something a test needs from the host, with a check that says why it is missing. */
public enum Prerequisite {
  /** Running as uid 0 (real containers, namespaces, mounts). */
  ROOT("root", "run the tests as root") {
    @Override
    Optional<String> missing() {
      return Host.isRoot() ? Optional.empty() : Optional.of("not running as root (uid 0)");
    }
  },
  /** liblxc ({@code liblxc.so.1}, Debian package {@code liblxc1}). */
  LIBLXC("liblxc", "apt-get install lxc") {
    @Override
    Optional<String> missing() {
      return Host.findLibrary("liblxc.so.1").isPresent()
          ? Optional.empty()
          : Optional.of("liblxc.so.1 not found in " + Host.LIBRARY_DIRS);
    }
  },
  /** liblxc's C headers ({@code lxccontainer.h}, Debian package {@code lxc-dev}). */
  LXC_HEADERS("lxc headers", "apt-get install lxc-dev") {
    @Override
    Optional<String> missing() {
      return Files.isReadable(Path.of("/usr/include/lxc/lxccontainer.h"))
          ? Optional.empty()
          : Optional.of("/usr/include/lxc/lxccontainer.h not found");
    }
  },
  /** The LXC command-line tools ({@code lxc-execute}, {@code lxc-start}). */
  LXC_TOOLS("lxc tools", "apt-get install lxc") {
    @Override
    Optional<String> missing() {
      return Host.missingCommands("lxc-execute", "lxc-start", "lxc-info");
    }
  },
  /** containerd and its {@code ctr} client. */
  CONTAINERD("containerd", "apt-get install containerd") {
    @Override
    Optional<String> missing() {
      return Host.missingCommands("containerd", "ctr", "containerd-shim-runc-v2");
    }
  },
  /** runc, the reference OCI runtime, as a peer to compare against. */
  RUNC("runc", "apt-get install runc") {
    @Override
    Optional<String> missing() {
      return Host.missingCommands("runc");
    }
  },
  /** crun, a second OCI runtime. */
  CRUN("crun", "apt-get install crun") {
    @Override
    Optional<String> missing() {
      return Host.missingCommands("crun");
    }
  },
  /** umoci, the OCI image tool pvekit's image unpacking is compared with. */
  UMOCI("umoci", "apt-get install umoci") {
    @Override
    Optional<String> missing() {
      return Host.missingCommands("umoci");
    }
  },
  /** A statically linked busybox to populate test root filesystems. */
  BUSYBOX_STATIC("busybox-static", "apt-get install busybox-static") {
    @Override
    Optional<String> missing() {
      return Files.isExecutable(Path.of("/bin/busybox"))
          ? Optional.empty()
          : Optional.of("/bin/busybox not found");
    }
  },
  /** Debian's python3-proxmoxer, a third-party Proxmox client. */
  PROXMOXER("python3-proxmoxer", "apt-get install python3-proxmoxer") {
    @Override
    Optional<String> missing() {
      return Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/proxmoxer"))
          ? Optional.empty()
          : Optional.of("/usr/lib/python3/dist-packages/proxmoxer not found");
    }
  },
  /** python3, for small test peers the JDK cannot play (a console socket receiving a pty). */
  PYTHON3("python3", "apt-get install python3") {
    @Override
    Optional<String> missing() {
      return Host.missingCommands("python3");
    }
  },
  /** A C compiler with a static libc, which builds proxmox-lxcri's terminal helper. */
  STATIC_CC("gcc and a static libc", "apt-get install gcc libc6-dev") {
    @Override
    Optional<String> missing() {
      Optional<String> cc = Host.missingCommands("cc");
      if (cc.isPresent()) {
        return cc;
      }
      for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu"}) {
        if (Files.isRegularFile(Path.of(dir, "libc.a"))) {
          return Optional.empty();
        }
      }
      return Optional.of("no libc.a (static C library) found");
    }
  },
  /** curl, to drive the Proxmox simulator as any HTTP client would. */
  CURL("curl", "apt-get install curl") {
    @Override
    Optional<String> missing() {
      return Host.missingCommands("curl");
    }
  },
  /** The upstream data in {@code ../shared/upstream} (CRDs, the PVE API schema, responses). */
  SHARED_UPSTREAM("shared upstream data", "check out ../shared beside the project") {
    @Override
    Optional<String> missing() {
      return SharedData.findUpstream().isPresent()
          ? Optional.empty()
          : Optional.of("no shared/upstream directory found (set PVEKIT_SHARED_DIR)");
    }
  };

  private final String displayName;
  private final String remedy;

  Prerequisite(String displayName, String remedy) {
    this.displayName = displayName;
    this.remedy = remedy;
  }

  /** Why this prerequisite is missing on this host, or empty when it is present. */
  abstract Optional<String> missing();

  /** A short human name, as used in skip and failure messages. */
  public String displayName() {
    return displayName;
  }

  /** What to do to provide it. */
  public String remedy() {
    return remedy;
  }

  /** Whether this host has it. */
  public boolean isPresent() {
    return missing().isEmpty();
  }

  static final class Host {
    static final List<Path> LIBRARY_DIRS =
        List.of(
            Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"),
            Path.of("/usr/lib64"),
            Path.of("/usr/lib"),
            Path.of("/usr/local/lib"));

    private Host() {}

    static boolean isRoot() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("Uid:")) {
            return line.split("\\s+")[2].equals("0");
          }
        }
      } catch (IOException | RuntimeException e) {
        return false;
      }
      return false;
    }

    static Optional<Path> findLibrary(String fileName) {
      return LIBRARY_DIRS.stream().map(d -> d.resolve(fileName)).filter(Files::exists).findFirst();
    }

    static Optional<Path> findCommand(String name) {
      String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
      for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
        if (!dir.isEmpty()) {
          Path candidate = Path.of(dir, name);
          if (Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.empty();
    }

    static Optional<String> missingCommands(String... names) {
      List<String> missing =
          java.util.Arrays.stream(names).filter(n -> findCommand(n).isEmpty()).toList();
      return missing.isEmpty()
          ? Optional.empty()
          : Optional.of("not on the PATH: " + String.join(", ", missing));
    }
  }
}
