package io.lifeboat.functions.http;

import io.lifeboat.repository.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives a failed task its HTTP status. Funqy HTTP (3.33) answers a function's exception with {@code
 * routingContext.fail(new ApplicationException(e))}, which Vert.x turns into 500 and Quarkus's
 * error page: it has no way to pick a status. This failure handler, on every route, finds a {@link
 * TaskFailedException} in the failure's causes and answers its result as JSON with the result's
 * status (400, 404, 409, 500, 503); any other failure goes on to Quarkus's handler.
 */
@ApplicationScoped
public class FunctionStatuses {
  void register(@Observes Router router) {
    router.route().failureHandler(FunctionStatuses::answer);
  }

  static void answer(RoutingContext context) {
    for (Throwable t = context.failure(); t != null; t = t.getCause()) {
      if (t instanceof TaskFailedException failed && !context.response().ended()) {
        context
            .response()
            .setStatusCode(failed.result().httpStatus())
            .putHeader("Content-Type", "application/json")
            .end(Json.writeString(failed.result()));
        return;
      }
    }
    context.next();
  }
}
