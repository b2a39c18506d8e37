"""GET /cluster/resources throughput of proxmoxer against a running simulator.

Usage: proxmoxer_bench.py PORT TOKEN_ID TOKEN_SECRET [THREADS] [SECONDS] [WARMUP]
One ProxmoxAPI (one requests session) per thread, API-token auth, TLS without
verification. Prints a progress line and `RESULT proxmoxer=<calls/s>`.
"""
import sys
import threading
import time

import urllib3
from proxmoxer import ProxmoxAPI

urllib3.disable_warnings()


def main():
    port, token_id, secret = sys.argv[1], sys.argv[2], sys.argv[3]
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 16
    seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 10
    warmup = float(sys.argv[6]) if len(sys.argv) > 6 else 3
    user, token_name = token_id.split("!")
    measuring = threading.Event()
    stop = threading.Event()
    counts = [0] * threads
    failures = [0] * threads

    def worker(i):
        api = ProxmoxAPI("127.0.0.1", port=int(port), user=user, token_name=token_name,
                         token_value=secret, verify_ssl=False, service="PVE")
        counted = False
        while not stop.is_set():
            if measuring.is_set() and not counted:
                counts[i] = 0
                counted = True
            try:
                api.cluster.resources.get()
                counts[i] += 1
            except Exception:
                failures[i] += 1

    pool = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
    for t in pool:
        t.start()
    time.sleep(warmup)
    measuring.set()
    start = time.monotonic()
    time.sleep(seconds)
    stop.set()
    elapsed = time.monotonic() - start
    for t in pool:
        t.join()
    rate = sum(counts) / elapsed
    if sum(failures):
        print("  (%d failed calls)" % sum(failures))
    print("  proxmoxer %9.1f calls/s (%d threads, python %s)"
          % (rate, threads, sys.version.split()[0]))
    print("RESULT proxmoxer=%.1f" % rate)


if __name__ == "__main__":
    main()
