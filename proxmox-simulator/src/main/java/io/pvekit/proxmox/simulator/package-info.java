/**
 * An in-process, stateful Proxmox VE API server for tests and demos.
 *
 * <p>Start one with {@link io.pvekit.proxmox.simulator.ProxmoxSimulator#start()}; point any Proxmox
 * client at {@link io.pvekit.proxmox.simulator.ProxmoxSimulator#baseUrl()}.
 */
package io.pvekit.proxmox.simulator;
