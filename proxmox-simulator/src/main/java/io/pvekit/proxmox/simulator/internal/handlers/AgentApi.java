package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.any;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.schema.QemuSchema;
import io.pvekit.proxmox.simulator.internal.state.AgentState;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The QEMU guest agent: absent while the VM boots (500 {@code QEMU guest agent is not running} for
 * the configured time and number of calls after each start), then {@code ping}, {@code get-osinfo},
 * {@code network-get-interfaces}, {@code exec} + {@code exec-status} (the process is seen running
 * on the first poll and exited on the next), {@code file-write} and {@code file-read}.
 */
public final class AgentApi {
  private static final String AGENT = "/nodes/{node}/qemu/{vmid}/agent/";
  private static final String[] AUDIT = {"VM.GuestAgent.Audit", "VM.GuestAgent.Unrestricted"};

  private AgentApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(
        new Endpoint(
            "POST",
            AGENT + "ping",
            any("/vms/{vmid}", AUDIT),
            c -> result(agent(c), Json.object())));
    r.add(new Endpoint("GET", AGENT + "get-osinfo", any("/vms/{vmid}", AUDIT), AgentApi::osinfo));
    r.add(
        new Endpoint(
            "GET",
            AGENT + "network-get-interfaces",
            any("/vms/{vmid}", AUDIT),
            AgentApi::interfaces));
    r.add(
        new Endpoint(
            "POST",
            AGENT + "exec",
            perm("/vms/{vmid}", "VM.GuestAgent.Unrestricted"),
            AgentApi::exec));
    r.add(
        new Endpoint(
            "GET",
            AGENT + "exec-status",
            perm("/vms/{vmid}", "VM.GuestAgent.Unrestricted"),
            AgentApi::execStatus));
    r.add(
        new Endpoint(
            "POST",
            AGENT + "file-write",
            any("/vms/{vmid}", "VM.GuestAgent.FileWrite", "VM.GuestAgent.Unrestricted"),
            AgentApi::fileWrite));
    r.add(
        new Endpoint(
            "GET",
            AGENT + "file-read",
            any("/vms/{vmid}", "VM.GuestAgent.FileRead", "VM.GuestAgent.Unrestricted"),
            AgentApi::fileRead));
  }

  /** The guest, once its agent answers; PVE's errors before. */
  private static Guest agent(Call c) {
    World world = c.world();
    Guest guest = QemuApi.guest(c);
    if (!GuestViews.agentEnabled(guest)) {
      throw new SimulatorError("No QEMU guest agent configured");
    }
    if (!guest.running()) {
      throw new SimulatorError("VM " + guest.vmid() + " is not running");
    }
    int calls = guest.agent().countCall();
    long upSeconds = world.clock().epochSecond() - guest.startedAt();
    if (upSeconds < world.agentBootDelay().toSeconds() || calls <= world.agentBootCalls()) {
      throw new SimulatorError("QEMU guest agent is not running");
    }
    return guest;
  }

  private static ObjectNode result(Guest guest, com.fasterxml.jackson.databind.JsonNode value) {
    ObjectNode out = Json.object();
    out.set("result", value);
    return out;
  }

  private static Object osinfo(Call c) {
    Guest guest = agent(c);
    ObjectNode info = Json.object();
    info.put("id", "debian");
    info.put("name", "Debian GNU/Linux");
    info.put("pretty-name", "Debian GNU/Linux 12 (bookworm)");
    info.put("version", "12 (bookworm)");
    info.put("version-id", "12");
    info.put("kernel-release", "6.1.0-37-amd64");
    info.put("kernel-version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)");
    info.put("machine", "x86_64");
    return result(guest, info);
  }

  private static Object exec(Call c) {
    Guest guest = agent(c);
    List<String> command = c.list("command");
    if (command.isEmpty()) {
      throw ApiException.parameter("command", "property is missing and it is not optional");
    }
    String program = command.get(0);
    List<String> args = command.subList(1, command.size());
    String output;
    int exit = 0;
    switch (program.replaceFirst("^.*/", "")) {
      case "echo" -> output = String.join(" ", args) + "\n";
      case "hostname" -> output = guest.name() + "\n";
      case "true" -> output = "";
      case "false" -> {
        output = "";
        exit = 1;
      }
      case "cat" -> {
        StringBuilder text = new StringBuilder();
        for (String file : args) {
          String content = guest.agent().files().get(file);
          if (content == null) {
            text.append("cat: ").append(file).append(": No such file or directory\n");
            exit = 1;
          } else {
            text.append(content);
          }
        }
        output = text.toString();
      }
      default -> output = c.has("input-data") ? c.str("input-data") : "";
    }
    ObjectNode out = Json.object();
    out.put("pid", guest.agent().start(output, exit));
    return out;
  }

  private static Object execStatus(Call c) {
    Guest guest = agent(c);
    long pid = c.integer("pid", 0);
    AgentState.Process p = guest.agent().process(pid);
    if (p == null) {
      throw new SimulatorError("Agent error: Invalid parameter 'pid'");
    }
    ObjectNode out = Json.object();
    if (!p.pollExited()) {
      out.put("exited", 0);
      return out;
    }
    out.put("exited", 1);
    out.put("exitcode", p.exitCode());
    if (p.exitCode() != 0 && p.output().startsWith("cat:")) {
      out.put("err-data", p.output());
    } else if (!p.output().isEmpty()) {
      out.put("out-data", p.output());
    }
    return out;
  }

  private static Object fileWrite(Call c) {
    Guest guest = agent(c);
    String content = c.str("content");
    if (!c.flag("encode", true)) {
      try {
        content = new String(Base64.getDecoder().decode(content), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new SimulatorError(
            "Agent error: Guest agent command failed, error was 'invalid base64'");
      }
    }
    guest.agent().files().put(c.str("file"), content);
    return null;
  }

  private static Object fileRead(Call c) {
    Guest guest = agent(c);
    String content = guest.agent().files().get(c.str("file"));
    if (content == null) {
      throw new SimulatorError(
          "Agent error: Guest agent command failed, error was 'failed to open file '"
              + c.str("file")
              + "': No such file or directory'");
    }
    ObjectNode out = Json.object();
    out.put("content", content);
    return out;
  }

  private static Object interfaces(Call c) {
    Guest guest = agent(c);
    ArrayNode result = Json.array();
    ObjectNode lo = result.addObject();
    lo.put("name", "lo");
    lo.put("hardware-address", "00:00:00:00:00:00");
    ArrayNode loIps = lo.putArray("ip-addresses");
    loIps
        .addObject()
        .put("ip-address", "127.0.0.1")
        .put("ip-address-type", "ipv4")
        .put("prefix", 8);
    loIps.addObject().put("ip-address", "::1").put("ip-address-type", "ipv6").put("prefix", 128);
    int index = 0;
    for (String key : guest.netKeys()) {
      Map<String, String> net =
          PropertyStrings.parseLenient(QemuSchema.NET, guest.config().get(key));
      ObjectNode iface = result.addObject();
      iface.put("name", "eth" + index);
      iface.put("hardware-address", net.getOrDefault("macaddr", "").toLowerCase(Locale.ROOT));
      ArrayNode ips = iface.putArray("ip-addresses");
      String[] ip = Addresses.ipv4(guest, index);
      ips.addObject()
          .put("ip-address", ip[0])
          .put("ip-address-type", "ipv4")
          .put("prefix", Integer.parseInt(ip[1]));
      ObjectNode stats = iface.putObject("statistics");
      stats.put("rx-bytes", 0).put("tx-bytes", 0).put("rx-packets", 0).put("tx-packets", 0);
      index++;
    }
    return result(guest, result);
  }
}
