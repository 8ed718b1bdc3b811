package org.socialcare.facebook;

import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Version;
import com.restfb.exception.FacebookException;
import java.time.Clock;
import java.util.function.Function;
import org.socialcare.core.error.PlatformException;

/**
 * One page's restfb client: the page token travels in the {@code Authorization} header (never in a URL or a
 * logged parameter), every call carries {@code appsecret_proof} (restfb adds it because it is built with the
 * app secret), the Graph base URL and version come from the config (tests point it at an emulator), requests go
 * over {@link JdkWebRequestor} (the JDK HTTP client: a POST is never sent twice by the HTTP layer), and failures
 * come back as redacted {@link PlatformException}s. Response headers are kept per thread so
 * concurrent calls read their own rate-limit headers. Thread-safe. Not API.
 */
final class GraphClient {
    static {
        RestFbLogging.install(); // before any restfb class creates its loggers
    }

    private final String operationPrefix;
    private final DefaultFacebookClient client;
    private final JdkWebRequestor requestor;
    private final GraphErrors errors;
    private final Clock clock;

    GraphClient(FacebookAdapterConfig config, Redactor redactor, Clock clock) {
        this.requestor = new JdkWebRequestor(config.connectTimeout(), config.readTimeout());
        this.client = new DefaultFacebookClient(
                config.pageAccessToken(), config.appSecret(), requestor, new DefaultJsonMapper(), Version.UNVERSIONED);
        this.client.setHeaderAuthorization(true);
        String graph = config.graphBaseUrl() + "/" + config.graphVersion();
        String base = config.graphBaseUrl().toString();
        this.client.setFacebookEndpointUrls(new FacebookEndpoints() {
            @Override
            public String getFacebookEndpoint() {
                return base;
            }

            @Override
            public String getGraphEndpoint() {
                return graph;
            }

            @Override
            public String getGraphVideoEndpoint() {
                return graph;
            }
        });
        this.errors = new GraphErrors(redactor, config.rateLimitWait());
        this.clock = clock;
        this.operationPrefix = "page " + config.pageId() + " ";
    }

    /** Runs one Graph call; {@code operation} names it in errors (no secrets, no customer text). */
    <T> T call(String operation, Function<FacebookClient, T> call) {
        requestor.forget();
        try {
            return call.apply(client);
        } catch (FacebookException e) {
            throw errors.map(operationPrefix + operation, e, requestor.lastHeaders(), clock.instant());
        }
    }

    /**
     * Runs one Graph write: as {@link #call}, but a failure after the request may have reached Facebook is UNKNOWN
     * (see {@link GraphErrors#mapWrite}).
     */
    <T> T write(String operation, Function<FacebookClient, T> call) {
        requestor.forget();
        try {
            return call.apply(client);
        } catch (FacebookException e) {
            throw errors.mapWrite(operationPrefix + operation, e, requestor.lastHeaders(), clock.instant());
        }
    }

    GraphErrors errors() {
        return errors;
    }
}
