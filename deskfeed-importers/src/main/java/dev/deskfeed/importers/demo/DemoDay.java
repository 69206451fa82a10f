package dev.deskfeed.importers.demo;

import dev.deskfeed.core.Event;
import java.time.LocalDate;
import java.util.List;

/** The events of one device on one local day, per bucket, each list in time order. */
public record DemoDay(DemoDevice device, LocalDate date, List<Event> window, List<Event> afk, List<Event> web,
    List<Event> workspace) {

  public int size() {
    return window.size() + afk.size() + web.size() + workspace.size();
  }
}
