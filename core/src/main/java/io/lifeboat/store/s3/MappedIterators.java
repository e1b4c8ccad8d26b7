package io.lifeboat.store.s3;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Streams over SDK paginators, fetched lazily (not even the first page before the stream is used),
 * whose failures, thrown mid-stream, are mapped too.
 */
final class MappedIterators {
  private MappedIterators() {}

  static <T, R> Stream<R> stream(
      Supplier<Iterator<T>> pages,
      Function<T, R> mapper,
      Function<SdkException, ? extends RuntimeException> failure) {
    Iterator<R> mapped =
        new Iterator<>() {
          private Iterator<T> source;

          @Override
          public boolean hasNext() {
            try {
              if (source == null) {
                source = pages.get(); // fetches the first page: do it when first asked
              }
              return source.hasNext();
            } catch (SdkException e) {
              throw failure.apply(e);
            }
          }

          @Override
          public R next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            try {
              return mapper.apply(source.next());
            } catch (SdkException e) {
              throw failure.apply(e);
            }
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(mapped, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
