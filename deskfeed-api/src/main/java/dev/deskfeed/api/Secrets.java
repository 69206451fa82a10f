package dev.deskfeed.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (API tokens, session cookies, generated passwords) and their stored form.
 *
 * <p>Tokens carry 256 random bits, so a plain SHA-256 is the right stored form: there is nothing to brute-force,
 * and a lookup by hash stays one indexed query. Passwords, chosen by people, use Argon2id instead ({@link Passwords}).
 */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String WORDS = "abcdefghijkmnpqrstuvwxyz23456789";

  private Secrets() {}

  /** A new API token: {@code dft_} and 43 URL-safe characters. */
  public static String newToken() {
    return "dft_" + randomUrlSafe(32);
  }

  public static String newSessionId() {
    return randomUrlSafe(32);
  }

  /** A password that is easy to type: four groups of five unambiguous characters (about 100 bits). */
  public static String newPassword() {
    StringBuilder password = new StringBuilder();
    for (int group = 0; group < 4; group++) {
      if (group > 0) {
        password.append('-');
      }
      for (int i = 0; i < 5; i++) {
        password.append(WORDS.charAt(RANDOM.nextInt(WORDS.length())));
      }
    }
    return password.toString();
  }

  public static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String randomUrlSafe(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }
}
