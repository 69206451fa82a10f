package dev.deskfeed.app.internal;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deskfeed device add|list}. */
@Command(name = "device", mixinStandardHelpOptions = true, description = "Manage devices (computers).",
    subcommands = {DeviceCommand.Add.class, DeviceCommand.ListDevices.class})
final class DeviceCommand {

  /** The named user, or the only one when there is exactly one. */
  static User user(Store store, String name) {
    if (name != null) {
      return new Accounts(store).user(name);
    }
    List<User> users = store.users().all();
    if (users.size() != 1) {
      throw new IllegalArgumentException(users.isEmpty() ? "no users yet: run 'deskfeed up' or 'deskfeed user add NAME'"
          : "several users exist: say which with --user NAME");
    }
    return users.get(0);
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Register a device (or reuse one of that name) and print a one-time pairing code.",
          "On that computer: deskfeed agent pair SERVER_URL CODE  (the code expires in 10 minutes)."})
  static final class Add implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "NAME", description = "Device name, e.g. laptop.")
    String name;

    @Option(names = "--user", paramLabel = "NAME", description = "Owner (default: the only user).")
    String user;

    @Override
    public Integer call() {
      try (Store opened = store.open()) {
        Accounts accounts = new Accounts(opened);
        User owner = user(opened, user);
        Device device = accounts.deviceOrCreate(owner.id(), name);
        System.out.println(accounts.createPairingCode(owner.id(), device.id()));
        System.err.println("Pair '" + device.name() + "' within 10 minutes: deskfeed agent pair SERVER_URL CODE");
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's devices.")
  static final class ListDevices implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--user", paramLabel = "NAME", description = "Owner (default: the only user).")
    String user;

    @Override
    public Integer call() {
      try (Store opened = store.open()) {
        for (Device device : opened.devices().ofUser(user(opened, user).id())) {
          System.out.printf("%-4d %-20s %-24s %s%n", device.id(), device.name(), device.hostname(), device.os());
        }
      }
      return 0;
    }
  }
}
