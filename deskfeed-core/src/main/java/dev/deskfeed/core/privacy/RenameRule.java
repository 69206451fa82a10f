package dev.deskfeed.core.privacy;

import java.util.Objects;

/** Shows an application under another name ({@code code} → {@code Coding}). Immutable. */
public record RenameRule(AppMatcher match, String to) {

  public RenameRule {
    Objects.requireNonNull(match, "match");
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("a rename rule needs a non-empty 'to'");
    }
  }
}
