/*
 * proxmox-lxcri-init: runs inside the container in front of the container's own process, checks
 * what the runtime cannot check from outside, then execs the process (which keeps PID 1).
 *
 * usage: proxmox-lxcri-init [-t] [-C] [-m UMASK] -c DIR -- PROGRAM [ARGS...]
 *   -c DIR  the working directory the process must start in: an absolute path without symlinks,
 *           already resolved inside the container by the runtime
 *   -C      change into DIR first (exec); without it DIR must already be the working directory,
 *           as LXC's lxc.init.cwd left it (create/start)
 *   -t      make the console (stdin) the process's controlling terminal
 *   -m      the umask (octal) the process starts with: LXC has no setting for process.user.umask
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
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FAIL 126

static void usage(const char *self) {
  fprintf(stderr, "usage: %s [-t] [-C] [-m UMASK] -c DIR -- PROGRAM [ARGS...]\n", self);
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
  long mask = -1;
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
    } else if (strcmp(argv[i], "-C") == 0) {
      change = 1;
    } else if (strcmp(argv[i], "-t") == 0) {
      terminal = 1;
    } else {
      usage(argv[0]);
      return FAIL;
    }
  }
  if (dir == NULL || dir[0] != '/' || i >= argc) {
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
  close_on_exec_above_stderr();
  execvp(argv[i], argv + i);
  fprintf(stderr, "proxmox-lxcri-init: cannot exec %s: %s\n", argv[i], strerror(errno));
  return errno == ENOENT ? 127 : 126;
}
