package dev.deskfeed.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection with a blocking request/response cycle and nothing else.
 *
 * <p>Why hand-written: load generator and server share two cores, so every microsecond the client spends is taken
 * from the server. This client builds the request in one byte array, writes it with one system call, and reads the
 * status line, the headers it needs (Content-Length, Transfer-Encoding, Connection) and the body. It supports exactly
 * what Jetty answers on these routes; it is not a general HTTP client.
 */
final class HttpConnection implements AutoCloseable {

  /** A response: status code and body bytes. */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private final byte[] headPrefix;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
  private final StringBuilder line = new StringBuilder(128);

  HttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
    this.headPrefix = (" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sends a POST with a JSON body and returns the answer. Reconnects first if the previous answer closed the
   * connection.
   *
   * @param extraHeaders complete header lines, each ending in CRLF (e.g. the Authorization line), or empty
   */
  Response post(String path, byte[] extraHeaders, byte[] body) throws IOException {
    request.reset();
    request.write(("POST " + path).getBytes(StandardCharsets.US_ASCII));
    request.write(headPrefix);
    request.write(extraHeaders);
    request.write(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    request.write(body);
    return exchange();
  }

  Response get(String path) throws IOException {
    request.reset();
    request.write(("GET " + path).getBytes(StandardCharsets.US_ASCII));
    request.write(headPrefix);
    request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    return exchange();
  }

  private Response exchange() throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      request.writeTo(out);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket opened = new Socket();
    opened.setTcpNoDelay(true);
    opened.connect(new InetSocketAddress(host, port), 5_000);
    opened.setSoTimeout(30_000);
    socket = opened;
    in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
    out = opened.getOutputStream();
  }

  private Response readResponse() throws IOException {
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: '" + statusLine + "'");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        closeAfter = value.equalsIgnoreCase("close");
      }
    }
    byte[] body = chunked ? readChunked() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
    if (length >= 0 && body.length != length) {
      throw new EOFException("the connection closed inside a response body");
    }
    if (closeAfter || (!chunked && length < 0)) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers: none expected, skip any
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new EOFException("the connection closed inside a chunk");
      }
      body.write(chunk);
      readLine();
    }
  }

  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
