/**
 * Build tool of pvekit-oci: the annotation processor that generates the config.json reader and
 * writer from the runtime-spec model (see {@link io.pvekit.ocicodegen.OciJsonProcessor}).
 */
package io.pvekit.ocicodegen;
