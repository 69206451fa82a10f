package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The three libc calls that let the X11 backend wait on the X connection and notice that the server has gone
 * before Xlib does: Xlib treats a closed connection as fatal, the socket merely reports end-of-file.
 */
interface LibC extends Library {

  short POLLIN = 0x1;
  short POLLERR = 0x8;
  short POLLHUP = 0x10;
  short POLLNVAL = 0x20;
  int MSG_PEEK = 0x2;
  int MSG_DONTWAIT = 0x40;
  int EINTR = 4;
  int EAGAIN = 11;

  /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}; a pollfd is {int fd; short events, revents}. */
  int poll(Pointer fds, NativeLong count, int timeoutMillis);

  NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags);

  int close(int fd);
}
