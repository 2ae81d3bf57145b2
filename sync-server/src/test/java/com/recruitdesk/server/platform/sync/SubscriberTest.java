package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's waiting pokes (decision 0052): carried pokes wait in order up to the bound, one more
 * turns them into one plain poke of the newest head, and a plain poke makes those before it moot.
 */
class SubscriberTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** An outlet whose writes wait until it is opened, as a slow socket's do. */
    static final class HeldOutlet implements Subscriber.Outlet {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch open = new CountDownLatch(1);
        volatile int entered;

        @Override
        public String id() {
            return "held";
        }

        @Override
        public boolean send(String text) {
            entered++;
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sent.add(text);
            return true;
        }
    }

    private final HeldOutlet outlet = new HeldOutlet();
    private final LongAdder fellBehind = new LongAdder();
    private final Subscriber subscriber =
            new Subscriber(null, outlet, UUID.randomUUID(), UUID.randomUUID(), 1, () -> {}, fellBehind);

    /** The first poke is being written (and held); {@code n} more wait behind it. */
    private void behindBy(List<String> texts) {
        subscriber.offer("connect");
        Eventually.await(WAIT, "the first write under way", () -> outlet.entered == 1);
        texts.forEach(t -> subscriber.offerCarried(t, () -> "plain after " + t));
    }

    @Test
    void carriedPokesWaitingBehindASlowWriteAreAllSentInOrder() {
        List<String> carried = List.of("carried 1", "carried 2", "carried 3");
        behindBy(carried);
        assertThat(subscriber.waiting()).isEqualTo(3);

        outlet.open.countDown();
        Eventually.await(WAIT, "every poke sent", () -> outlet.sent.size() == 4);
        assertThat(outlet.sent).containsExactly("connect", "carried 1", "carried 2", "carried 3");
        assertThat(fellBehind.sum()).isZero();
    }

    @Test
    void oneCarriedPokeBeyondTheBoundTurnsTheWaitingOnesIntoOnePlainPoke() {
        List<String> carried = IntStream.rangeClosed(1, Subscriber.MAX_WAITING + 1)
                .mapToObj(i -> "carried " + i)
                .toList();
        behindBy(carried);
        assertThat(subscriber.waiting()).isEqualTo(1);
        assertThat(fellBehind.sum()).isEqualTo(1);

        // A carried poke after the plain one waits behind it again: its page starts at the plain one's head.
        subscriber.offerCarried("carried after", () -> "plain after carried after");
        outlet.open.countDown();
        Eventually.await(WAIT, "every poke sent", () -> outlet.sent.size() == 3);
        assertThat(outlet.sent)
                .containsExactly("connect", "plain after carried " + (Subscriber.MAX_WAITING + 1), "carried after");
    }

    @Test
    void aPlainPokeMakesTheCarriedOnesWaitingBeforeItMoot() {
        behindBy(List.of("carried 1", "carried 2"));
        subscriber.offer("plain 3");

        outlet.open.countDown();
        Eventually.await(WAIT, "every poke sent", () -> outlet.sent.size() == 2);
        assertThat(new ArrayList<>(outlet.sent)).containsExactly("connect", "plain 3");
        assertThat(fellBehind.sum()).isZero();
    }
}
