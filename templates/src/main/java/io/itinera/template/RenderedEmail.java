package io.itinera.template;

/** One email as its recipient will get it: a one-line subject, the HTML body and its plain-text alternative. */
public record RenderedEmail(String subject, String html, String text) {
}
