package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Kubernetes API server endpoint ({@code controlPlaneEndpoint} of Cluster, ProxmoxCluster and
 * KamajiControlPlane).
 *
 * @param host an IP address or DNS name
 * @param port the port, 6443 by convention
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiEndpoint(String host, Integer port) {}
