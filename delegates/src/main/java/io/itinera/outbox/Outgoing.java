package io.itinera.outbox;

/** What the dispatcher needs of a message of any channel: its id and how often it was tried. */
public interface Outgoing {

  String id();

  int attempts();
}
