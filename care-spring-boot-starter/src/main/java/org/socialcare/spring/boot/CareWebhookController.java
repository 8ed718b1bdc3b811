package org.socialcare.spring.boot;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.port.in.WebhookRequest;
import org.socialcare.core.port.in.WebhookResult;
import org.socialcare.core.port.out.WebhookHandler;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platforms' webhook endpoints in Spring MVC: {@code GET} and {@code POST} on {@code
 * ${care.webhook.path}/twitter} and {@code .../facebook} (the platform name in lower case), each handed as a
 * {@link WebhookRequest} with the raw body bytes to {@link CareDesk#webhook} with that platform's {@link
 * WebhookHandler}; the desk's {@link WebhookResult} is the answer (CRC and verify challenges, 403 on a bad
 * signature, 500 to make the platform retry). 404 for a platform with no handler. Thread-safe.
 */
@RestController
@RequestMapping("${care.webhook.path:/care/webhooks}")
public class CareWebhookController {
    private final CareDesk desk;
    private final Map<String, WebhookHandler> handlers;

    public CareWebhookController(CareDesk desk, List<WebhookHandler> handlers) {
        this.desk = desk;
        Map<String, WebhookHandler> byName = new LinkedHashMap<>();
        handlers.forEach(h -> byName.putIfAbsent(name(h.platform()), h));
        this.handlers = Collections.unmodifiableMap(byName);
    }

    static String name(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }

    /** The platforms served, by path segment. */
    public Map<String, WebhookHandler> handlers() {
        return handlers;
    }

    @RequestMapping(
            path = "/{platform}",
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<String> webhook(
            @PathVariable("platform") String platform,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest http) {
        WebhookHandler handler = handlers.get(platform);
        if (handler == null) {
            return ResponseEntity.notFound().build();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(http.getHeaders(name))));
        }
        Map<String, String> query = new LinkedHashMap<>();
        http.getParameterMap().forEach((k, v) -> {
            if (v.length > 0) {
                query.put(k, v[0]);
            }
        });
        WebhookResult result = desk.webhook(
                handler,
                new WebhookRequest(
                        http.getMethod(), http.getRequestURI(), headers, query, body == null ? new byte[0] : body));
        return ResponseEntity.status(result.status())
                .contentType(MediaType.parseMediaType(result.contentType()))
                .body(result.body());
    }
}
