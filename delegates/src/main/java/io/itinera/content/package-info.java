/**
 * Predictive content: per contact and send, the policy chooses a template's subject, block and call-to-action
 * variants (Thompson sampling over a Bayesian logistic model per variant), learns from the opens, clicks or
 * goals of the message that carried them, and reports how it does against its random share.
 */
package io.itinera.content;
