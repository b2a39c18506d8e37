package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code /nodes/{node}/qemu/{vmid}/agent}: the QEMU guest agent of a running VM (config {@code
 * agent: 1} and {@code qemu-guest-agent} running in the guest).
 *
 * <pre>{@code
 * QemuAgent agent = client.node("pve1").qemu().vm(101).agent();
 * agent.waitForAgent(Duration.ofMinutes(2));      // while the VM boots
 * agent.fileWrite("/etc/motd", "hello\n");
 * AgentExecStatus done = agent.exec("cat", "/etc/motd").await(Duration.ofSeconds(30));
 * }</pre>
 */
public final class QemuAgent {
  private static final String BASE = "/nodes/{node}/qemu/{vmid}/agent";
  private static final String NOT_RUNNING = "guest agent is not running";

  private final Transport transport;
  private final NodeName node;
  private final VmId vmid;

  QemuAgent(Transport transport, NodeName node, VmId vmid) {
    this.transport = transport;
    this.node = node;
    this.vmid = vmid;
  }

  VmId vmid() {
    return vmid;
  }

  String path(String suffix) {
    return "/nodes/" + node + "/qemu/" + vmid + suffix;
  }

  private ApiCall at(ApiCall call) {
    return call.path("node", node).path("vmid", vmid);
  }

  /**
   * {@code POST .../agent/ping}: returns when the agent answered.
   *
   * @throws ProxmoxApiException 500 {@code QEMU guest agent is not running} while the VM boots (see
   *     {@link #waitForAgent}), {@code No QEMU guest agent configured} without {@code agent: 1}
   */
  public void ping() {
    transport.call(at(ApiCall.post(BASE + "/ping")));
  }

  /**
   * Pings until the agent answers, retrying only PVE's 500 {@code QEMU guest agent is not running}
   * (the VM is booting); any other error ends the wait at once.
   *
   * @param timeout how long to wait, e.g. two minutes for a cloud image's first boot
   * @throws GuestAgentTimeoutException if the agent did not answer within {@code timeout}
   */
  public void waitForAgent(Duration timeout) {
    Polling polling = Polling.within(timeout);
    while (true) {
      try {
        ping();
        return;
      } catch (ProxmoxApiException e) {
        if (!isNotRunning(e)) {
          throw e;
        }
        if (!polling.pause()) {
          throw new GuestAgentTimeoutException(
              e.method(),
              e.path(),
              "the QEMU guest agent of VM "
                  + vmid
                  + " on "
                  + node
                  + " still not running after "
                  + timeout
                  + ": check that the VM booted, that its config has agent: 1 and that"
                  + " qemu-guest-agent is installed and started in the guest",
              e);
        }
      }
    }
  }

  static boolean isNotRunning(ProxmoxApiException e) {
    return e.status() == 500
        && ((e.reason() != null && e.reason().contains(NOT_RUNNING))
            || String.valueOf(e.getMessage()).contains(NOT_RUNNING));
  }

  /**
   * {@code GET .../agent/get-osinfo}.
   *
   * @return the guest's operating system
   */
  public GuestOsInfo osInfo() {
    return transport.decode(
        at(ApiCall.get(BASE + "/get-osinfo")),
        d -> {
          JsonNode r = result(d, "get-osinfo");
          return ImmutableGuestOsInfo.builder()
              .id(Json.text(r, "id"))
              .name(Json.text(r, "name"))
              .prettyName(Json.text(r, "pretty-name"))
              .versionId(Json.text(r, "version-id"))
              .kernelRelease(Json.text(r, "kernel-release"))
              .machine(Json.text(r, "machine"))
              .raw(r)
              .build();
        });
  }

  private static JsonNode result(JsonNode d, String what) {
    if (d == null || !d.isObject() || !d.path("result").isObject()) {
      throw new IllegalArgumentException(what + ": expected an object with a 'result' object");
    }
    return d.get("result");
  }

  /**
   * {@code POST .../agent/exec}: starts a command (program and arguments, no shell).
   *
   * @param command the program and its arguments, e.g. {@code "cat", "/etc/hostname"}
   * @return the started process; {@link AgentProcess#await} waits for its exit
   */
  public AgentProcess exec(String... command) {
    return exec(List.of(command), null);
  }

  /**
   * {@code POST .../agent/exec} with data for its standard input.
   *
   * @param command the program and its arguments
   * @param inputData sent to the command's standard input, or null for none
   * @return the started process
   */
  public AgentProcess exec(List<String> command, String inputData) {
    if (command.isEmpty() || command.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("command: " + command + " must name a program");
    }
    long pid =
        transport.decode(
            at(ApiCall.post(BASE + "/exec"))
                .param("command", command)
                .param("input-data", inputData),
            d ->
                Json.integer(d, "pid")
                    .orElseThrow(() -> Json.lacks("agent exec answer", "pid", d)));
    return new AgentProcess(this, pid);
  }

  /**
   * {@code GET .../agent/exec-status?pid=}.
   *
   * @param pid from {@link AgentProcess#pid()}
   * @return the state of the command
   */
  public AgentExecStatus execStatus(long pid) {
    return transport.decode(
        at(ApiCall.get(BASE + "/exec-status")).param("pid", pid),
        d -> {
          if (d == null || !d.isObject()) {
            throw new IllegalArgumentException("exec-status: expected an object");
          }
          return ImmutableAgentExecStatus.builder()
              .exited(Json.flag(d, "exited"))
              .exitCode(Json.integer(d, "exitcode"))
              .signal(Json.integer(d, "signal"))
              .outData(Json.text(d, "out-data"))
              .errData(Json.text(d, "err-data"))
              .outTruncated(Json.flag(d, "out-truncated"))
              .errTruncated(Json.flag(d, "err-truncated"))
              .build();
        });
  }

  /**
   * {@code POST .../agent/file-write}: writes a file in the guest (PVE base64-encodes the text for
   * the agent). The content never appears in messages.
   *
   * @param file the absolute path in the guest
   * @param content the text to write
   */
  public void fileWrite(String file, String content) {
    Objects.requireNonNull(content, "content");
    transport.call(
        at(ApiCall.post(BASE + "/file-write")).param("file", file).param("content", content));
  }

  /**
   * {@code GET .../agent/network-get-interfaces}.
   *
   * @return the guest's interfaces and addresses
   */
  public List<GuestInterface> networkInterfaces() {
    return transport.decode(
        at(ApiCall.get(BASE + "/network-get-interfaces")), Decode::agentInterfaces);
  }
}
