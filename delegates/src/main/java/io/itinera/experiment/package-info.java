/**
 * A/B splits: the split step, the variant each contact got and the experiment's results.
 */
package io.itinera.experiment;
