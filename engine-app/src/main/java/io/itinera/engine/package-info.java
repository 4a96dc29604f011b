/**
 * Camunda engine configuration: plugins, the expression context journeys see, the clock, and how
 * the engine REST API and its errors behave.
 */
package io.itinera.engine;
