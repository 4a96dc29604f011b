/**
 * The global control group: a stable, configured share of contacts who get no marketing from any journey (their
 * sends are recorded as withheld), so that what the journeys add as a whole can be measured against them.
 */
package io.itinera.controlgroup;
