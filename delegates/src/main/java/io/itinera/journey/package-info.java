/**
 * Journeys as the engine runs them: entry rules, enrolments, the router that starts and correlates
 * runs, and the contract between a step, its BPMN and its element template.
 */
package io.itinera.journey;
