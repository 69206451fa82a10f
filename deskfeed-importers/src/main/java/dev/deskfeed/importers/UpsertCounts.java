package dev.deskfeed.importers;

/**
 * What one upsert batch (or a whole import) did to the target. An import that is run twice reports only
 * {@code unchanged} events the second time.
 */
public record UpsertCounts(long inserted, long updated, long unchanged) {

  public static final UpsertCounts NONE = new UpsertCounts(0, 0, 0);

  public UpsertCounts plus(UpsertCounts other) {
    return new UpsertCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
  }

  public long total() {
    return inserted + updated + unchanged;
  }
}
