package dev.deskfeed.server.presence.push;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

/**
 * One open Server-Sent Events response, written with the Servlet API's non-blocking output: no thread waits on a
 * subscriber, so ten thousand of them cost memory (a few hundred bytes here plus Jetty's connection) and no
 * threads.
 *
 * <p>Every frame is a full state, numbered by a version. A frame is written when the socket can take it; while
 * one is still in flight, a newer frame replaces the waiting one (a slow subscriber skips states and gets the
 * latest), and a frame not newer than the last one accepted is ignored (so the snapshot sent at subscription and
 * a concurrent update cannot arrive out of order). At most one frame waits per stream: memory stays bounded
 * whatever the subscriber does.
 *
 * <p>Javalin's own {@code SseClient} writes blocking and would tie a thread to each slow client; that is why this
 * class exists. Thread-safe: frames may be offered from any thread; Jetty calls {@link #onWritePossible} on its own.
 */
public final class SseStream implements WriteListener {

  /** Response buffer, used only off Jetty: frames up to this size are copied into it, then flushed. */
  private static final int BUFFER_BYTES = 4096;
  private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);

  private final ServletOutputStream out;
  private final CompletableFuture<Void> done;
  private Runnable onClose = () -> { };
  private long acceptedVersion = Long.MIN_VALUE;
  private byte[] waiting;
  private boolean keepaliveWaiting;
  private boolean flushWaiting;
  private boolean closed;

  private SseStream(ServletOutputStream out, CompletableFuture<Void> done) {
    this.out = out;
    this.done = done;
  }

  /**
   * Answers the request with an event stream and hands the open stream to {@code onOpen} (on a Jetty thread, once
   * the response is asynchronous). The request ends when the stream is closed, by either side.
   */
  public static void open(Context ctx, Map<String, String> headers, Consumer<SseStream> onOpen) {
    HttpServletResponse response = ctx.res();
    response.setStatus(200);
    response.setContentType("text/event-stream");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache, no-transform");
    response.setHeader("X-Accel-Buffering", "no"); // nginx: pass each frame on at once
    headers.forEach(response::setHeader);
    response.setBufferSize(BUFFER_BYTES);
    CompletableFuture<Void> done = new CompletableFuture<>();
    ctx.future(() -> {
      AsyncContext async = ctx.req().getAsyncContext();
      async.setTimeout(0);
      try {
        SseStream stream = new SseStream(response.getOutputStream(), done);
        async.addListener(stream.endListener());
        stream.out.setWriteListener(stream);
        onOpen.accept(stream);
      } catch (IOException | RuntimeException e) {
        done.complete(null);
      }
      return done;
    });
  }

  /**
   * Runs once when the stream ends (the subscriber left, a write failed, or {@link #close} was called); at once if
   * it already has, so a subscriber that vanished while being registered is not kept forever.
   */
  public void onClose(Runnable callback) {
    boolean ended;
    synchronized (this) {
      onClose = callback;
      ended = closed;
    }
    if (ended) {
      callback.run();
    }
  }

  /** Offers a frame; ignored unless its version is newer than every frame offered before. */
  public void send(long version, byte[] frame) {
    synchronized (this) {
      if (closed || version <= acceptedVersion) {
        return;
      }
      acceptedVersion = version;
      waiting = frame;
      keepaliveWaiting = false;
    }
    drain();
  }

  /** Sends a comment line unless a frame is already waiting: keeps proxies and idle timeouts from cutting us. */
  public void keepalive() {
    synchronized (this) {
      if (closed || waiting != null) {
        return;
      }
      keepaliveWaiting = true;
    }
    drain();
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Ends the response; the subscriber's EventSource will reconnect (or, after a 404, give up). */
  public void close() {
    Runnable callback;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      waiting = null;
      callback = onClose;
    }
    callback.run();
    done.complete(null); // outside the lock: completing the request may call back into this stream
  }

  @Override
  public void onWritePossible() {
    drain();
  }

  @Override
  public void onError(Throwable error) {
    close();
  }

  /**
   * Writes what waits while the socket takes it. On Jetty a frame is one write of the shared bytes, never copied
   * into a per-response buffer; on another container it is written, then flushed, as two steps.
   */
  private void drain() {
    boolean failed = false;
    synchronized (this) {
      try {
        while (!closed && out.isReady()) {
          if (flushWaiting) {
            flushWaiting = false;
            out.flush();
            continue;
          }
          byte[] next = waiting != null ? waiting : keepaliveWaiting ? KEEPALIVE : null;
          if (next == null) {
            return;
          }
          waiting = null;
          keepaliveWaiting = false;
          if (out instanceof HttpOutput jetty) {
            jetty.write(ByteBuffer.wrap(next)); // Jetty: written as is, no copy into the response buffer, no flush
          } else {
            out.write(next);
            flushWaiting = true;
          }
        }
      } catch (IOException | RuntimeException e) {
        failed = true; // the subscriber is gone, or the response was already completed
      }
    }
    if (failed) {
      close();
    }
  }

  private AsyncListener endListener() {
    return new AsyncListener() {
      @Override
      public void onComplete(AsyncEvent event) {
        close();
      }

      @Override
      public void onTimeout(AsyncEvent event) {
        close();
      }

      @Override
      public void onError(AsyncEvent event) {
        close();
      }

      @Override
      public void onStartAsync(AsyncEvent event) {
        // not restarted
      }
    };
  }
}
