package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.RawJson;
import io.pvekit.proxmox.internal.ResponseShapeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of one {@code /cluster/resources} entry as the two streaming readers collect them
 * ({@link ResourceReader} from a Jackson parser, {@link ResourceScanner} from plain bytes), and the
 * one place that turns them into a {@link ClusterResource} the way {@link Decode#resource} does.
 * Scratch space, reused entry after entry: one instance per response.
 */
final class ResourceFields {
  static final int UNKNOWN = -1;
  static final int ID = 0;
  static final int TYPE = 1;
  static final int NODE = 2;
  static final int NAME = 3;
  static final int STATUS = 4;
  static final int STORAGE = 5;
  static final int POOL = 6;
  static final int VMID = 7;
  static final int MAXCPU = 8;
  static final int MEM = 9;
  static final int MAXMEM = 10;
  static final int DISK = 11;
  static final int MAXDISK = 12;
  static final int UPTIME = 13;
  static final int CPU = 14;
  static final int TEMPLATE = 15;
  static final int TAGS = 16;

  /** Wire names by field; {@code ID..POOL} are text, {@code VMID..UPTIME} integers. */
  private static final String[] NAMES = {
    "id",
    "type",
    "node",
    "name",
    "status",
    "storage",
    "pool",
    "vmid",
    "maxcpu",
    "mem",
    "maxmem",
    "disk",
    "maxdisk",
    "uptime",
    "cpu",
    "template",
    "tags"
  };

  private static final long[] NAME_KEYS = new long[NAMES.length];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      byte[] name = NAMES[i].getBytes(StandardCharsets.US_ASCII);
      NAME_KEYS[i] = key(name, 0, name.length);
    }
  }

  final TextCache cache = new TextCache();
  private final String[] texts = new String[POOL + 1];
  private final long[] integers = new long[UPTIME + 1];
  private int present;
  private double cpu;
  private boolean hasCpu;
  private boolean template;
  private List<String> tags;
  private NodeName lastNode;

  static boolean isText(int field) {
    return field >= ID && field <= POOL;
  }

  static boolean isInteger(int field) {
    return field >= VMID && field <= UPTIME;
  }

  /** Values that repeat across entries, worth a {@link TextCache}. */
  static boolean isRepeating(int field) {
    return field == TYPE || field == NODE || field == STATUS || field == STORAGE || field == POOL;
  }

  static int field(String name) {
    return switch (name) {
      case "id" -> ID;
      case "type" -> TYPE;
      case "node" -> NODE;
      case "name" -> NAME;
      case "status" -> STATUS;
      case "storage" -> STORAGE;
      case "pool" -> POOL;
      case "vmid" -> VMID;
      case "maxcpu" -> MAXCPU;
      case "mem" -> MEM;
      case "maxmem" -> MAXMEM;
      case "disk" -> DISK;
      case "maxdisk" -> MAXDISK;
      case "uptime" -> UPTIME;
      case "cpu" -> CPU;
      case "template" -> TEMPLATE;
      case "tags" -> TAGS;
      default -> UNKNOWN;
    };
  }

  /** The field named by the ASCII bytes {@code from..to} (exclusive) of {@code body}. */
  static int field(byte[] body, int from, int to) {
    if (to - from > Long.BYTES) {
      return UNKNOWN;
    }
    long key = key(body, from, to);
    for (int f = 0; f < NAME_KEYS.length; f++) {
      if (NAME_KEYS[f] == key) {
        return f;
      }
    }
    return UNKNOWN;
  }

  /**
   * Up to 8 name bytes packed into a long: every wire name fits, and no name contains a zero byte
   * (control characters are not allowed in JSON strings), so the packing is unique.
   */
  private static long key(byte[] bytes, int from, int to) {
    long key = 0;
    for (int k = from; k < to; k++) {
      key = key << 8 | (bytes[k] & 0xFF);
    }
    return key;
  }

  void begin() {
    Arrays.fill(texts, null);
    present = 0;
    hasCpu = false;
    template = false;
    tags = null;
  }

  void text(int field, String value) {
    texts[field] = value;
  }

  /** An integer field's value, or its absence (the last occurrence of a field wins). */
  void integer(int field, boolean has, long value) {
    int bit = 1 << field;
    present = has ? present | bit : present & ~bit;
    integers[field] = value;
  }

  void cpu(boolean has, double value) {
    hasCpu = has;
    cpu = value;
  }

  void template(boolean value) {
    template = value;
  }

  void tags(List<String> value) {
    tags = value;
  }

  /**
   * The entry, or null when the tree decoder would reject it (no id or type, a bad node name): the
   * caller then decodes it the way that reports the exact error.
   */
  ClusterResource buildIfValid(RawJson raw) {
    String node = texts[NODE];
    if (texts[ID] == null
        || texts[TYPE] == null
        || (node != null && !node.equals(lastNodeName()) && !NodeName.isValid(node))) {
      return null;
    }
    return build(raw);
  }

  /** The entry; checked in the tree decoder's order, so a bad entry fails with its message. */
  ClusterResource build(RawJson raw) {
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
      b.cpu(cpu);
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

  private boolean has(int field) {
    return (present & (1 << field)) != 0;
  }

  private String lastNodeName() {
    return lastNode == null ? null : lastNode.value();
  }

  /** Entries of one node share its {@link NodeName}. */
  private NodeName nodeName(String name) {
    NodeName last = lastNode;
    if (last == null || !last.value().equals(name)) {
      try {
        last = NodeName.of(name);
      } catch (IllegalArgumentException e) {
        throw ResponseShapeException.field("node", "cluster resource: " + e.getMessage(), e);
      }
      lastNode = last;
    }
    return last;
  }
}
