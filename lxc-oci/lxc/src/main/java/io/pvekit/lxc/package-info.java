/**
 * OCI runtime bundles to LXC: the translation of a {@code config.json} ({@code io.pvekit.oci}) to
 * LXC configuration, and the runtime that runs bundles through liblxc or the Proxmox VE API.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.lxc;

import org.immutables.value.Value;
