/**
 * Integrity checks of the whole platform (Proxmox VE, the management cluster, operators, tenant
 * clusters, the LXC runtime, database services): the engine that runs them in parallel, the
 * built-in checks ({@link io.pvekit.checks.PlatformChecks}) and the reports people, CI and
 * monitoring read.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.checks;

import org.immutables.value.Value;
