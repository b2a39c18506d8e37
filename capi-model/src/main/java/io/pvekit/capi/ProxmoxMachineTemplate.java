package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** CAPMOX's {@code ProxmoxMachineTemplate} (v1alpha2): the VM shape of a worker pool. */
public final class ProxmoxMachineTemplate
    extends CapiResource<ProxmoxMachineTemplate.Spec, ProxmoxMachineTemplate.Status> {
  private static final long serialVersionUID = 1L;

  /** An empty ProxmoxMachineTemplate. */
  public ProxmoxMachineTemplate() {
    super(ProxmoxCluster.API_VERSION, "ProxmoxMachineTemplate");
  }

  /**
   * The spec.
   *
   * @param template the template
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(Template template) {}

  /**
   * The template.
   *
   * @param spec the machine spec every VM gets
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Template(ProxmoxMachine.Spec spec) {}

  /** Templates carry no status pvekit reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status() {}
}
