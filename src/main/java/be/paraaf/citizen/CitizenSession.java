package be.paraaf.citizen;

import java.time.Instant;

/** An authenticated citizen: who (national register number), how (EID or ITSME) and until when. */
public record CitizenSession(String nationalRegisterNumber, String method, Instant expiresAt) {
}
