package io.itinera.outbox;

import io.itinera.contact.ChannelPriorities;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The order in which a contact's channels are tried: the contact's own order first, then the channels it did
 * not name in the configured order, then any channel left, so that every channel has a place.
 */
@Component
public class ChannelOrder {

  private final ChannelPriorities priorities;
  private final ChannelProperties properties;

  ChannelOrder(ChannelPriorities priorities, ChannelProperties properties) {
    this.priorities = priorities;
    this.properties = properties;
  }

  public List<String> of(String contactId) {
    var order = new LinkedHashSet<>(priorities.of(contactId).orElse(List.of()));
    order.addAll(properties.order());
    order.addAll(ChannelProperties.KNOWN);
    return new ArrayList<>(order);
  }
}
