package dev.deskfeed.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * Defines the classes it is asked to isolate itself, from the very bytes its parent would load them from, and leaves
 * every other class to its parent. Isolated classes belong to this loader, so the JVM can unload them (and give
 * back their metaspace) once the loader and everything it defined are unreachable and a full collection has run;
 * classes of the application's own loader stay for the life of the process. It holds no files open.
 *
 * <p>An isolated class may use only public types of its parent's classes: even in the same package name it is in
 * another runtime package.
 */
final class DisposableClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Predicate<String> isolated;

  DisposableClassLoader(ClassLoader parent, Predicate<String> isolated) {
    super("disposable", parent);
    this.isolated = isolated;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!isolated.test(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
