package dev.deskfeed.app.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for options that the command line did not give: first the environment ({@code --data} is
 * {@code DESKFEED_DATA}), then the configuration file ({@code DESKFEED_CONFIG}, or
 * {@code ~/.config/deskfeed/deskfeed.properties}), then the option's own default.
 */
final class ConfigFileDefaults implements CommandLine.IDefaultValueProvider {

  private final Properties file = load();

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return argSpec.defaultValue();
    }
    String key = option.longestName().replaceFirst("^-+", "");
    String env = System.getenv("DESKFEED_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (env != null && !env.isEmpty()) {
      return env;
    }
    String fromFile = file.getProperty(key);
    return fromFile != null ? fromFile : argSpec.defaultValue();
  }

  private static Properties load() {
    Properties properties = new Properties();
    String configured = System.getenv("DESKFEED_CONFIG");
    Path path = configured != null ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".config", "deskfeed", "deskfeed.properties");
    if (Files.isRegularFile(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        properties.load(in);
      } catch (IOException e) {
        System.err.println("deskfeed: cannot read " + path + ": " + e.getMessage());
      }
    }
    return properties;
  }
}
