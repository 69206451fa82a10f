package dev.deskfeed.agent.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand, because the tests must send what Java's clients refuse to: any Host header (a DNS-rebinding
 * page's), any Origin. One request per connection.
 */
final class RawHttp {

  record Response(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  static Response send(int port, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      Map<String, String> all = new LinkedHashMap<>();
      all.put("Host", "127.0.0.1:" + port);
      all.putAll(headers);
      all.put("Connection", "close");
      if (body != null) {
        all.put("Content-Type", "application/json");
        all.put("Content-Length", Integer.toString(payload.length));
      }
      all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(payload);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  static Response get(int port, String path) throws IOException {
    return send(port, "GET", path, Map.of(), null);
  }

  static Response post(int port, String path, String body) throws IOException {
    return send(port, "POST", path, Map.of(), body);
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    String[] head = text.substring(0, split).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
    }
    String body = text.substring(split + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int position = 0;
    while (true) {
      int lineEnd = body.indexOf("\r\n", position);
      int size = Integer.parseInt(body.substring(position, lineEnd).trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, lineEnd + 2, lineEnd + 2 + size);
      position = lineEnd + 2 + size + 2;
    }
  }
}
