/*
 * proxmox-lxcri-tty-init: makes the container's console (its stdin) the controlling terminal of the
 * container's own process, then execs that process, which keeps PID 1.
 *
 * Why: a shell needs a controlling terminal for job control, Ctrl-C and window sizes, and only the
 * process itself can take one (TIOCSCTTY). liblxc gives the init the console pty as stdio and makes
 * it a session leader, but never takes the terminal for it; runc's init does. This file is bind-mounted
 * read-only into the container's /dev and started in front of the OCI process when process.terminal
 * is true. Static, so that it needs nothing from the container's root filesystem.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s PROGRAM [ARGS]\n", argv[0]);
    return 127;
  }
  if (ioctl(STDIN_FILENO, TIOCSCTTY, 0) < 0) {
    fprintf(stderr, "proxmox-lxcri-tty-init: cannot take the console as controlling terminal: %s\n",
            strerror(errno));
  }
  execvp(argv[1], argv + 1);
  fprintf(stderr, "proxmox-lxcri-tty-init: cannot exec %s: %s\n", argv[1], strerror(errno));
  return errno == ENOENT ? 127 : 126;
}
