package io.pvekit.runtime;

/** The checks behind a decision, in the order the engine runs them. */
public enum Constraint {
  /** Which runtime the request resolves to ({@code auto} follows the policy). */
  RUNTIME_SELECTED,
  /** The tenant's namespace may use the runtime. */
  RUNTIME_ALLOWED,
  /** Replicas, CPU and memory per pod are within the policy's limits. */
  LIMITS,
  /** The runtime's RuntimeClass exists with the expected handler. */
  RUNTIME_CLASS,
  /** Some schedulable node offers the runtime (label, handler, tolerated taints). */
  NODES_OFFER_RUNTIME,
  /** Enough of those nodes have room for a pod plus the RuntimeClass overhead. */
  CAPACITY,
  /** The tenant's ResourceQuota has room for all pods, overhead and volumes. */
  QUOTA
}
