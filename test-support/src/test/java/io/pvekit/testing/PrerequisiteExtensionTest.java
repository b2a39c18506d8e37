package io.pvekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class PrerequisiteExtensionTest {

  @BeforeEach
  void pretendLiblxcIsMissing() {
    System.setProperty(PrerequisiteExtension.PRETEND_MISSING_PROPERTY, "LIBLXC");
  }

  @AfterEach
  void clearOverrides() {
    System.clearProperty(Ci.OVERRIDE_PROPERTY);
    System.clearProperty(PrerequisiteExtension.PRETEND_MISSING_PROPERTY);
  }

  @Test
  void pretendMissing_makesAPresentPrerequisiteMissing() {
    System.setProperty(PrerequisiteExtension.PRETEND_MISSING_PROPERTY, "ROOT,LIBLXC");
    assertThat(PrerequisiteExtension.whyMissing(Prerequisite.LIBLXC))
        .get()
        .asString()
        .contains("pretended missing");
    System.setProperty(PrerequisiteExtension.PRETEND_MISSING_PROPERTY, "");
    assertThat(PrerequisiteExtension.whyMissing(Prerequisite.PROXMOXER))
        .isEqualTo(Prerequisite.PROXMOXER.missing());
  }

  @Test
  void missingPrerequisite_outsideCi_isSkippedWithTheReason() {
    System.setProperty(Ci.OVERRIDE_PROPERTY, "false");

    Events events = run(NeedsAbsentCommand.class);

    events
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                skippedWithReason(
                    m ->
                        m.contains("NeedsAbsentCommand needs") && m.contains("(apt-get install"))));
    assertThat(events.failed().count()).isZero();
  }

  @Test
  void missingPrerequisite_underCi_fails() {
    System.setProperty(Ci.OVERRIDE_PROPERTY, "true");

    Events events = run(NeedsAbsentCommand.class);

    assertThat(events.aborted().count()).isZero();
    events
        .assertThatEvents()
        .haveAtLeast(
            1,
            event(
                finishedWithFailure(
                    message(m -> m.startsWith("CI=true, so a missing prerequisite fails")))));
  }

  @Test
  void presentPrerequisite_runsTheTest() {
    System.setProperty(Ci.OVERRIDE_PROPERTY, "true");
    Events events = run(NeedsNothingMissing.class);
    assertThat(events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count()).isEqualTo(1);
    assertThat(events.skipped().count() + events.aborted().count() + events.failed().count())
        .isZero();
  }

  @Test
  void ciFlag_readsOverrideBeforeEnvironment() {
    System.setProperty(Ci.OVERRIDE_PROPERTY, "true");
    assertThat(Ci.isCi()).isTrue();
    System.setProperty(Ci.OVERRIDE_PROPERTY, "false");
    assertThat(Ci.isCi()).isFalse();
  }

  @Test
  void missingCommands_namesEachAbsentCommand() {
    assertThat(Prerequisite.Host.missingCommands("sh", "no-such-command-pvekit"))
        .contains("not on the PATH: no-such-command-pvekit");
    assertThat(Prerequisite.Host.missingCommands("sh")).isEmpty();
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .allEvents();
  }

  // Not run directly: the nested classes are selected through the test kit above.
  @Requires(Prerequisite.LIBLXC)
  static class NeedsAbsentCommand {
    @Test
    void body() {}
  }

  static class NeedsNothingMissing {
    @Test
    @Requires({})
    void body() {}
  }
}
