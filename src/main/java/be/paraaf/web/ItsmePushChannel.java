package be.paraaf.web;

import be.paraaf.consent.itsme.ConsentRequested;
import be.paraaf.consent.itsme.PendingConsent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Devices connected to this node by server-sent events, per account. A new consent is pushed to the
 * account's connected devices on the node that created it; devices connected elsewhere see it on their
 * next (re)connect or long poll, which read the database.
 */
@Component
class ItsmePushChannel {

    private static final long TIMEOUT_MILLIS = 5 * 60 * 1000L;

    private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

    /**
     * Registers the stream first and only then reads what is pending, so a consent requested in between is
     * pushed or replayed (perhaps both: the app keeps consents by id), never lost.
     */
    SseEmitter subscribe(String accountId, java.util.function.Supplier<List<PendingConsent>> alreadyPending) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        List<SseEmitter> list = emitters.computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        for (PendingConsent consent : alreadyPending.get()) {
            send(emitter, consent, list);
        }
        return emitter;
    }

    @EventListener
    void onConsentRequested(ConsentRequested requested) {
        List<SseEmitter> list = emitters.getOrDefault(requested.accountId(), List.of());
        for (SseEmitter emitter : list) {
            send(emitter, requested.consent(), list);
        }
    }

    /**
     * Ends every stream when the service shuts down (ContextClosedEvent comes before the web server's
     * graceful shutdown), so open streams do not hold shutdown up; the apps reconnect to another node.
     */
    @EventListener(ContextClosedEvent.class)
    void onShutdown() {
        emitters.values().forEach(list -> list.forEach(SseEmitter::complete));
        emitters.clear();
    }

    private static void send(SseEmitter emitter, PendingConsent consent, List<SseEmitter> list) {
        try {
            emitter.send(SseEmitter.event().name("consent").id(consent.consentId())
                    .data(consent, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            list.remove(emitter); // the device went away; it reconnects and reads what is pending
        }
    }
}
