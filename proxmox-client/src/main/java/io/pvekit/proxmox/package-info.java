/**
 * A typed client for the Proxmox VE API ({@code /api2/json}).
 *
 * <p>Everything public lives in this package; implementation details live in {@code
 * io.pvekit.proxmox.internal} and may change without notice.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.proxmox;

import org.immutables.value.Value;
