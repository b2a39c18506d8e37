/**
 * OCI containers without a runtime: the runtime-spec model ({@code config.json}) with its reader
 * and writer, OCI image layouts, secure image unpacking and runtime bundles made from images.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.oci;

import org.immutables.value.Value;
