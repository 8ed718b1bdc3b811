package org.socialcare.core.internal.ingest;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.DeskEvent;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.internal.DeskAudit;
import org.socialcare.core.internal.DeskContext;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * Handles a platform callback with an adapter's {@link WebhookHandler}: challenges are answered, messages
 * ingested, a rejected signature audited, a malformed body dead-lettered (400); a storage failure answers 500 so
 * the platform delivers again. Never throws. Not API. Thread-safe.
 */
public final class WebhookIntake {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    private final DeskContext ctx;
    private final IngestService ingest;
    private final DeadLetters deadLetters;

    public WebhookIntake(DeskContext ctx, IngestService ingest, DeadLetters deadLetters) {
        this.ctx = ctx;
        this.ingest = ingest;
        this.deadLetters = deadLetters;
    }

    public WebhookResult webhook(WebhookHandler handler, WebhookRequest request) {
        WebhookResult result;
        try {
            result = handler.handle(request);
        } catch (WebhookRejectedException e) {
            LOG.warn("{} webhook rejected: {}", handler.platform(), e.getMessage());
            try {
                ctx.tx().run(() -> ctx.audit()
                        .desk(
                                ctx.clock().instant(),
                                DeskAudit.SYSTEM,
                                AuditAction.WEBHOOK_REJECTED,
                                handler.platform() + ": " + e.getMessage()));
            } catch (RuntimeException auditFailed) {
                LOG.error(
                        "{} webhook rejection could not be audited ({})",
                        handler.platform(),
                        auditFailed.getClass().getName());
            }
            return new WebhookResult(e.httpStatus(), "text/plain", "rejected", List.of());
        } catch (MalformedPayloadException e) {
            LOG.warn("{} webhook payload dead-lettered: {}", handler.platform(), e.getMessage());
            return deadLettered(
                    handler, request, e.getMessage(), e.getMessage(), DeskEvent.DeadLetterReason.REJECTED_PAYLOAD);
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} webhook handler failed unexpectedly ({}); payload dead-lettered",
                    handler.platform(),
                    e.getClass().getName());
            return deadLettered(
                    handler,
                    request,
                    "the " + handler.platform() + " handler failed unexpectedly: "
                            + e.getClass().getName(),
                    "payload could not be handled",
                    DeskEvent.DeadLetterReason.HANDLER_FAILED);
        }
        try {
            for (Batch b : result.batches()) {
                ingest.ingest(b);
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "{} webhook messages could not be stored ({}); answering 500 so the platform retries",
                    handler.platform(),
                    e.getClass().getName());
            return new WebhookResult(500, "text/plain", "could not store the callback; retry", List.of());
        }
        return result;
    }

    private WebhookResult deadLettered(
            WebhookHandler handler,
            WebhookRequest request,
            String reason,
            String answer,
            DeskEvent.DeadLetterReason kind) {
        try {
            ctx.tx().run(() -> deadLetters.put("webhook:" + handler.platform(), request.bodyAsString(), reason, kind));
        } catch (RuntimeException e) {
            LOG.error(
                    "{} webhook payload could not be dead-lettered ({}); answering 500",
                    handler.platform(),
                    e.getClass().getName());
            return new WebhookResult(500, "text/plain", "could not store the callback; retry", List.of());
        }
        return new WebhookResult(400, "text/plain", answer, List.of());
    }
}
