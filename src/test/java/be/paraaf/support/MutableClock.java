package be.paraaf.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock shifted by an offset a test may change at any time (to move the service through time). */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset;

    public MutableClock(Duration offset) {
        this.offset = new AtomicReference<>(offset);
    }

    public void setOffset(Duration offset) {
        this.offset.set(offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("paraaf works in UTC");
    }
}
