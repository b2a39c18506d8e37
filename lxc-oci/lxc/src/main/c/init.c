/*
 * proxmox-lxcri-init: runs inside the container in front of the container's own process, checks
 * what the runtime cannot check from outside, then execs the process (which keeps PID 1).
 *
 * usage: proxmox-lxcri-init [-t] [-C] [-m UMASK] [-u UID -g GID [-G GIDS] -b CAPS -a CAPS] -c DIR --
 *        PROGRAM [ARGS...]
 *   -c DIR  the working directory the process must start in: an absolute path without symlinks,
 *           already resolved inside the container by the runtime
 *   -C      change into DIR first (exec); without it DIR must already be the working directory,
 *           as LXC's lxc.init.cwd left it (create/start)
 *   -t      make the console (stdin) the process's controlling terminal
 *   -m      the umask (octal) the process starts with: LXC has no setting for process.user.umask
 *   -u, -g, -G, -b, -a  switch to this uid, gid and supplementary groups (comma-separated),
 *           reduce the bounding set to -b, keep the capabilities of -a (masks in hex, bit n =
 *           capability n) and raise them as ambient capabilities, as runc does for
 *           process.capabilities.ambient: LXC switches the uid itself (lxc.init.uid) and drops every
 *           capability with it, so for such a process the runtime leaves the uid to this helper
 *           (and keeps CAP_SETUID, CAP_SETGID and CAP_SETPCAP in LXC's bounding set for it)
 *
 * Why the working-directory check: LXC changes into the working directory while it still holds
 * descriptors of host directories, so a path that ends up in one of them (a /proc/self/fd/N path,
 * runc's CVE-2024-21626) starts the process in a host directory with the whole host file system
 * below it. The runtime resolves the path before, and this checks the result from inside: getcwd()
 * must name DIR (it fails, or names a path that is not DIR, when the directory lies outside the
 * container's root) and "." must be the same directory as DIR. Every descriptor above stderr is
 * then closed on exec, so none of the runtime's can reach the process.
 *
 * Why a terminal: a shell needs a controlling terminal for job control, Ctrl-C and window sizes,
 * and only the process itself can take one (TIOCSCTTY); liblxc gives the init the console pty as
 * stdio and makes it a session leader, but never takes the terminal for it.
 *
 * Static, so that it needs nothing from the container's root file system.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <linux/capability.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FAIL 126

static void usage(const char *self) {
  fprintf(stderr,
          "usage: %s [-t] [-C] [-m UMASK] [-u UID -g GID [-G GIDS] -b CAPS -a CAPS] -c DIR -- PROGRAM "
          "[ARGS...]\n",
          self);
}

static int fail(const char *what) {
  fprintf(stderr, "proxmox-lxcri-init: %s: %s\n", what, strerror(errno));
  return -1;
}

/*
 * Becomes uid:gid with the supplementary groups, keeping the capabilities of caps across setuid
 * (PR_SET_KEEPCAPS), and raises them as ambient capabilities, so that they survive the execve of
 * a program without file capabilities: the kernel gives a non-root process P' = E' = ambient.
 */
static int switch_user(long uid, long gid, const char *groups, uint64_t bounding, uint64_t caps) {
  gid_t list[NGROUPS_MAX > 256 ? 256 : NGROUPS_MAX];
  size_t n = 0;
  for (const char *p = groups; p != NULL && *p != '\0';) {
    char *end;
    long g = strtol(p, &end, 10);
    if (end == p || g < 0 || n == sizeof list / sizeof list[0] || (*end != ',' && *end != '\0')) {
      errno = EINVAL;
      return fail("bad group list");
    }
    list[n++] = (gid_t)g;
    p = *end == ',' ? end + 1 : end;
  }
  if (setgroups(n, list) < 0) return fail("setgroups");
  if (setgid((gid_t)gid) < 0) return fail("setgid");
  /* while CAP_SETPCAP is still effective: the bounding set asked for, without what LXC kept for
     this switch */
  for (int cap = 0; cap < 64; cap++) {
    if (!((bounding >> cap) & 1) && prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1 &&
        prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0) {
      return fail("reducing the bounding set");
    }
  }
  if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) return fail("PR_SET_KEEPCAPS");
  if (setuid((uid_t)uid) < 0) return fail("setuid");
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  memset(data, 0, sizeof data);
  for (int i = 0; i < 2; i++) {
    uint32_t half = (uint32_t)(caps >> (32 * i));
    data[i].effective = data[i].permitted = data[i].inheritable = half;
  }
  if (syscall(SYS_capset, &header, data) < 0) return fail("capset");
  for (int cap = 0; cap < 64; cap++) {
    if ((caps >> cap) & 1) {
      if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0) {
        return fail("raising an ambient capability");
      }
    }
  }
  return 0;
}

