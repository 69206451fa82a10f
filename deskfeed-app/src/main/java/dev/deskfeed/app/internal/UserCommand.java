package dev.deskfeed.app.internal;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.api.Passwords;
import dev.deskfeed.api.Secrets;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deskfeed user add|list|passwd}. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage user accounts.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class})
final class UserCommand {

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a user. Prints a generated password once, unless --password-stdin gives one.")
  static final class Add implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "NAME", description = "User name: letters, digits, '.', '_' or '-'.")
    String name;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      String password = passwordStdin ? readPassword() : null;
      try (Store opened = store.open()) {
        Accounts.NewUser created = new Accounts(opened).createUser(name, password);
        if (created.generated()) {
          System.out.println(created.password());
          System.err.println("Created user '" + name + "'. The password above is shown only once.");
        } else {
          System.err.println("Created user '" + name + "'.");
        }
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
      try (Store opened = store.open()) {
        for (User user : opened.users().all()) {
          System.out.println(user.name());
        }
      }
      return 0;
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true,
      description = "Set a user's password (from --password-stdin, or a generated one printed once).")
  static final class Passwd implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      String password = passwordStdin ? readPassword() : Secrets.newPassword();
      try (Store opened = store.open()) {
        User user = new Accounts(opened).user(name);
        opened.users().setPasswordHash(user.id(), Passwords.hash(password));
      }
      if (!passwordStdin) {
        System.out.println(password);
      }
      System.err.println("Password of '" + name + "' changed.");
      return 0;
    }
  }

  static String readPassword() throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("--password-stdin: standard input held no password");
    }
    return line;
  }
}
