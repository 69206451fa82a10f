package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of the Objective-C runtime to ask AppKit a few questions from Java: look up a class, send a
 * message without arguments, read an NSString. objc_msgSend is called with a fixed (non-variadic) signature, which
 * is what arm64 requires. Objects returned here are autoreleased: use them only between {@link #pushPool()} and
 * {@link #popPool}, or they pile up, since no Cocoa run loop drains a pool on this thread. Not thread-safe.
 */
final class ObjCRuntime {

  private final Function getClass;
  private final Function registerName;
  private final Function msgSend;
  private final Function poolPush;
  private final Function poolPop;
  private final Map<String, Pointer> selectors = new HashMap<>();

  private ObjCRuntime(NativeLibrary objc) {
    getClass = objc.getFunction("objc_getClass");
    registerName = objc.getFunction("sel_registerName");
    msgSend = objc.getFunction("objc_msgSend");
    poolPush = objc.getFunction("objc_autoreleasePoolPush");
    poolPop = objc.getFunction("objc_autoreleasePoolPop");
  }

  /** Loads libobjc; {@link UnsatisfiedLinkError} anywhere but macOS. */
  static ObjCRuntime load() {
    return new ObjCRuntime(NativeLibrary.getInstance("objc"));
  }

  Pointer classNamed(String name) {
    return getClass.invokePointer(new Object[] {name});
  }

  /** {@code [receiver selector]} returning an object; null for a null receiver, as in Objective-C. */
  Pointer send(Pointer receiver, String selector) {
    return receiver == null ? null : msgSend.invokePointer(new Object[] {receiver, selector(selector)});
  }

  /** {@code [receiver selector]} returning an int (such as pid_t); 0 for a null receiver. */
  int sendInt(Pointer receiver, String selector) {
    return receiver == null ? 0 : msgSend.invokeInt(new Object[] {receiver, selector(selector)});
  }

  /** The contents of an NSString, "" for nil. */
  String string(Pointer nsString) {
    Pointer utf8 = send(nsString, "UTF8String");
    return utf8 == null ? "" : utf8.getString(0, StandardCharsets.UTF_8.name());
  }

  Pointer pushPool() {
    return poolPush.invokePointer(new Object[0]);
  }

  void popPool(Pointer pool) {
    poolPop.invokeVoid(new Object[] {pool});
  }

  private Pointer selector(String name) {
    return selectors.computeIfAbsent(name, key -> registerName.invokePointer(new Object[] {key}));
  }
}
