/**
 * Integrity checks of the whole platform (Proxmox, tenant clusters, runtimes, databases) and the
 * reports people and CI read.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.integrity;

import org.immutables.value.Value;
