package io.pvekit.lxcri.internal.cli;

/** A command line proxmox-lxcri cannot act on; printed with the usage hint, exit status 1. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
