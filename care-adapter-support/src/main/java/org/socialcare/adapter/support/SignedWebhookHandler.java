package org.socialcare.adapter.support;

import java.util.Objects;
import org.socialcare.core.error.MalformedPayloadException;
import org.socialcare.core.error.WebhookRejectedException;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;

/**
 * The webhook algorithm every platform shares, so an adapter writes only its platform's parts: {@code GET} is a
 * verification challenge ({@link #answerChallenge}), {@code POST} is first verified ({@link #verify}, before
 * the body is read) and only then parsed ({@link #parse}); any other method is rejected with 405.
 *
 * <p>Errors, as {@link WebhookHandler} promises them: {@link WebhookRejectedException} for a failed
 * verification or challenge (the desk audits it), {@link MalformedPayloadException} naming the field for a
 * verified body that cannot be parsed (the desk dead-letters it). A subclass with no challenge leaves
 * {@link #answerChallenge} alone and {@code GET} is rejected with 405 too.
 *
 * <p>Thread safety: {@link #handle} is as thread-safe as the subclass's three steps; the adapters' handlers are.
 */
public abstract class SignedWebhookHandler implements WebhookHandler {
    private final String name;

    /**
     * @param name what the webhook is called in messages, e.g. "Account Activity" or "Facebook page"
     */
    protected SignedWebhookHandler(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
    }

    /**
     * GET: the challenge, POST: verify then parse, otherwise 405.
     *
     * @throws WebhookRejectedException for a failed verification or an unsupported method
     * @throws MalformedPayloadException for a verified body that cannot be parsed
     */
    @Override
    public final WebhookResult handle(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        return switch (request.method()) {
            case "GET" -> answerChallenge(request);
            case "POST" -> {
                verify(request);
                yield parse(request);
            }
            default -> throw methodNotAllowed(request.method());
        };
    }

    /**
     * Answers the platform's verification challenge (a {@link WebhookResult#challenge}), or rejects it with
     * {@link WebhookRejectedException}. Default: the platform has none, 405.
     */
    protected WebhookResult answerChallenge(WebhookRequest request) {
        throw methodNotAllowed(request.method());
    }

    /**
     * Checks the request's signature over the raw body; returns normally only for an authentic request.
     *
     * @throws WebhookRejectedException (usually 401) naming what is wrong, never a secret
     */
    protected abstract void verify(WebhookRequest request);

    /**
     * Turns a verified callback into the answer and the batches it carries.
     *
     * @throws MalformedPayloadException naming the field for a body that cannot be parsed
     */
    protected abstract WebhookResult parse(WebhookRequest request);

    private WebhookRejectedException methodNotAllowed(String method) {
        return new WebhookRejectedException("method " + method + " is not allowed for " + name + " webhooks", 405);
    }
}
