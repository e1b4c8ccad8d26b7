package io.lifeboat.repository;

import java.util.Optional;

/** A claim won ({@code ticket}), or why the slot is someone else's ({@code refusal}). */
public record ClaimAttempt(ClaimTicket ticket, String refusal) {
  public ClaimAttempt {
    if ((ticket == null) == (refusal == null)) {
      throw new IllegalArgumentException("a claim attempt is won or refused, not both or neither");
    }
  }

  static ClaimAttempt won(ClaimTicket ticket) {
    return new ClaimAttempt(ticket, null);
  }

  static ClaimAttempt refused(String reason) {
    return new ClaimAttempt(null, reason);
  }

  public Optional<ClaimTicket> won() {
    return Optional.ofNullable(ticket);
  }
}
