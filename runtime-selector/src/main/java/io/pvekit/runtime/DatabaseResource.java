package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * A database request ({@code db.pvekit.io/v1alpha1}): one subclass per engine, all with the same
 * {@link DatabaseSpec} and {@link DatabaseStatus}.
 */
public abstract class DatabaseResource extends CustomResource<DatabaseSpec, DatabaseStatus>
    implements Namespaced {
  private static final long serialVersionUID = 1L;

  /** The API group of every database request. */
  public static final String GROUP = "db.pvekit.io";

  /** The API version of every database request. */
  public static final String VERSION = "v1alpha1";

  /**
   * The engine this request deploys.
   *
   * @return the engine
   */
  public abstract DatabaseEngine engine();
}
