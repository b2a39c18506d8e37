package io.pvekit.runtime.bench;

import io.pvekit.runtime.AdmissionHandler;
import io.pvekit.runtime.AdmissionResponse;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.Decision;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.OwnerLookup;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.RuntimeSelector;
import io.pvekit.runtime.WorkloadRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One decision at 5,000 nodes; one webhook review end to end in process. Run by bench/jmh.sh. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SelectorBenchmark {
  @Param({"5000"})
  int nodes;

  @Param({"LXC", "VM"})
  WorkloadRuntime runtime;

  RuntimeSelector selector;
  Inventory inventory;
  DatabaseRequest request;
  AdmissionHandler handler;
  byte[] review;

  @Setup
  public void setUp() {
    selector = new RuntimeSelector(Policy.defaults());
    inventory = BenchData.inventory(nodes);
    request = BenchData.request(runtime);
    handler =
        new AdmissionHandler(
            Policy.defaults(), () -> inventory, OwnerLookup.of(BenchData.owners()));
    review = BenchData.podReview();
    if (!selector.decide(request, inventory).accepted()
        || handler.handle("/mutate", review).status() != 200) {
      throw new IllegalStateException("benchmark inputs do not give an accepted decision");
    }
  }

  @Benchmark
  public Decision decide() {
    return selector.decide(request, inventory);
  }

  @Benchmark
  public AdmissionResponse mutatingReview() {
    return handler.handle("/mutate", review);
  }
}
