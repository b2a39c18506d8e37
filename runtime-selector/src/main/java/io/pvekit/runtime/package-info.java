/**
 * Chooses where a database workload runs (a plain pod, an LXC container, or a VM), renders the
 * choice into each database operator's resources, and holds the admission-webhook logic that
 * enforces it.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
package io.pvekit.runtime;

import org.immutables.value.Value;
