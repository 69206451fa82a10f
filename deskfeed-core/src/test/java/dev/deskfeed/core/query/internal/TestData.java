package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.query.TestEvents;

/** Short data builders for the transform tests. */
final class TestData {

  private TestData() {}

  static ObjectNode app(String app) {
    return TestEvents.data("app", app);
  }
}
