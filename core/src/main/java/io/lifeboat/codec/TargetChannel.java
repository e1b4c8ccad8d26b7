package io.lifeboat.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;

/**
 * A channel over the caller's stream whose {@link #close()} flushes the stream and leaves it open:
 * the caller owns the target (an object-store writer, whose close would discard the upload).
 */
final class TargetChannel implements WritableByteChannel {
  private final OutputStream target;
  private boolean open = true;

  TargetChannel(OutputStream target) {
    this.target = target;
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    int length = source.remaining();
    if (source.hasArray()) {
      target.write(source.array(), source.arrayOffset() + source.position(), length);
      source.position(source.limit());
    } else {
      byte[] copy = new byte[length];
      source.get(copy);
      target.write(copy);
    }
    return length;
  }

  @Override
  public boolean isOpen() {
    // jagged's EncryptingChannel writes its final chunk only while the output reports open.
    return open;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      target.flush();
    }
  }
}
