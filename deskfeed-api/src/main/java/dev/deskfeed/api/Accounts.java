package dev.deskfeed.api;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.PairingStore;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users, devices, tokens and sessions: the account operations shared by the CLI, the native API and the dashboard,
 * so every path validates names and makes secrets the same way.
 */
public final class Accounts {

  public static final long SESSION_MICROS = 30L * 24 * 3600 * Timestamps.MICROS_PER_SECOND;
  public static final long PAIRING_MICROS = 10L * 60 * Timestamps.MICROS_PER_SECOND;
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Store store;

  public Accounts(Store store) {
    this.store = store;
  }

  /** A new user and the password to show once: the given one, or a generated one when null. */
  public record NewUser(User user, String password, boolean generated) {}

  /** A new token; {@code secret} is shown once and never stored. */
  public record NewToken(ApiToken token, String secret) {}

  public NewUser createUser(String name, String password) {
    requireName("user", name);
    boolean generated = password == null;
    String chosen = generated ? Secrets.newPassword() : password;
    User user = store.users().create(name, Passwords.hash(chosen));
    return new NewUser(user, chosen, generated);
  }

  /** On an empty store, creates the first user with a generated password; empty when users exist. */
  public Optional<NewUser> createFirstUserIfEmpty(String name) {
    if (store.users().count() > 0) {
      return Optional.empty();
    }
    return Optional.of(createUser(name, null));
  }

  public User user(String name) {
    return store.users().byName(name).orElseThrow(() ->
        new IllegalArgumentException("no user named '" + name + "' (add one with 'deskfeed user add NAME')"));
  }

  public Device createDevice(long userId, String name, String hostname, String os) {
    requireName("device", name);
    return store.devices().create(userId, name, blankToDefault(hostname, name), blankToDefault(os, "unknown"));
  }

  /** The user's device of that name, registered on first use. */
  public Device deviceOrCreate(long userId, String name) {
    return store.devices().byName(userId, name).orElseGet(() -> createDevice(userId, name, name, "unknown"));
  }

  public NewToken createToken(long userId, Long deviceId, Scope scope, String name) {
    if (scope == Scope.INGEST && deviceId == null) {
      throw new IllegalArgumentException("an ingest token writes one device's buckets: name the device");
    }
    if (scope != Scope.INGEST && deviceId != null) {
      throw new IllegalArgumentException("only ingest tokens belong to a device; " + scope.wireName()
          + " tokens cover all of the user's data");
    }
    String secret = Secrets.newToken();
    String label = name == null || name.isBlank() ? scope.wireName() + " token" : name;
    ApiToken token = store.tokens().create(userId, deviceId, label, scope, Secrets.sha256(secret));
    return new NewToken(token, secret);
  }

  /**
   * A one-time pairing code for a device, like {@code K7QD-2MXA}: 40 random bits, valid {@link #PAIRING_MICROS},
   * stored hashed, shown once. An agent exchanges it for the device's ingest token.
   */
  public String createPairingCode(long userId, long deviceId) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    store.pairing().create(Secrets.sha256(normalizeCode(code.toString())), userId, deviceId,
        Timestamps.nowMicros() + PAIRING_MICROS);
    return code.toString();
  }

  /** Redeems a pairing code once; dashes, spaces and case do not matter. */
  public Optional<PairingStore.Redeemed> redeemPairingCode(String code) {
    return store.pairing().redeem(Secrets.sha256(normalizeCode(code)), Timestamps.nowMicros());
  }

  private static String normalizeCode(String code) {
    return code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
  }

  /** Checks a password and opens a session; returns the session id for the cookie. */
  public Optional<String> login(String name, String password) {
    Optional<User> user = store.users().byName(name);
    if (user.isEmpty() || !Passwords.verify(password, user.get().passwordHash())) {
      return Optional.empty();
    }
    String session = Secrets.newSessionId();
    store.users().createSession(Secrets.sha256(session), user.get().id(), Timestamps.nowMicros() + SESSION_MICROS);
    return Optional.of(session);
  }

  public void logout(String session) {
    store.users().deleteSession(Secrets.sha256(session));
  }

  static void requireName(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a " + kind + " name is 1-64 letters, digits, '.', '_' or '-', starting with "
          + "a letter or digit; got '" + name + "'");
    }
  }

  private static String blankToDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
