package dev.deskfeed.server;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A real server on a free loopback port over a real SQLite store, with a user, a device and tokens to call it. */
final class TestServer implements AutoCloseable {

  final Store store;
  final DeskfeedServer server;
  final User user;
  final String ingestToken;
  final String readToken;
  final String adminToken;
  final HttpClient http = HttpClient.newHttpClient();

  TestServer(Path dataDirectory, ServerConfig config) {
    store = Store.openSqlite(dataDirectory);
    server = new DeskfeedServer(store, config.withPort(0)).start();
    Accounts accounts = server.accounts();
    user = accounts.createUser("ada", "correct horse battery").user();
    long laptop = accounts.createDevice(user.id(), "laptop", "ada-laptop", "linux").id();
    ingestToken = accounts.createToken(user.id(), laptop, Scope.INGEST, "laptop").secret();
    readToken = accounts.createToken(user.id(), null, Scope.READ, "read").secret();
    adminToken = accounts.createToken(user.id(), null, Scope.ADMIN, "admin").secret();
  }

  TestServer(Path dataDirectory) {
    this(dataDirectory, ServerConfig.defaults());
  }

  String url(String path) {
    return server.url() + path;
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.stop();
    store.close();
  }
}
