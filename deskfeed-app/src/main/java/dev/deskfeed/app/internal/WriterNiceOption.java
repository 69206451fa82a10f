package dev.deskfeed.app.internal;

import dev.deskfeed.store.StoreConfig;
import picocli.CommandLine.Option;

/** {@code --writer-nice N} for the commands that run a server: the priority of the store's writer thread. */
final class WriterNiceOption {

  @Option(names = "--writer-nice", paramLabel = "N", defaultValue = "" + StoreConfig.SERVER_WRITER_NICE,
      description = {"Nice value (Linux, -20 to 19) for the thread that commits every write; 0 leaves it at the "
          + "process's (default: ${DEFAULT-VALUE}).",
          "Below 0 needs root, CAP_SYS_NICE or LimitNICE= (the systemd unit sets it); without it the log says so."})
  int writerNice;
}
