package dev.deskfeed.server.presence.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Many Server-Sent Events subscribers in one thread: raw non-blocking sockets on one selector, each speaking
 * HTTP/1.1 with a chunked-transfer decoder, so ten thousand of them fit in one small JVM and add almost no delay of
 * their own to what they measure.
 *
 * <p>Each subscriber watches its stream for the marker {@code bench-<n>} (the benchmark puts it in the window title)
 * and stamps {@link System#nanoTime()} into {@code arrivals[n][subscriber]} the moment the marker's last byte is
 * decoded. Not thread-safe except for reading the arrays, which the benchmark does after waiting.
 */
final class SseSwarm implements AutoCloseable {

  private static final byte[] MARKER = "bench-".getBytes(StandardCharsets.US_ASCII);

  final long[][] arrivals;
  /** How many subscribers saw each update; read it before the arrivals (it publishes them). */
  final AtomicIntegerArray delivered;
  final AtomicInteger ready = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  private final Selector selector;
  private final Thread loop;
  private volatile boolean running = true;

  SseSwarm(InetSocketAddress server, String path, int subscribers, int maxUpdates) throws IOException {
    arrivals = new long[maxUpdates][subscribers];
    delivered = new AtomicIntegerArray(maxUpdates);
    selector = Selector.open();
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    loop = new Thread(() -> run(server, request, subscribers), "sse-swarm");
    loop.setDaemon(true);
    loop.start();
  }

  private void run(InetSocketAddress server, byte[] request, int subscribers) {
    int opened = 0;
    try {
      while (running) {
        // Open connections a few hundred at a time so the server's accept queue never overflows.
        while (opened < subscribers && opened - ready.get() - failed.get() < 256) {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
          channel.connect(server);
          channel.register(selector, SelectionKey.OP_CONNECT, new Subscriber(opened++, ByteBuffer.wrap(request)));
        }
        selector.select(100);
        long now = System.nanoTime();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          handle(key, now);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("swarm selector failed", e);
    }
  }

  private void handle(SelectionKey key, long now) {
    Subscriber subscriber = (Subscriber) key.attachment();
    SocketChannel channel = (SocketChannel) key.channel();
    try {
      if (key.isConnectable() && channel.finishConnect()) {
        key.interestOps(SelectionKey.OP_WRITE);
      }
      if (key.isValid() && key.isWritable()) {
        channel.write(subscriber.request);
        if (!subscriber.request.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ);
        }
      }
      if (key.isValid() && key.isReadable()) {
        ByteBuffer buffer = subscriber.buffer;
        buffer.clear();
        int read = channel.read(buffer);
        if (read < 0) {
          throw new IOException("closed by the server");
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
          subscriber.accept(buffer.get(), now);
        }
      }
    } catch (IOException | RuntimeException e) {
      key.cancel();
      try {
        channel.close();
      } catch (IOException ignored) {
        // already broken
      }
      if (!subscriber.ready) {
        failed.incrementAndGet();
      }
    }
  }

  /** Subscribers that have received their first event. */
  int ready() {
    return ready.get();
  }

  @Override
  public void close() throws IOException {
    running = false;
    try {
      loop.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }

  /** One connection's decoder: response head, then chunk sizes and chunk data, scanning data for the marker. */
  private final class Subscriber {
    final int index;
    final ByteBuffer request;
    final ByteBuffer buffer = ByteBuffer.allocate(2048);
    int headEnd; // how many bytes of "\r\n\r\n" were matched
    boolean inHead = true;
    long chunkLeft = -1; // -1: reading a size line
    long size;
    boolean sizeDone;
    int crlfToSkip;
    int matched;
    long number = -1;
    boolean ready;

    Subscriber(int index, ByteBuffer request) {
      this.index = index;
      this.request = request;
    }

    void accept(byte b, long now) {
      if (inHead) {
        headEnd = (b == (headEnd % 2 == 0 ? '\r' : '\n')) ? headEnd + 1 : (b == '\r' ? 1 : 0);
        inHead = headEnd < 4;
        return;
      }
      if (crlfToSkip > 0) {
        crlfToSkip--;
        return;
      }
      if (chunkLeft < 0) {
        if (b == '\n') {
          chunkLeft = size;
          size = 0;
          sizeDone = false;
        } else if (b == ';' || b == '\r') {
          sizeDone = true;
        } else if (!sizeDone) {
          size = size * 16 + Character.digit(b, 16);
        }
        return;
      }
      data(b, now);
      if (--chunkLeft == 0) {
        chunkLeft = -1;
        crlfToSkip = 2;
      }
    }

    void data(byte b, long now) {
      if (!ready) {
        ready = true;
        SseSwarm.this.ready.incrementAndGet();
      }
      if (number >= 0) {
        if (b >= '0' && b <= '9') {
          number = number * 10 + (b - '0');
          return;
        }
        if (number < arrivals.length && arrivals[(int) number][index] == 0) {
          arrivals[(int) number][index] = now;
          delivered.incrementAndGet((int) number);
        }
        number = -1;
      }
      matched = b == MARKER[matched] ? matched + 1 : (b == MARKER[0] ? 1 : 0);
      if (matched == MARKER.length) {
        matched = 0;
        number = 0;
      }
    }
  }
}