static int check_cwd(const char *dir, int change) {
  char seen[PATH_MAX];
  struct stat here, there;
  if (change && chdir(dir) < 0) {
    fprintf(stderr, "proxmox-lxcri-init: cannot change into the working directory %s: %s\n", dir,
            strerror(errno));
    return -1;
  }
  if (getcwd(seen, sizeof seen) == NULL || seen[0] != '/') {
    fprintf(stderr,
            "proxmox-lxcri-init: refusing to start: the working directory is outside the "
            "container (asked for %s)\n",
            dir);
    return -1;
  }
  if (strcmp(seen, dir) != 0) {
    fprintf(stderr,
            "proxmox-lxcri-init: refusing to start: the working directory is %s, not %s\n", seen,
            dir);
    return -1;
  }
  if (stat(".", &here) < 0 || stat(dir, &there) < 0 || here.st_dev != there.st_dev ||
      here.st_ino != there.st_ino) {
    fprintf(stderr,
            "proxmox-lxcri-init: refusing to start: the working directory is not the directory "
            "%s of the container\n",
            dir);
    return -1;
  }
  return 0;
}

/* Marks every descriptor above stderr close-on-exec: the process gets only its stdio. */
static void close_on_exec_above_stderr(void) {
#ifdef SYS_close_range
  if (syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */) == 0) {
    return;
  }
#endif
  long max = sysconf(_SC_OPEN_MAX);
  if (max < 0 || max > 65536) {
    max = 65536;
  }
  for (int fd = 3; fd < max; fd++) {
    int flags = fcntl(fd, F_GETFD);
    if (flags >= 0) {
      fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }
  }
}

int main(int argc, char **argv) {
  const char *dir = NULL;
  int change = 0, terminal = 0, i = 1;
  long mask = -1, uid = -1, gid = -1;
  const char *groups = NULL;
  uint64_t caps = 0, bounding = 0;
  int has_caps = 0, has_bounding = 0;
  for (; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
      dir = argv[++i];
    } else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
      char *end;
      mask = strtol(argv[++i], &end, 8);
      if (*argv[i] == '\0' || *end != '\0' || mask < 0 || mask > 0777) {
        usage(argv[0]);
        return FAIL;
      }
    } else if ((strcmp(argv[i], "-u") == 0 || strcmp(argv[i], "-g") == 0) && i + 1 < argc) {
      char *end;
      long id = strtol(argv[i + 1], &end, 10);
      if (*argv[i + 1] == '\0' || *end != '\0' || id < 0 || id > 0x7fffffffL) {
        usage(argv[0]);
        return FAIL;
      }
      *(argv[i][1] == 'u' ? &uid : &gid) = id;
      i++;
    } else if (strcmp(argv[i], "-G") == 0 && i + 1 < argc) {
      groups = argv[++i];
    } else if ((strcmp(argv[i], "-a") == 0 || strcmp(argv[i], "-b") == 0) && i + 1 < argc) {
      char *end;
      int ambient = argv[i][1] == 'a';
      uint64_t value = strtoull(argv[++i], &end, 16);
      if (*argv[i] == '\0' || *end != '\0') {
        usage(argv[0]);
        return FAIL;
      }
      *(ambient ? &caps : &bounding) = value;
      *(ambient ? &has_caps : &has_bounding) = 1;
    } else if (strcmp(argv[i], "-C") == 0) {
      change = 1;
    } else if (strcmp(argv[i], "-t") == 0) {
      terminal = 1;
    } else {
      usage(argv[0]);
      return FAIL;
    }
  }
  if (dir == NULL || dir[0] != '/' || i >= argc || (uid < 0) != (gid < 0) ||
      (uid >= 0) != has_caps || has_caps != has_bounding) {
    usage(argv[0]);
    return FAIL;
  }
  if (check_cwd(dir, change) < 0) {
    return FAIL;
  }
  if (terminal && ioctl(STDIN_FILENO, TIOCSCTTY, 0) < 0) {
    fprintf(stderr, "proxmox-lxcri-init: cannot take the console as controlling terminal: %s\n",
            strerror(errno));
  }
  if (mask >= 0) {
    umask((mode_t)mask);
  }
  if (uid >= 0 && switch_user(uid, gid, groups, bounding, caps) < 0) {
    return FAIL;
  }
  close_on_exec_above_stderr();
  execvp(argv[i], argv + i);
  fprintf(stderr, "proxmox-lxcri-init: cannot exec %s: %s\n", argv[i], strerror(errno));
  return errno == ENOENT ? 127 : 126;
}
