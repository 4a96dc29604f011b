package io.itinera.journey;

/** A migration handed to the engine as a batch; follow it with its {@code batchId}. */
public record MigrationStarted(String batchId, String journey, int sourceVersion, int targetVersion, long runs) {
}
