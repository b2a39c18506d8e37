package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /cluster}: membership, resources of every node, the next free VMID, recent tasks. */
public final class ClusterApi {
  private final Transport transport;

  ClusterApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code GET /cluster/status}: the cluster entry (quorum) and one entry per node. */
  public List<ClusterStatusEntry> status() {
    return transport.decode(
        ApiCall.get("/cluster/status"), d -> Decode.list(d, Decode::clusterStatus));
  }

  /** {@code GET /cluster/resources}: every VM, container, node, storage, pool and SDN zone. */
  public List<ClusterResource> resources() {
    return transport.call(ApiCall.get("/cluster/resources"), ResourceReader.list());
  }

  /** {@code GET /cluster/resources?type=...}: resources of one kind ({@code VM} = QEMU + LXC). */
  public List<ClusterResource> resources(ClusterResource.Kind kind) {
    return transport.call(
        ApiCall.get("/cluster/resources").param("type", kind.wire()), ResourceReader.list());
  }

  /**
   * {@code GET /cluster/nextid}: the lowest free VMID (the server answers a string; parsed here).
   * Not a reservation: two callers can get the same id; creating with a taken id fails.
   */
  public VmId nextId() {
    return transport.decode(ApiCall.get("/cluster/nextid"), d -> VmId.parse(d.asText()));
  }

  /**
   * {@code GET /cluster/nextid?vmid=}: whether the id is free. PVE answers 200 for a free id and
   * 400 ({@code VM N already exists}) for a taken one.
   *
   * @param vmid the id to check
   * @return true if no guest has it
   */
  public boolean isVmIdFree(VmId vmid) {
    try {
      transport.call(ApiCall.get("/cluster/nextid").param("vmid", vmid));
      return true;
    } catch (ProxmoxParameterException e) {
      return false;
    } catch (ProxmoxApiException e) {
      if (e.status() == 400) {
        return false;
      }
      throw e;
    }
  }

  /**
   * {@code GET /storage}: the storages the cluster defines (type, content, nodes), not their usage
   * (that is {@link NodeApi#storages()}).
   *
   * @return the storage definitions
   */
  public List<StorageDefinition> storageDefinitions() {
    return transport.decode(
        ApiCall.get("/storage"),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableStorageDefinition.builder()
                        .storage(Json.required(e, "storage", "storage", StorageId::of))
                        .type(Json.text(e, "type").orElse("unknown"))
                        .content(Json.list(e, "content"))
                        .shared(Json.flag(e, "shared"))
                        .disabled(Json.flag(e, "disable"))
                        .nodes(Json.list(e, "nodes"))
                        .path(Json.text(e, "path"))
                        .raw(e)
                        .build()));
  }

  /**
   * {@code /cluster/sdn}: zones, VNets, subnets.
   *
   * @return the SDN API
   */
  public SdnApi sdn() {
    return new SdnApi(transport);
  }

  /**
   * {@code /cluster/firewall}: options, aliases, IP sets.
   *
   * @return the datacenter firewall API
   */
  public ClusterFirewall firewall() {
    return new ClusterFirewall(transport);
  }

  /**
   * {@code GET /cluster/ha}: HA resources and status.
   *
   * @return the HA API
   */
  public HaApi ha() {
    return new HaApi(transport);
  }

  /** {@code GET /cluster/tasks}: recent tasks of all nodes. */
  public List<TaskSummary> tasks() {
    return transport.decode(
        ApiCall.get("/cluster/tasks"), d -> Decode.list(d, Decode::taskSummary));
  }

  /**
   * {@code GET /cluster/log?max=}: the newest lines of the cluster log.
   *
   * @param max at most this many lines
   * @return the lines
   */
  public List<ClusterLogEntry> log(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max: " + max + " must be at least 1");
    }
    return transport.decode(ApiCall.get("/cluster/log").param("max", max), Observing::log);
  }

  /**
   * {@code GET /cluster/backup}: the scheduled backup jobs.
   *
   * @return the jobs
   */
  public List<BackupJob> backupJobs() {
    return transport.decode(ApiCall.get("/cluster/backup"), d -> Decode.list(d, Decode::backupJob));
  }

  /**
   * {@code GET /cluster/backup/{id}}: one backup job.
   *
   * @param id the job id
   * @return the job
   */
  public BackupJob backupJob(String id) {
    return transport.decode(
        ApiCall.get("/cluster/backup/{id}").path("id", checkJobId(id)), Decode::backupJob);
  }

  /**
   * {@code PUT /cluster/backup/{id}}: changes a job's schedule and settings. The request's guests
   * replace the job's selection ({@code vmid} drops {@code all}, {@code pool} and {@code exclude}).
   *
   * @param id the job id
   * @param schedule the new calendar event, or null to keep it
   * @param request the guests, storage, mode and compression
   */
  public void updateBackupJob(String id, String schedule, BackupRequest request) {
    transport.call(
        ApiCall.put("/cluster/backup/{id}")
            .path("id", checkJobId(id))
            .param("schedule", schedule)
            .params(request.params()));
  }

  /**
   * {@code PUT /cluster/backup/{id}} with {@code enabled}: pauses or resumes a job.
   *
   * @param id the job id
   * @param enabled whether the scheduler runs it
   */
  public void setBackupJobEnabled(String id, boolean enabled) {
    transport.call(
        ApiCall.put("/cluster/backup/{id}").path("id", checkJobId(id)).param("enabled", enabled));
  }

  /**
   * {@code GET /cluster/backup-info/not-backed-up}: the guests no enabled backup job covers.
   *
   * @return their VMIDs
   */
  public List<VmId> guestsNotBackedUp() {
    return transport.decode(
        ApiCall.get("/cluster/backup-info/not-backed-up"),
        d ->
            Decode.list(
                d,
                e ->
                    Json.vmid(e, "vmid")
                        .orElseThrow(() -> Json.lacks("not-backed-up guest", "vmid", e))));
  }

  private static String checkJobId(String id) {
    if (id == null
        || id.isBlank()
        || id.length() > 50
        || id.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "id: '" + id + "' is not a backup job id (1 to 50 characters, no spaces)");
    }
    return id;
  }

  /**
   * {@code POST /cluster/backup}: schedules a backup job for the request's guests.
   *
   * @param id the job id
   * @param schedule a systemd-like calendar event, e.g. {@code daily}, {@code sat 02:00}
   * @param request the guests, storage, mode and compression ({@code notesTemplate} and {@code
   *     protect} apply as in {@link NodeApi#backup})
   */
  public void createBackupJob(String id, String schedule, BackupRequest request) {
    if (schedule == null || schedule.isBlank()) {
      throw new IllegalArgumentException("schedule: give a calendar event like 'daily'");
    }
    transport.call(
        ApiCall.post("/cluster/backup")
            .param("id", id)
            .param("schedule", schedule)
            .params(request.params()));
  }

  /**
   * {@code DELETE /cluster/backup/{id}}.
   *
   * @param id the job id
   */
  public void deleteBackupJob(String id) {
    transport.call(ApiCall.delete("/cluster/backup/{id}").path("id", id));
  }
}
