package dev.deskfeed.app.internal;

import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.agent.sync.Pairing;
import dev.deskfeed.agent.sync.SyncHttpException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code deskfeed agent pair URL CODE}: exchanges the one-time code from {@code deskfeed device add NAME} for the
 * device's ingest token and saves server and token in the agent's configuration, so nobody copies a token by hand.
 */
@Command(name = "pair", mixinStandardHelpOptions = true,
    description = {"Pair this computer with a Deskfeed server using a one-time code.",
        "On the server: deskfeed device add NAME (or the dashboard) prints the code."})
final class AgentPairCommand implements Callable<Integer> {

  @Mixin
  AgentTarget target = new AgentTarget();

  @Parameters(index = "0", paramLabel = "URL", description = "The server, e.g. https://deskfeed.example.")
  String url;

  @Parameters(index = "1", paramLabel = "CODE", description = "The pairing code, e.g. K7QD-2MXA.")
  String code;

  @Override
  public Integer call() throws Exception {
    Pairing.Paired paired;
    try {
      paired = Pairing.pair(url, code);
    } catch (SyncHttpException e) {
      System.err.println("deskfeed: the server refused the code: " + e.message());
      return 1;
    }
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("server", paired.serverUrl());
    changes.put("token", paired.token());
    AgentConfigFile.update(target.dataDir(), changes);
    System.out.println("Paired as device '" + paired.deviceName() + "' of " + paired.serverUrl() + ".");
    System.out.println("Saved in " + AgentConfigFile.path(target.dataDir()) + " (readable only by you).");
    System.out.println("Start the agent: deskfeed agent   (or in the background: deskfeed agent install-service)");
    System.out.println("A running agent picks the new server up when restarted.");
    return 0;
  }
}
