/**
 * Build tool of {@code proxmox-client}: {@link io.pvekit.codegen.SchemaExtractor} keeps the facts
 * of the official PVE API schema (paths, methods, parameter names, types, enums, formats, ranges,
 * patterns, required flags, returns; no description text), {@link io.pvekit.codegen.Generator}
 * writes the client's typed layer from those facts at build time.
 */
package io.pvekit.codegen;
