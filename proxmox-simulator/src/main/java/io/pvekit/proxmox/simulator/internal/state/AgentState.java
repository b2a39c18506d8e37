package io.pvekit.proxmox.simulator.internal.state;

import java.util.HashMap;
import java.util.Map;

/**
 * What the QEMU guest agent inside one running VM knows: files written through it and the processes
 * it started. Reset on every start, as a rebooted guest forgets both.
 */
public final class AgentState {
  /** A process started with {@code agent/exec}. */
  public static final class Process {
    private final String output;
    private final int exitCode;
    private int polls;

    Process(String output, int exitCode) {
      this.output = output;
      this.exitCode = exitCode;
    }

    public String output() {
      return output;
    }

    public int exitCode() {
      return exitCode;
    }

    /** Counts a status poll; a process is seen running on the first and exited from the second. */
    public boolean pollExited() {
      return ++polls > 1;
    }
  }

  private final Map<String, String> files = new HashMap<>();
  private final Map<Long, Process> processes = new HashMap<>();
  private long nextPid = 1000;
  private int calls;

  /** Files written by {@code agent/file-write}, by path. */
  public Map<String, String> files() {
    return files;
  }

  /** Starts a process and returns its pid. */
  public long start(String output, int exitCode) {
    long pid = nextPid++;
    processes.put(pid, new Process(output, exitCode));
    return pid;
  }

  /** The process, or null. */
  public Process process(long pid) {
    return processes.get(pid);
  }

  /** Counts an agent call since the start and returns the count so far. */
  public int countCall() {
    return ++calls;
  }
}
