package io.pvekit.proxmox;

import com.fasterxml.jackson.core.JsonParser;
import io.pvekit.proxmox.internal.DataReader;
import io.pvekit.proxmox.internal.RawJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Streams {@code GET /cluster/resources} into {@link ClusterResource}s: no tree per entry, the
 * entry's bytes kept for {@link ClusterResource#raw()}, numbers boxed once, repeated strings
 * ({@code type}, {@code status}, {@code node}, ...) and node names shared within the response.
 * Reads exactly what {@link Decode#resource} reads from a tree ({@code StreamingDecodeTest} holds
 * the two together). One instance per response: the fields below are scratch space for one entry.
 */
final class ResourceReader {
  private static final int ID = 0;
  private static final int TYPE = 1;
  private static final int NODE = 2;
  private static final int NAME = 3;
  private static final int STATUS = 4;
  private static final int STORAGE = 5;
  private static final int POOL = 6;

  private static final int VMID = 0;
  private static final int MAXCPU = 1;
  private static final int MEM = 2;
  private static final int MAXMEM = 3;
  private static final int DISK = 4;
  private static final int MAXDISK = 5;
  private static final int UPTIME = 6;

  private final TextCache cache = new TextCache();
  private final String[] texts = new String[7];
  private final long[] integers = new long[7];
  private int present;
  private final double[] cpu = new double[1];
  private boolean hasCpu;
  private boolean template;
  private List<String> tags;
  private NodeName lastNode;

  private ResourceReader() {}

  static DataReader<List<ClusterResource>> list() {
    return (parser, body) ->
        JsonTokens.list(parser, body, new ResourceReader()::read, Decode::resource);
  }

  private ClusterResource read(JsonParser p, byte[] body) throws IOException {
    int start = JsonTokens.objectStart(p);
    Arrays.fill(texts, null);
    present = 0;
    hasCpu = false;
    template = false;
    tags = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      p.nextToken();
      switch (field) {
        case "id" -> texts[ID] = JsonTokens.text(p);
        case "name" -> texts[NAME] = JsonTokens.text(p);
        case "type" -> texts[TYPE] = JsonTokens.text(p, cache);
        case "node" -> texts[NODE] = JsonTokens.text(p, cache);
        case "status" -> texts[STATUS] = JsonTokens.text(p, cache);
        case "storage" -> texts[STORAGE] = JsonTokens.text(p, cache);
        case "pool" -> texts[POOL] = JsonTokens.text(p, cache);
        case "vmid" -> integer(p, VMID);
        case "maxcpu" -> integer(p, MAXCPU);
        case "mem" -> integer(p, MEM);
        case "maxmem" -> integer(p, MAXMEM);
        case "disk" -> integer(p, DISK);
        case "maxdisk" -> integer(p, MAXDISK);
        case "uptime" -> integer(p, UPTIME);
        case "cpu" -> hasCpu = JsonTokens.number(p, cpu);
        case "template" -> template = JsonTokens.flag(p);
        case "tags" -> tags = JsonTokens.list(p);
        default -> p.skipChildren();
      }
    }
    RawJson raw = JsonTokens.rawObject(p, body, start);
    return build(raw);
  }

  private void integer(JsonParser p, int index) throws IOException {
    int bit = 1 << index;
    present = JsonTokens.integer(p, integers, index) ? present | bit : present & ~bit;
  }

  /** Checked and set in the tree decoder's order, so a bad entry fails with the same message. */
  private ClusterResource build(RawJson raw) {
    if (texts[ID] == null) {
      throw Json.lacks("cluster resource", "id", raw.tree());
    }
    if (texts[TYPE] == null) {
      throw Json.lacks("cluster resource", "type", raw.tree());
    }
    ImmutableClusterResource.Builder b =
        ImmutableClusterResource.builder().id(texts[ID]).type(texts[TYPE]);
    if (texts[NODE] != null) {
      b.node(nodeName(texts[NODE]));
    }
    if (has(VMID)) {
      VmId vmid = Json.vmid(integers[VMID]);
      if (vmid != null) {
        b.vmid(vmid);
      }
    }
    if (texts[NAME] != null) {
      b.name(texts[NAME]);
    }
    if (texts[STATUS] != null) {
      b.status(texts[STATUS]);
    }
    if (texts[STORAGE] != null) {
      b.storage(texts[STORAGE]);
    }
    if (texts[POOL] != null) {
      b.pool(texts[POOL]);
    }
    b.template(template);
    if (hasCpu) {
      b.cpu(cpu[0]);
    }
    if (has(MAXCPU)) {
      b.maxCpu(integers[MAXCPU]);
    }
    if (has(MEM)) {
      b.mem(integers[MEM]);
    }
    if (has(MAXMEM)) {
      b.maxMem(integers[MAXMEM]);
    }
    if (has(DISK)) {
      b.disk(integers[DISK]);
    }
    if (has(MAXDISK)) {
      b.maxDisk(integers[MAXDISK]);
    }
    if (has(UPTIME)) {
      b.uptime(integers[UPTIME]);
    }
    if (tags != null) {
      b.tags(tags);
    }
    return b.received(raw).build();
  }

  private boolean has(int index) {
    return (present & (1 << index)) != 0;
  }

  private NodeName nodeName(String name) {
    NodeName last = lastNode;
    if (last == null || !last.value().equals(name)) {
      last = NodeName.of(name);
      lastNode = last;
    }
    return last;
  }
}
