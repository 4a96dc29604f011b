/**
 * The Itinera REST API under /api: API keys, body limits, and problem details for every error; one
 * sub-package per feature.
 */
package io.itinera.api;
