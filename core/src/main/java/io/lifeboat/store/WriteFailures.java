package io.lifeboat.store;

import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.LocationUnavailableException;
import java.io.IOException;

/**
 * What an IOException on the way into an {@link ObjectWriter} means: a Lifeboat failure carried
 * inside it (the store said why) is rethrown as it is; anything else is the location failing.
 */
public final class WriteFailures {
  private WriteFailures() {}

  public static RuntimeException of(String what, IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LifeboatException lifeboat) {
        return lifeboat;
      }
    }
    return new LocationUnavailableException(what + " failed: " + failure.getMessage(), failure);
  }
}
