/**
 * proxmox-lxcri, the application: an OCI runtime with runc's command line over {@code
 * io.pvekit.lxc.LxcRuntime}. Its interface is the command line (launcher {@code
 * bin/proxmox-lxcri}); the Java code is all in {@code io.pvekit.lxcri.internal.cli} and no Java API
 * is offered.
 */
package io.pvekit.lxcri;
