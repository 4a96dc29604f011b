package io.itinera.check;

import io.itinera.ItineraApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The journey check from a checkout, for the Modeler's users: starts the app on a throwaway in-memory
 * database and prints, for each BPMN file, what {@code POST /api/journeys/validate} would answer;
 * exits with 1 when a file has errors, 0 otherwise. It runs from the packaged jar (README, "Checking a
 * journey"), which needs no Maven plugin beyond the build's own.
 */
public final class JourneyCheckCommand {

  /**
   * Arguments rather than default properties, so they win over application.yaml's environment
   * placeholders: a fresh database, no job executor, no email sent, an engine name of its own (the tests
   * run it beside the app's engine). The engine REST starter needs a servlet container, so the web
   * server runs, and the mail sink stands in for an SMTP server, each on a free port of the loopback interface,
   * the sink keeping its files in the temporary directory rather than in the working directory's data.
   */
  private static final String[] SETTINGS = {
      "--spring.datasource.url=jdbc:h2:mem:itinera-journey-check;DB_CLOSE_DELAY=-1",
      "--spring.datasource.username=sa",
      "--server.address=127.0.0.1",
      "--server.port=0",
      "--camunda.bpm.job-execution.enabled=false",
      "--camunda.bpm.process-engine-name=journey-check",
      "--itinera.mail-sink.enabled=true",
      "--itinera.mail-sink.smtp-port=0",
      "--itinera.mail-sink.directory=${java.io.tmpdir}/itinera-journey-check-mail-sink",
      "--itinera.email.dispatch.enabled=false",
      "--itinera.sms-sink.port=0",
      "--itinera.sms.dispatch.enabled=false",
      "--spring.main.banner-mode=off",
      "--logging.level.root=ERROR"};

  static final String EMPTY_CATALOGUE_NOTE = "Checked against an empty database: misspelt attribute and event"
      + " property names are found only by the running app (POST /api/journeys/validate), which knows the names in use.";

  private JourneyCheckCommand() {
  }

  public static void main(String[] args) {
    // The findings are the command's answer, so they go to standard output, not to a log.
    System.exit(run(List.of(args), System.out));
  }

  /** Checks each file and prints its findings; returns the exit code: 2 without files, 1 on errors, else 0. */
  static int run(List<String> files, PrintStream out) {
    if (files.isEmpty()) {
      out.println("Usage: java -Dloader.main=" + JourneyCheckCommand.class.getName() + " -cp engine-app/target/itinera.jar"
          + " org.springframework.boot.loader.launch.PropertiesLauncher journey.bpmn ...");
      return 2;
    }
    try (var app = new SpringApplicationBuilder(ItineraApplication.class).run(SETTINGS)) {
      var check = app.getBean(JourneyCheck.class);
      var failed = false;
      for (var file : files) {
        failed |= !check(check, Path.of(file), out);
      }
      out.println(EMPTY_CATALOGUE_NOTE);
      return failed ? 1 : 0;
    }
  }

  /** Prints the file's findings; returns whether it may be deployed. */
  private static boolean check(JourneyCheck check, Path file, PrintStream out) {
    final JourneyCheck.Findings findings;
    try {
      findings = check.examine(new ByteArrayInputStream(Files.readAllBytes(file)));
    } catch (IOException | UnreadableJourneyException e) {
      out.println(file + ": ERROR cannot be read: " + e.getMessage());
      return false;
    }
    out.println(file + ": " + findings.errors().size() + " errors, " + findings.warnings().size() + " warnings");
    findings.errors().forEach(error -> out.println("ERROR " + error));
    findings.warnings().forEach(warning -> out.println("WARNING " + warning));
    return findings.errors().isEmpty();
  }
}
