package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DbCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static String[] request(String... extra) {
    String[] base = {
      "--engine",
      "postgresql",
      "--replicas",
      "3",
      "--cpu",
      "2",
      "--memory",
      "4Gi",
      "--storage",
      "100Gi",
      "--inventory",
      "inventory.yaml"
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  private static String[] cmd(String sub, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "db";
    all[1] = sub;
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }

  @Test
  void plan_lxc_printsTheDecisionWithReasons() {
    assertThat(run(cmd("plan", request("--runtime", "lxc")))).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith(
            "PostgreSQL default/postgresql: ACCEPTED, runtime lxc (RuntimeClass proxmox-lxc)")
        .contains("PASS NODES_OFFER_RUNTIME: 3 schedulable node(s) offer lxc")
        .contains("PASS QUOTA")
        .contains("candidate nodes: pve-");
  }

  @Test
  void render_printsTheOperatorsYaml() {
    assertThat(run(cmd("render", request("--runtime", "lxc", "--with-runtime-classes"))))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("kind: \"RuntimeClass\"")
        .contains("kind: \"Cluster\"")
        .contains("cnpg.io/podPatch")
        .contains("instances: 3");
  }

  @Test
  void refused_exitsNonZero_withReasonsOnStderr() {
    int status = run(cmd("plan", request("--runtime", "vm", "--namespace", "team-b")));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("REFUSED")
        .contains("FAIL RUNTIME_ALLOWED: namespace team-b may not use vm (allowed: lxc, pod)");
  }

  @Test
  void quotaExceeded_isRefused() {
    int status =
        run(
            "db",
            "render",
            "--engine",
            "mariadb",
            "--runtime",
            "lxc",
            "--namespace",
            "team-b",
            "--replicas",
            "3",
            "--cpu",
            "1",
            "--memory",
            "12Gi",
            "--storage",
            "10Gi",
            "--inventory",
            "inventory.yaml");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .contains("FAIL QUOTA: the ResourceQuota of team-b would be exceeded");
  }

  @Test
  void badInput_exits2_namingTheValue() {
    assertThat(run(cmd("plan", request("--runtime", "kata")))).isEqualTo(2);
    assertThat(err.toString()).contains("runtime 'kata' is not one of pod, lxc, vm, auto");
  }

  @Test
  void crds_printsAllSeven() {
    assertThat(run("db", "crds")).isZero();
    assertThat(out.toString().split("kind: \"CustomResourceDefinition\"")).hasSize(8);
  }
}
