/**
 * The journey check: what the engine would only find out while a contact runs through a journey
 * (an unknown step, a missing input or template, an expression or timer that does not parse, a bad
 * entry rule or split), found in the BPMN before it is deployed.
 */
package io.itinera.check;
