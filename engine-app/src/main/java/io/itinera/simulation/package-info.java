/**
 * The journey simulator: runs a journey's real BPMN and real steps for a synthetic or copied
 * contact on an engine of its own (its own in-memory database, no job executor, time that only the
 * simulation moves), so that nothing real is sent, written or moved.
 */
package io.itinera.simulation;
