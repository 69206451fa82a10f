package dev.deskfeed.store.internal;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** Flyway runs in this loader in the agent so that its classes go away again; that only works as pinned here. */
class DisposableClassLoaderTest {

  @Test
  void isolatedClassesAreItsOwnAndOthersTheParents() throws Exception {
    ClassLoader parent = getClass().getClassLoader();
    DisposableClassLoader loader = new DisposableClassLoader(parent,
        name -> name.startsWith("org.flywaydb.") || name.equals(FlywayMigration.class.getName()));
    Class<?> migration = loader.loadClass(FlywayMigration.class.getName());
    assertNotSame(FlywayMigration.class, migration);
    assertSame(loader, migration.getClassLoader());
    assertSame(loader, loader.loadClass("org.flywaydb.core.Flyway").getClassLoader());
    assertSame(dev.deskfeed.store.StoreException.class, loader.loadClass("dev.deskfeed.store.StoreException"));
  }

  @Test
  void itsClassesAreUnloadedOnceNothingReachesThem() throws Exception {
    WeakReference<ClassLoader> loader = loadAndDrop();
    for (int attempt = 0; attempt < 20 && loader.get() != null; attempt++) {
      System.gc();
      Thread.sleep(50);
    }
    assertNull(loader.get(), "the disposable loader (and with it Flyway's classes) is still reachable");
  }

  private static WeakReference<ClassLoader> loadAndDrop() throws Exception {
    DisposableClassLoader loader = new DisposableClassLoader(DisposableClassLoaderTest.class.getClassLoader(),
        name -> name.startsWith("org.flywaydb."));
    Class<?> flyway = loader.loadClass("org.flywaydb.core.Flyway");
    flyway.getMethod("configure", ClassLoader.class).invoke(null, loader);
    return new WeakReference<>(loader);
  }
}
