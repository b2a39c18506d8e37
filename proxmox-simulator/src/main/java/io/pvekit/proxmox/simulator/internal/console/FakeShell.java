package io.pvekit.proxmox.simulator.internal.console;

import java.nio.charset.StandardCharsets;

/**
 * A tiny line-editing shell behind the simulated terminal: it echoes what is typed, as a tty does,
 * and answers {@code hostname}, {@code echo}, {@code whoami}, {@code pwd}, {@code uname}, {@code
 * stty size} (the size the last resize set) and {@code exit}; anything else is "command not found".
 */
final class FakeShell {
  private final String hostname;
  private final StringBuilder line = new StringBuilder();
  private int columns = 80;
  private int rows = 24;
  private boolean exited;

  FakeShell(String hostname) {
    this.hostname = hostname;
  }

  /** The prompt the shell shows first. */
  String prompt() {
    return "root@" + hostname + ":~# ";
  }

  /** Whether the user left the shell. */
  boolean exited() {
    return exited;
  }

  void resize(int newColumns, int newRows) {
    columns = newColumns;
    rows = newRows;
  }

  /** Feeds typed input; returns what the terminal shows in answer. */
  String type(byte[] input) {
    StringBuilder out = new StringBuilder();
    String text = new String(input, StandardCharsets.UTF_8);
    for (int i = 0; i < text.length() && !exited; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r', '\n' -> {
          if (c == '\n' && i > 0 && text.charAt(i - 1) == '\r') {
            continue;
          }
          out.append("\r\n");
          String result = run(line.toString().trim());
          line.setLength(0);
          if (exited) {
            out.append("logout\r\n");
          } else {
            out.append(result).append(prompt());
          }
        }
        case 0x7f, '\b' -> {
          if (line.length() > 0) {
            line.setLength(line.length() - 1);
            out.append("\b \b");
          }
        }
        case 0x03 -> {
          line.setLength(0);
          out.append("^C\r\n").append(prompt());
        }
        case 0x04 -> {
          if (line.length() == 0) {
            exited = true;
            out.append("logout\r\n");
          }
        }
        default -> {
          if (c >= ' ') {
            line.append(c);
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private String run(String command) {
    if (command.isEmpty()) {
      return "";
    }
    String[] words = command.split("\\s+");
    return switch (words[0]) {
      case "hostname" -> hostname + "\r\n";
      case "echo" -> command.substring(4).trim() + "\r\n";
      case "whoami" -> "root\r\n";
      case "pwd" -> "/root\r\n";
      case "uname" -> "Linux\r\n";
      case "stty" ->
          words.length > 1 && words[1].equals("size")
              ? rows + " " + columns + "\r\n"
              : "stty: only 'stty size' is simulated\r\n";
      case "exit", "logout" -> {
        exited = true;
        yield "";
      }
      default -> "-bash: " + words[0] + ": command not found\r\n";
    };
  }
}
