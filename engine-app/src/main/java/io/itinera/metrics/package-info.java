/**
 * What Prometheus scrapes beyond the counters the features keep themselves: gauges read at scrape
 * time from the outbox and the engine, and who may scrape.
 */
package io.itinera.metrics;
