package io.pvekit.lxcri.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static Args parse(boolean stop, String... argv) {
    return Args.parse(
        List.of(argv),
        Set.of("bundle", "pid-file"),
        Set.of("force", "detach"),
        Map.of("b", "bundle", "f", "force", "d", "detach"),
        stop);
  }

  @Test
  void valuedOptions_inEveryRuncSpelling() {
    assertThat(parse(false, "--bundle", "/b", "id").value("bundle", null)).isEqualTo("/b");
    assertThat(parse(false, "--bundle=/b", "id").value("bundle", null)).isEqualTo("/b");
    assertThat(parse(false, "-bundle", "/b", "id").value("bundle", null)).isEqualTo("/b");
    assertThat(parse(false, "-b", "/b", "id").value("bundle", null)).isEqualTo("/b");
    assertThat(parse(false, "-b", "/b", "id").id("create")).isEqualTo("id");
  }

  @Test
  void flags_andDoubleDash() {
    Args args = parse(false, "-f", "--detach=false", "id", "--", "-x");
    assertThat(args.flag("force")).isTrue();
    assertThat(args.flag("detach")).isFalse();
    assertThat(args.positional()).containsExactly("id", "-x");
  }

  @Test
  void exec_keepsEverythingAfterTheIdAsTheCommand() {
    Args args = parse(true, "-d", "id", "sh", "-c", "echo --force");
    assertThat(args.flag("detach")).isTrue();
    assertThat(args.flag("force")).isFalse();
    assertThat(args.positional()).containsExactly("id", "sh", "-c", "echo --force");
  }

  @Test
  void mistakes_areNamed() {
    assertThatThrownBy(() -> parse(false, "--nope", "id"))
        .isInstanceOf(UsageException.class)
        .hasMessage("flag provided but not defined: -nope");
    assertThatThrownBy(() -> parse(false, "--bundle"))
        .hasMessage("flag needs an argument: --bundle");
    assertThatThrownBy(() -> parse(false).id("start"))
        .hasMessage("\"start\" requires a container id");
  }
}
