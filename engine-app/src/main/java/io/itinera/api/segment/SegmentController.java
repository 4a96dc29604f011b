package io.itinera.api.segment;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.segment.Segments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A segment's members, a page at a time. */
@RestController
@ItineraApi
@Tag(name = "Segments", description = "Segment members")
class SegmentController {

  private static final int MAX_PAGE_SIZE = 1000;

  private final Segments segments;

  SegmentController(Segments segments) {
    this.segments = segments;
  }

  @Operation(summary = "A segment's members, a page at a time", description = "page starts at 0; size is 1 to 1000. "
      + "A segment nobody is in has no members, not a 404.")
  @GetMapping("/api/segments/{name}")
  SegmentPage members(@PathVariable String name, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    if (page < 0) {
      throw new InvalidFieldException("page", "page starts at 0");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidFieldException("size", "size is 1 to " + MAX_PAGE_SIZE);
    }
    return new SegmentPage(name, segments.count(name), page, size, segments.members(name, page, size));
  }

  record SegmentPage(String segment, long total, int page, int size, List<Segments.Member> members) {
  }
}
