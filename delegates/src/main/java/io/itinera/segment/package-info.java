/**
 * Segments and the steps that add contacts to them and remove them.
 */
package io.itinera.segment;
