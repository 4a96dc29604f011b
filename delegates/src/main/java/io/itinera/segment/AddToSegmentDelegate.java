package io.itinera.segment;

import org.springframework.stereotype.Component;

/** The Add to segment step. Input: {@code segment}. Adding a member again changes nothing. */
@Component
public class AddToSegmentDelegate extends SegmentMembershipStep {

  public AddToSegmentDelegate(Segments segments) {
    super(segments);
  }

  @Override
  void change(String segment, String contactId) {
    segments.add(segment, contactId);
  }
}
