package io.itinera.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The command-line check, as a Modeler user runs it on files: the findings printed, the exit code telling. */
class JourneyCheckCommandTest {

  @Test
  void passesAValidJourney() throws IOException {
    var out = new ByteArrayOutputStream();

    var exitCode = JourneyCheckCommand.run(List.of(file("check-valid.bpmn")), new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(exitCode).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("check-valid.bpmn: 0 errors, 0 warnings")
        .contains(JourneyCheckCommand.EMPTY_CATALOGUE_NOTE).doesNotContain("ERROR");
  }

  @Test
  void printsEveryErrorAndWarningAndFailsOnErrors() throws IOException {
    var out = new ByteArrayOutputStream();

    var exitCode = JourneyCheckCommand.run(List.of(file("check-warnings.bpmn"), file("check-missing-input.bpmn")),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .contains("ERROR Task_SendOffer 'Send offer': has no input 'template', which sendEmailDelegate requires; fill it in")
        .anyMatch(line -> line.startsWith("WARNING Gateway_Plan '") && line.contains("has no default flow"))
        .anyMatch(line -> line.endsWith("check-warnings.bpmn: 0 errors, 2 warnings"))
        .anyMatch(line -> line.endsWith("check-missing-input.bpmn: 1 errors, 0 warnings"));
  }

  @Test
  void saysHowToCallItWithoutFiles() {
    var out = new ByteArrayOutputStream();

    assertThat(JourneyCheckCommand.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ");
  }

  private static String file(String name) throws IOException {
    return new ClassPathResource("check-journeys/" + name).getFile().getPath();
  }
}
