package dev.deskfeed.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.store.StoreConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Both commands that run a server take {@code --writer-nice}, and ask for -5 unless told otherwise. */
class WriterNiceOptionTest {

  @Test
  void serverAndUpAskForTheServerWriterNiceByDefaultAndTakeAnotherValue() {
    ServerCommand server = new ServerCommand();
    new CommandLine(server).parseArgs();
    assertThat(server.writer.writerNice).isEqualTo(StoreConfig.SERVER_WRITER_NICE).isEqualTo(-5);
    new CommandLine(server).parseArgs("--writer-nice", "0");
    assertThat(server.writer.writerNice).isZero();

    UpCommand up = new UpCommand();
    new CommandLine(up).parseArgs("--writer-nice=-2");
    assertThat(up.writer.writerNice).isEqualTo(-2);
  }

  @Test
  void theHelpSaysWhatTheValueNeeds() {
    String help = new CommandLine(new ServerCommand()).getUsageMessage();
    assertThat(help).contains("--writer-nice=N").contains("CAP_SYS_NICE").contains("default: -5");
  }
}
