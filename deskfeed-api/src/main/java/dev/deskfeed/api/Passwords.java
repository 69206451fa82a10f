package dev.deskfeed.api;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashes in PHC string form, with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). */
public final class Passwords {

  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  private Passwords() {}

  public static String hash(String password) {
    if (password == null || password.length() < 8) {
      throw new IllegalArgumentException("a password needs at least 8 characters");
    }
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public static boolean verify(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    return Password.check(password, hash).with(ARGON2ID);
  }
}
