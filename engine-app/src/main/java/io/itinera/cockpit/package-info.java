/**
 * Journey analytics inside Cockpit, through Camunda 7's plugin API: a Cockpit REST resource behind
 * Cockpit's own login, and a client module that draws the counts on the journey's diagram and in a tab.
 */
package io.itinera.cockpit;
