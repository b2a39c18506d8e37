/**
 * Test support shared by pvekit's own modules.
 *
 * <p>{@link io.pvekit.testing.Requires} marks tests that need something of the host (root, liblxc,
 * containerd, the shared upstream data). Such a test is skipped with a reason on a machine without
 * it, and fails when the environment variable {@code CI=true} is set, so that nothing passes in CI
 * by being skipped.
 *
 * <p>{@link io.pvekit.testing.CrdValidator} stands in for the Kubernetes API server's validation of
 * custom resources, so that a test can prove a rendered manifest would be accepted unchanged.
 */
package io.pvekit.testing;
