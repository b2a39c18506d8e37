package io.pvekit.checks;

import io.pvekit.checks.internal.platform.DatabaseChecks;
import io.pvekit.checks.internal.platform.LxcChecks;
import io.pvekit.checks.internal.platform.ManagementChecks;
import io.pvekit.checks.internal.platform.OperatorChecks;
import io.pvekit.checks.internal.platform.ProxmoxChecks;
import io.pvekit.checks.internal.platform.TenantChecks;
import java.util.ArrayList;
import java.util.List;

/** The built-in checks of the whole platform, in the order reports list them. */
public final class PlatformChecks {
  private PlatformChecks() {}

  /**
   * Every built-in check.
   *
   * @return the checks
   */
  public static List<Check> all() {
    List<Check> all = new ArrayList<>();
    all.addAll(ProxmoxChecks.all());
    all.addAll(ManagementChecks.all());
    all.addAll(OperatorChecks.all());
    all.addAll(TenantChecks.all());
    all.addAll(LxcChecks.all());
    all.addAll(DatabaseChecks.all());
    return List.copyOf(all);
  }
}
