package io.pvekit.checks;

import java.util.Arrays;
import java.util.Locale;

/** What part of the platform a check looks at; a check's id starts with its category's id. */
public enum Category {
  /** Proxmox VE: API, quorum, nodes, storage, bridges, templates, token, time. */
  PROXMOX("proxmox", "Proxmox VE"),
  /** The management cluster: nodes, core components, Cluster API, CSI/CCM, CRDs, webhooks. */
  MANAGEMENT("management", "Management cluster"),
  /** Database and infrastructure operators' deployments. */
  OPERATORS("operators", "Operators"),
  /** Kamaji tenant clusters. */
  TENANT("tenant", "Tenant clusters"),
  /** The LXC container runtime. */
  LXC("lxc", "LXC runtime"),
  /** Database services run by the operators. */
  DATABASE("database", "Database services");

  private final String id;
  private final String title;

  Category(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /**
   * The id used in check ids, filters and reports, for example {@code proxmox}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The heading people read.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The category with this id or name, case-insensitive.
   *
   * @param text {@code proxmox}, {@code PROXMOX}, ...
   * @return the category
   * @throws IllegalArgumentException naming the valid ids
   */
  public static Category parse(String text) {
    for (Category c : values()) {
      if (c.id.equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "category: '"
            + text
            + "' is not one of "
            + String.join(", ", Arrays.stream(values()).map(Category::id).toArray(String[]::new)));
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
