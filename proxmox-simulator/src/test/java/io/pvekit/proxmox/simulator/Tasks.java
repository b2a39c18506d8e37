package io.pvekit.proxmox.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits for simulator tasks in tests (polling, like every PVE client does). */
final class Tasks {
  private Tasks() {}

  /** Polls the task until it stopped and returns its final status object. */
  static JsonNode await(RawHttp http, String upid) {
    String node = upid.split(":")[1];
    for (int i = 0; i < 1000; i++) {
      RawHttp.Response r = http.get("/nodes/" + node + "/tasks/" + upid + "/status");
      if (r.status() != 200) {
        throw new AssertionError("task status: " + r.status() + " " + r.reason());
      }
      if (r.data().get("status").asText().equals("stopped")) {
        return r.data();
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("task did not finish: " + upid);
  }

  /** The exit status of a task started by a successful call. */
  static String run(RawHttp http, RawHttp.Response started) {
    if (started.status() != 200) {
      throw new AssertionError(
          "call failed: " + started.status() + " " + started.reason() + " " + started.body());
    }
    return await(http, started.data().asText()).get("exitstatus").asText();
  }
}
