package io.itinera.segment;

import org.springframework.stereotype.Component;

/** The Remove from segment step. Input: {@code segment}. Removing a non-member changes nothing. */
@Component
public class RemoveFromSegmentDelegate extends SegmentMembershipStep {

  public RemoveFromSegmentDelegate(Segments segments) {
    super(segments);
  }

  @Override
  void change(String segment, String contactId) {
    segments.remove(segment, contactId);
  }
}
