/**
 * Events apps send about contacts: intake, history and the outcome an app gets back.
 */
package io.itinera.event;
