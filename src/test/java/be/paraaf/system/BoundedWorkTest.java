package be.paraaf.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BoundedWorkTest {

    private static final BoundedWork.Refusals REFUSALS = new BoundedWork.Refusals("too-slow", "too slow", "busy");

    @Test
    void run_returnsTheResultWithinTheLimit() {
        try (BoundedWork work = new BoundedWork("test", 1, Duration.ofSeconds(5))) {
            assertThat(work.run(() -> 42, REFUSALS)).isEqualTo(42);
        }
    }

    @Test
    void run_slowWorkIsA422AndKeepsItsSlotSoTheNextCallerIsBusy() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (BoundedWork work = new BoundedWork("test", 1, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> work.run(() -> {
                blockUninterruptibly(release); // like a parser that ignores interrupts
                return null;
            }, REFUSALS)).isInstanceOfSatisfying(ParaafException.class, e -> {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.problemType()).isEqualTo("too-slow");
            });
            assertThatThrownBy(() -> work.run(() -> 1, REFUSALS))
                    .isInstanceOfSatisfying(ParaafException.class, e -> assertThat(e.status()).isEqualTo(503));
            release.countDown();
            Thread.sleep(100);
            assertThat(work.run(() -> 2, REFUSALS)).isEqualTo(2);
        }
    }

    @Test
    void run_problemsAndErrorsOfTheWorkPassThrough() {
        try (BoundedWork work = new BoundedWork("test", 1, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> work.run(() -> {
                throw new InvalidInputException(ProblemType.BAD_REQUEST, "bad input");
            }, REFUSALS)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> work.run(() -> {
                throw new StackOverflowError();
            }, REFUSALS)).isInstanceOf(StackOverflowError.class);
        }
    }

    private static void blockUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
