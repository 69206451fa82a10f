package dev.deskfeed.app.internal;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deskfeed token create|list|revoke}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create an API token and print it (only the token, only this once).",
          "ingest: writes one device's buckets (--device, registered on first use);",
          "read: reads all of the user's data; admin: everything of the user."})
  static final class Create implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--user", required = true, paramLabel = "NAME")
    String user;

    @Option(names = "--device", paramLabel = "NAME", description = "The device an ingest token writes for.")
    String device;

    @Option(names = "--scope", required = true, paramLabel = "ingest|read|admin")
    String scope;

    @Option(names = "--name", paramLabel = "LABEL", description = "A label to recognise the token by later.")
    String name;

    @Override
    public Integer call() {
      Scope parsed = Scope.parse(scope);
      try (Store opened = store.open()) {
        Accounts accounts = new Accounts(opened);
        User owner = accounts.user(user);
        Long deviceId = null;
        if (parsed == Scope.INGEST) {
          if (device == null) {
            throw new IllegalArgumentException("an ingest token needs --device NAME");
          }
          deviceId = accounts.deviceOrCreate(owner.id(), device).id();
        } else if (device != null) {
          throw new IllegalArgumentException("--device applies only to --scope ingest");
        }
        String label = name != null ? name : device != null ? device + " ingest" : parsed.wireName();
        System.out.println(accounts.createToken(owner.id(), deviceId, parsed, label).secret());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's tokens (never the secrets).")
  static final class ListTokens implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--user", required = true, paramLabel = "NAME")
    String user;

    @Override
    public Integer call() {
      try (Store opened = store.open()) {
        User owner = new Accounts(opened).user(user);
        System.out.printf("%-6s %-8s %-20s %-12s %s%n", "ID", "SCOPE", "NAME", "DEVICE", "STATE");
        for (ApiToken token : opened.tokens().ofUser(owner.id())) {
          String device = token.deviceId() == null ? "-"
              : opened.devices().byId(token.deviceId()).map(Device::name).orElse("?");
          System.out.printf("%-6d %-8s %-20s %-12s %s%n", token.id(), token.scope().wireName(), token.name(), device,
              token.active() ? "active" : "revoked");
        }
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
  static final class Revoke implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--user", required = true, paramLabel = "NAME")
    String user;

    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public Integer call() {
      try (Store opened = store.open()) {
        User owner = new Accounts(opened).user(user);
        if (!opened.tokens().revoke(owner.id(), id)) {
          throw new IllegalArgumentException("user '" + user + "' has no active token " + id);
        }
      }
      System.err.println("Token " + id + " revoked; servers stop accepting it within 10 seconds.");
      return 0;
    }
  }
}
