package dev.deskfeed.importers.demo;

import java.util.SplittableRandom;

/**
 * The words demo titles and URLs are made of. Sizes are chosen so a year has a few thousand distinct titles, as a
 * real one does, rather than a handful (which would flatter the title rollups) or a million.
 */
final class Pools {

  static final String[] PROJECTS = {"billing", "ledger", "checkout", "deskfeed-hobby"};
  static final String[] CLASSES = {"InvoiceService", "LedgerEntry", "PaymentGateway", "TaxRules", "Money", "Currency",
      "InvoiceRepository", "CustomerController", "RefundJob", "ReportExporter", "AuditLog", "RateLimiter"};
  static final String[] COMMANDS = {"mvn test", "git status", "git log --oneline", "vim pom.xml", "htop",
      "docker compose up", "kubectl get pods", "psql billing", "./gradlew build", "ssh build-01"};
  static final String[] CHANNELS = {"team-billing", "general", "incidents", "random", "deploys", "frontend"};
  static final String[] PEOPLE = {"Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Edsger"};
  static final String[] SUBJECTS = {"Quarterly planning", "Re: invoice rounding", "Build failed on main",
      "Your order has shipped", "Team lunch on Friday", "Re: API review", "Expense report", "Security notice"};
  static final String[] TOPICS = {"refund flow", "multi-currency", "audit trail", "rate limits", "tax rules",
      "invoice PDFs", "onboarding", "search"};
  static final String[] SUBREDDITS = {"java", "programming", "selfhosted", "linux", "cycling", "cooking", "books"};
  static final String[] ARTICLES = {"Rust_(programming_language)", "Alan_Turing", "SQLite", "PostgreSQL",
      "Time_zone", "Daylight_saving_time", "Espresso", "Tour_de_France", "Bauhaus", "Lisbon"};
  static final String[] VIDEOS = {"How SQLite is tested", "Java 21 in 10 minutes", "Tour de France highlights",
      "Lofi beats to code to", "Making pasta from scratch", "The history of Unix", "Bike maintenance basics"};
  static final String[] GAMES = {"Minecraft 1.20.4", "RimWorld", "Factorio", "Stardew Valley"};
  static final String[] DOCS = {"travel plan", "recipes", "novel draft", "tax notes", "garden plan"};

  private Pools() {}

  static String pick(SplittableRandom random, String[] pool) {
    return pool[random.nextInt(pool.length)];
  }
}
