package io.pvekit.capi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the network resources of every tenant in a management cluster. */
final class TenantInventory {
  private TenantInventory() {}

  static List<TenantNetwork> read(KubeStore store) {
    List<TenantNetwork> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ProxmoxCluster pc : store.list(ProxmoxCluster::new, ProxmoxCluster.class, null, null)) {
      String ns = pc.getMetadata().getNamespace();
      String name = pc.getMetadata().getName();
      Set<Integer> vlans = new HashSet<>();
      for (ProxmoxMachineTemplate pmt :
          store.list(ProxmoxMachineTemplate::new, ProxmoxMachineTemplate.class, ns, name)) {
        Optional.ofNullable(pmt.getSpec().template().spec().network())
            .map(ProxmoxMachine.Network::networkDevices)
            .orElse(List.of())
            .forEach(d -> Optional.ofNullable(d.vlan()).ifPresent(vlans::add));
      }
      ProxmoxCluster.Spec s = pc.getSpec();
      out.add(
          new TenantNetwork(
              name,
              ns,
              s.ipv4Config() == null ? List.of() : s.ipv4Config().addresses(),
              s.controlPlaneEndpoint() == null ? "" : s.controlPlaneEndpoint().host(),
              vlans));
      seen.add(ns + "/" + name);
    }
    for (TenantControlPlane tcp :
        store.list(TenantControlPlane::new, TenantControlPlane.class, null, null)) {
      String key = tcp.getMetadata().getNamespace() + "/" + tcp.getMetadata().getName();
      if (seen.add(key)) {
        String address =
            tcp.getSpec().networkProfile() == null ? "" : tcp.getSpec().networkProfile().address();
        out.add(
            new TenantNetwork(
                tcp.getMetadata().getName(),
                tcp.getMetadata().getNamespace(),
                List.of(),
                address,
                Set.of()));
      }
    }
    return out;
  }
}
