package io.pvekit.lxc.internal.liblxc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offsets of a C struct on LP64 Linux (x86_64, aarch64), computed from its fields in declaration
 * order with natural alignment, exactly as the C compiler lays them out. liblxc exposes most of its
 * API as function pointers inside {@code struct lxc_container}, so a wrong offset calls the wrong
 * function: {@code StructLayoutTest} checks these lists against the installed headers.
 */
public final class StructLayout {
  /** Field kinds by size; every pointer, function pointer, {@code long} and {@code size_t} is 8. */
  public enum Kind {
    POINTER(8),
    INT(4),
    BOOL(1);

    final int size;

    Kind(int size) {
      this.size = size;
    }
  }

  /**
   * One declared field.
   *
   * @param name the C field name
   * @param kind its size class
   */
  public record Field(String name, Kind kind) {}

  private final List<Field> fields;
  private final Map<String, Integer> offsets = new LinkedHashMap<>();
  private final int size;

  private StructLayout(List<Field> fields) {
    this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    int offset = 0;
    int maxAlign = 1;
    for (Field field : fields) {
      int align = field.kind().size;
      offset = (offset + align - 1) / align * align;
      offsets.put(field.name(), offset);
      offset += field.kind().size;
      maxAlign = Math.max(maxAlign, align);
    }
    this.size = (offset + maxAlign - 1) / maxAlign * maxAlign;
  }

  static Builder builder() {
    return new Builder();
  }

  /** The fields in declaration order. */
  public List<Field> fields() {
    return fields;
  }

  /**
   * The byte offset of a field.
   *
   * @param name the C field name
   * @return its offset from the start of the struct
   */
  public int offset(String name) {
    Integer offset = offsets.get(name);
    if (offset == null) {
      throw new IllegalArgumentException("no field " + name + " in the struct layout");
    }
    return offset;
  }

  /** {@code sizeof} the struct, padded to its alignment. */
  public int size() {
    return size;
  }

  static final class Builder {
    private final List<Field> fields = new ArrayList<>();

    Builder pointer(String... names) {
      for (String name : names) {
        fields.add(new Field(name, Kind.POINTER));
      }
      return this;
    }

    Builder integer(String name) {
      fields.add(new Field(name, Kind.INT));
      return this;
    }

    Builder bool(String name) {
      fields.add(new Field(name, Kind.BOOL));
      return this;
    }

    StructLayout build() {
      return new StructLayout(fields);
    }
  }
}
