package dev.deskfeed.server.presence;

import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lanyard's socket protocol at {@code /socket}, driven by the JDK's WebSocket client. */
class LanyardSocketTest {

  @TempDir
  Path data;
  PresenceFixture fixture;

  @BeforeEach
  void start() {
    fixture = new PresenceFixture(data);
    fixture.publicProfile("full");
    fixture.window(LAPTOP, "code", "Main.java");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  SocketClient connect(String query) {
    return new SocketClient(fixture.http, fixture.url("/socket" + query).replace("http://", "ws://"));
  }

  @Test
  void helloThenInitStateThenPresenceUpdates() throws Exception {
    try (SocketClient client = connect("")) {
      JsonNode hello = Json.parse(client.next(5));
      assertThat(hello.get("op").asInt()).isEqualTo(1);
      assertThat(hello.at("/d/heartbeat_interval").asInt()).isEqualTo(30_000);

      client.send("{\"op\": 2, \"d\": {\"subscribe_to_id\": \"ada\"}}");
      JsonNode init = Json.parse(client.next(5));
      assertThat(init.get("op").asInt()).isZero();
      assertThat(init.get("t").asText()).isEqualTo("INIT_STATE");
      assertThat(init.get("seq").asInt()).isEqualTo(1);
      assertThat(init.at("/d/discord_user/id").asText()).isEqualTo("ada");
      assertThat(init.at("/d/discord_status").asText()).isEqualTo("online");
      assertThat(init.at("/d/activities/0/name").asText()).isEqualTo("code");

      client.send("{\"op\": 3}");
      fixture.window(LAPTOP, "firefox", "news");
      JsonNode update = Json.parse(client.next(5));
      assertThat(update.get("t").asText()).isEqualTo("PRESENCE_UPDATE");
      assertThat(update.get("seq").asInt()).isEqualTo(2);
      assertThat(update.at("/d/activities/0/name").asText()).isEqualTo("firefox");
      assertThat(update.at("/d/activities/0/details").asText()).isEqualTo("news");

      fixture.send("PUT", "/api/v1/kv/reading", fixture.adminToken, "Dune");
      assertThat(Json.parse(client.next(5)).at("/d/kv/reading").asText()).isEqualTo("Dune");
    }
  }

  @Test
  void subscribeToIdsMapsEachKnownIdAndLeavesUnknownOnesOut() throws Exception {
    try (SocketClient client = connect("")) {
      client.next(5);
      client.send("{\"op\": 2, \"d\": {\"subscribe_to_ids\": [\"ada\", \"nobody\"]}}");
      JsonNode init = Json.parse(client.next(5));
      assertThat(init.get("t").asText()).isEqualTo("INIT_STATE");
      assertThat(init.get("d").has("ada")).isTrue();
      assertThat(init.get("d").has("nobody")).isFalse();
      assertThat(init.at("/d/ada/discord_status").asText()).isEqualTo("online");

      client.send("{\"op\": 4, \"d\": {\"unsubscribe_from_id\": \"ada\"}}");
      Thread.sleep(100);
      fixture.window(LAPTOP, "gimp", "cat.png");
      Thread.sleep(500);
      assertThat(client.messages).as("no updates after unsubscribing").isEmpty();
    }
  }

  @Test
  void anUnknownSingleIdGetsAnEmptyInitState() throws Exception {
    try (SocketClient client = connect("")) {
      client.next(5);
      client.send("{\"op\": 2, \"d\": {\"subscribe_to_id\": \"nobody\"}}");
      assertThat(Json.parse(client.next(5)).get("d").isEmpty()).isTrue();
    }
  }

  @Test
  void zlibJsonCompressionSendsDeflatedBinaryFrames() throws Exception {
    try (SocketClient client = connect("?compression=zlib_json")) {
      assertThat(Json.parse(client.next(5)).get("op").asInt()).isEqualTo(1); // inflated by the client
      client.send("{\"op\": 2, \"d\": {\"subscribe_to_id\": \"ada\"}}");
      assertThat(Json.parse(client.next(5)).at("/d/discord_status").asText()).isEqualTo("online");
    }
  }

  @Test
  void badMessagesCloseTheSocketWithLanyardsCodes() throws Exception {
    String[][] cases = {
        {"not json", "4006 invalid_payload"},
        {"{\"op\": 9}", "4004 unknown_opcode"},
        {"{\"op\": 2}", "4005 requires_data_object"},
        {"{\"op\": 2, \"d\": {}}", "4005 requires_data_object"},
        {"{\"op\": 2, \"d\": {\"subscribe_to\": 1}}", "4006 invalid_payload"},
    };
    for (String[] bad : cases) {
      try (SocketClient client = connect("")) {
        client.next(5);
        client.send(bad[0]);
        assertThat(client.closeReason(5)).as(bad[0]).isEqualTo(bad[1]);
      }
    }
  }

  @Test
  void aProfileMadePrivateStopsTheUpdates() throws Exception {
    try (SocketClient client = connect("")) {
      client.next(5);
      client.send("{\"op\": 2, \"d\": {\"subscribe_to_id\": \"ada\"}}");
      client.next(5);
      fixture.privacy("{\"public_profile\": false}");
      fixture.window(LAPTOP, "secret-app", "secret");
      Thread.sleep(500);
      assertThat(client.messages).isEmpty();
    }
  }
}
