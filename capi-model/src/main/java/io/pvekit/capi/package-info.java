/**
 * Typed builders for the Kubernetes resources of tenant clusters: Cluster API core, the Proxmox
 * infrastructure provider (CAPMOX) and Kamaji control planes.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.capi;

import org.immutables.value.Value;
