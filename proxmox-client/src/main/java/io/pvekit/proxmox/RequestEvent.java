package io.pvekit.proxmox;

import java.time.Duration;
import java.util.Optional;

/**
 * One HTTP exchange, reported to a {@link RequestListener}: one per attempt, so a retried read
 * reports each try.
 *
 * @param method the HTTP method
 * @param pathTemplate the endpoint as the PVE schema names it, e.g. {@code
 *     /nodes/{node}/qemu/{vmid}/status/start}: low-cardinality, good as a metric tag
 * @param path the concrete path, e.g. {@code /nodes/pve1/qemu/100/status/start}
 * @param status the HTTP status, or 0 when no response came back
 * @param duration from sending the request to reading the whole response (or the failure)
 * @param attempt 1 for the first try, 2 for the first retry, ...
 * @param failure the I/O failure when there was no response
 */
public record RequestEvent(
    String method,
    String pathTemplate,
    String path,
    int status,
    Duration duration,
    int attempt,
    Optional<Throwable> failure) {}
