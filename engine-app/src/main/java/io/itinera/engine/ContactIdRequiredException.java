package io.itinera.engine;

/** A journey run was started without the contact id as its business key. */
class ContactIdRequiredException extends IllegalArgumentException {

  ContactIdRequiredException(String journeyKey) {
    super("Journey '%s' was started without a business key: start it with the contact id as business key"
        .formatted(journeyKey));
  }
}
