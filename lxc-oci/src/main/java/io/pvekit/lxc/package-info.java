/**
 * OCI bundles and images to LXC: the OCI runtime spec model, its translation to LXC configuration,
 * image unpacking and container execution through liblxc.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.lxc;

import org.immutables.value.Value;
