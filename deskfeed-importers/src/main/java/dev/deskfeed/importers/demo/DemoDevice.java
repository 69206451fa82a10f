package dev.deskfeed.importers.demo;

import java.util.List;

/**
 * The three computers of the demo person, each with its habits: a work laptop on workdays, a desktop for evenings
 * and weekends, a personal laptop now and then. Bucket ids are ActivityWatch's ({@code aw-watcher-window_HOST} and
 * so on) plus Deskfeed's workspace bucket, so the demo looks like what real watchers produce.
 */
public enum DemoDevice {
  WORK_LAPTOP("work-laptop", "linux"),
  DESKTOP("desktop", "linux"),
  LAPTOP("laptop", "macos");

  public static final List<DemoDevice> ALL = List.of(values());

  private final String deviceName;
  private final String os;

  DemoDevice(String deviceName, String os) {
    this.deviceName = deviceName;
    this.os = os;
  }

  public String deviceName() {
    return deviceName;
  }

  public String hostname() {
    return deviceName;
  }

  public String os() {
    return os;
  }

  public String windowBucket() {
    return "aw-watcher-window_" + hostname();
  }

  public String afkBucket() {
    return "aw-watcher-afk_" + hostname();
  }

  public String webBucket() {
    return "aw-watcher-web-chrome_" + hostname();
  }

  public String workspaceBucket() {
    return "deskfeed-workspace_" + hostname();
  }
}
