package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends confirmation mails after the request that needs them has been answered, so a sign-up's reply
 * takes the same time whether or not it needs a mail (no enumeration by timing). Lanes, one thread
 * each, chosen by address: one address's mails leave in the order they were asked for, all others
 * in parallel — also those to one domain, whose pace the domain throttle (a shared token bucket)
 * sets. (Lanes by domain made one busy domain a single serial queue: 21 mails/s in the benchmark.) A mail that does
 * not fit in a lane's queue, or is still queued when the service stops, is left to
 * {@link ConfirmationRetryJob}.
 */
@ApplicationScoped
public class ConfirmationDispatcher {

    private static final Logger LOG = Logger.getLogger(ConfirmationDispatcher.class);
    private static final int QUEUE_PER_LANE = 10_000;

    private final ConfirmationDelivery delivery;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;
    private final ExecutorService[] lanes;

    public ConfirmationDispatcher(ConfirmationDelivery delivery, SubscriptionRepository subscriptions, Clock clock,
            OptinConfig config) {
        this.delivery = delivery;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.lanes = new ExecutorService[config.mail().sendLanes()];
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE_PER_LANE),
                    r -> new Thread(r, "confirmation-send-" + n.incrementAndGet()));
        }
    }

    /** Queues one attempt at {@code s}'s confirmation mail; {@code requestedAt} is when its request arrived (the SLI). */
    public void dispatch(Subscription s, Instant requestedAt) {
        try {
            lanes[Math.floorMod(s.address.hashCode(), lanes.length)].execute(() -> send(s, requestedAt));
        } catch (RejectedExecutionException e) {
            LOG.warnf("sign-up %s: send queue full, the retry job sends the confirmation mail", s.id);
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> subscriptions.update("nextSendAt = ?1 where id = ?2", now, s.id));
        }
    }

    private void send(Subscription s, Instant requestedAt) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            delivery.deliver(s, requestedAt);
        } catch (RuntimeException e) {
            // deliver() records failures itself; this is a bug or the database gone: the lease makes the retry job try again
            LOG.errorf(e, "sign-up %s: sending the confirmation mail failed; the retry job tries again after the lease", s.id);
        } finally {
            request.terminate();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow(); // what is left waits for the retry job of this or another replica
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
