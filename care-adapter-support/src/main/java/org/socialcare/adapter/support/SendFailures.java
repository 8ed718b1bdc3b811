package org.socialcare.adapter.support;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;

/**
 * Tells a network failure that happened before a request left (nothing reached the platform: it can be sent
 * again safely) from one that may have happened after (a read timeout, a reset or dropped connection: the
 * platform may have acted on it, so a publisher reports the outcome as unknown). Pure; thread-safe.
 */
public final class SendFailures {
    private SendFailures() {}

    /**
     * Whether {@code failure} (or a cause of it) is a failure to connect: connection refused, no route, unknown
     * host, a connect timeout. Anything else, including {@code null}, may have come after the request was sent.
     */
    public static boolean nothingSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException
                    || t instanceof HttpConnectTimeoutException) {
                return true;
            }
            if (t instanceof SocketTimeoutException
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }
}
