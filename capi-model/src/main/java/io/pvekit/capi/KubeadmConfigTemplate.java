package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A kubeadm bootstrap {@code KubeadmConfigTemplate} ({@code bootstrap.cluster.x-k8s.io}). */
public final class KubeadmConfigTemplate
    extends CapiResource<KubeadmConfigTemplate.Spec, KubeadmConfigTemplate.Status> {
  private static final long serialVersionUID = 1L;

  /** The API group. */
  public static final String GROUP = "bootstrap.cluster.x-k8s.io";

  /** An empty v1beta2 KubeadmConfigTemplate. */
  public KubeadmConfigTemplate() {
    this(CapiVersion.V1BETA2);
  }

  /**
   * An empty KubeadmConfigTemplate of the given version.
   *
   * @param version the Cluster API version
   */
  public KubeadmConfigTemplate(CapiVersion version) {
    super(version.apiVersion(GROUP), "KubeadmConfigTemplate");
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
   * @param spec the KubeadmConfig spec every machine gets
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Template(ConfigSpec spec) {}

  /**
   * The subset of the KubeadmConfig spec pvekit writes.
   *
   * @param joinConfiguration how workers join
   * @param users cloud-init users
   * @param preKubeadmCommands commands before kubeadm runs
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ConfigSpec(
      JoinConfiguration joinConfiguration, List<User> users, List<String> preKubeadmCommands) {}

  /**
   * The kubeadm join configuration.
   *
   * @param nodeRegistration node registration options
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JoinConfiguration(NodeRegistration nodeRegistration) {}

  /**
   * Node registration options.
   *
   * @param name the node name (a cloud-init template such as {@code {{ local_hostname }}})
   * @param criSocket the CRI socket
   * @param kubeletExtraArgs extra kubelet arguments, in the form of the object's version
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NodeRegistration(
      String name, String criSocket, KubeletExtraArgs kubeletExtraArgs) {}

  /**
   * A cloud-init user.
   *
   * @param name the user name
   * @param sshAuthorizedKeys public SSH keys
   * @param sudo a sudoers line
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(String name, List<String> sshAuthorizedKeys, String sudo) {}

  /** Templates have no status. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status() {}
}
