package io.pvekit.examples;

import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantValidationException;
import io.pvekit.capi.ValidationError;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pvekit tenant render}: the manifests of a tenant cluster, checked, on stdout. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description =
        "Print the manifests of a tenant cluster (YAML, apply order). Invalid input exits 1 with"
            + " one line per problem on stderr.")
final class TenantRenderCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TenantInputOptions input;

  @Option(names = "--output", defaultValue = "yaml", description = "yaml or json.")
  String output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TenantCluster tenant = build(input, err, "pvekit tenant render");
    if (tenant == null) {
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print("json".equals(output) ? tenant.toJson() : tenant.toYaml());
    out.flush();
    return 0;
  }

  /** Builds the tenant or prints every problem and returns null. */
  static TenantCluster build(TenantInputOptions input, PrintWriter err, String command) {
    try {
      return input.builder().build();
    } catch (TenantValidationException e) {
      err.println(command + ": " + e.errors().size() + " problem(s) with the input:");
      for (ValidationError error : e.errors()) {
        err.println("  " + error);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println(command + ": " + e.getMessage());
    }
    err.flush();
    return null;
  }
}
