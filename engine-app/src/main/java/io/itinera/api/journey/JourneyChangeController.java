package io.itinera.api.journey;

import io.itinera.analytics.JourneyVersionList;
import io.itinera.analytics.JourneyVersions;
import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.journey.JourneyLifecycle;
import io.itinera.journey.JourneyMigrations;
import io.itinera.journey.JourneyState;
import io.itinera.journey.MigrationPreview;
import io.itinera.journey.MigrationProgress;
import io.itinera.journey.MigrationStarted;
import io.itinera.journey.PauseMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing a live journey: its versions and who is where in them, moving running contacts to
 * another version, pausing and resuming the journey, retiring a version. A deployment alone never
 * changes what running contacts do; these calls do, when ops ask.
 */
@RestController
@ItineraApi
@Tag(name = "Journeys")
class JourneyChangeController {

  private final JourneyVersions versions;
  private final JourneyMigrations migrations;
  private final JourneyLifecycle lifecycle;

  JourneyChangeController(JourneyVersions versions, JourneyMigrations migrations, JourneyLifecycle lifecycle) {
    this.versions = versions;
    this.migrations = migrations;
    this.lifecycle = lifecycle;
  }

  @Operation(summary = "A journey's versions: deployment, runs per step, and what changed against the version before")
  @ApiResponse(responseCode = "200", description = "The versions, newest first, and whether the journey is paused")
  @ApiResponse(responseCode = "404", description = "There is no journey with this key")
  @GetMapping("/api/journeys/{key}/versions")
  JourneyVersionList versions(@PathVariable String key) {
    return versions.of(key);
  }

  @Operation(summary = "What moving the runs of one version to another would do; changes nothing",
      description = "Per step with runs in it: how many, and to which step of the target they would go, or why they "
          + "cannot (a removed step not mapped); and the engine's objections to the plan. Unknown versions and "
          + "mapped steps that do not exist are a 400 naming the field.")
  @ApiResponse(responseCode = "200", description = "The preview; executable when nothing stands in the way")
  @PostMapping("/api/journeys/{key}/migrations/preview")
  MigrationPreview preview(@PathVariable String key, @Valid @RequestBody MigrationBody body) {
    return migrations.preview(key, body.toRequest());
  }

  @Operation(summary = "Move the runs of one version to another, as a Camunda batch",
      description = "Refused (400, field mapping) when the preview is not executable. The batch survives restarts "
          + "and shows in Cockpit's batch view; follow it with GET .../migrations/{batchId}.")
  @ApiResponse(responseCode = "202", description = "The batch was created")
  @PostMapping("/api/journeys/{key}/migrations")
  @ResponseStatus(HttpStatus.ACCEPTED)
  MigrationStarted migrate(@PathVariable String key, @Valid @RequestBody MigrationBody body) {
    return migrations.start(key, body.toRequest());
  }

  @Operation(summary = "A migration's progress and failures")
  @ApiResponse(responseCode = "200", description = "Jobs done, left and failed (with the engine's message)")
  @ApiResponse(responseCode = "404", description = "There is no migration batch with this id")
  @GetMapping("/api/journeys/{key}/migrations/{batchId}")
  MigrationProgress migration(@PathVariable String key, @PathVariable String batchId) {
    return migrations.progress(key, batchId)
        .orElseThrow(() -> Problems.notFound("There is no migration '" + batchId + "'"));
  }

  @Operation(summary = "Pause a journey: no new entries; its runs hold where they are, or go on with drain",
      description = "Entries are refused with rule PAUSED. Held runs' timers and steps wait for the resume, and "
          + "events do not reach them.")
  @ApiResponse(responseCode = "200", description = "The journey's state")
  @ApiResponse(responseCode = "404", description = "There is no journey with this key")
  @PostMapping("/api/journeys/{key}/pause")
  JourneyState pause(@PathVariable String key, @RequestBody(required = false) PauseBody body) {
    var drain = body != null && Boolean.TRUE.equals(body.drain());
    return lifecycle.pause(key, drain ? PauseMode.DRAIN : PauseMode.HOLD);
  }

  @Operation(summary = "Resume a paused journey: entries again, and held runs go on (timers due meanwhile fire)")
  @ApiResponse(responseCode = "200", description = "The journey's state")
  @ApiResponse(responseCode = "404", description = "There is no journey with this key")
  @PostMapping("/api/journeys/{key}/resume")
  JourneyState resume(@PathVariable String key) {
    return lifecycle.resume(key);
  }

  @Operation(summary = "Retire a version: no new entries on it; its runs finish",
      description = "New entries go to the latest version not retired. The last version taking entries cannot be "
          + "retired (400, field version): pause the journey instead.")
  @ApiResponse(responseCode = "200", description = "The journey's versions")
  @ApiResponse(responseCode = "404", description = "There is no journey with this key")
  @PostMapping("/api/journeys/{key}/versions/{version}/retire")
  JourneyVersionList retire(@PathVariable String key, @PathVariable int version) {
    lifecycle.retire(key, version);
    return versions.of(key);
  }
}
