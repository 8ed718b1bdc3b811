package org.socialcare.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialcare.core.error.PlatformException.Kind;

class GraphErrorsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private final GraphErrors errors = new GraphErrors(Redactor.generic(), Duration.ofMinutes(10));

    @Test
    void mapsGraphCodesToKinds() {
        assertThat(GraphErrors.kindOf(4, null, false, 400)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(GraphErrors.kindOf(17, null, false, 400)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(GraphErrors.kindOf(32, null, false, 400)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(GraphErrors.kindOf(613, null, false, 400)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(GraphErrors.kindOf(80001, null, false, 400)).isEqualTo(Kind.RATE_LIMITED);
        assertThat(GraphErrors.kindOf(190, 463, false, 400)).isEqualTo(Kind.AUTH_FAILED);
        assertThat(GraphErrors.kindOf(10, 2018278, false, 400)).isEqualTo(Kind.OUTSIDE_WINDOW);
        assertThat(GraphErrors.kindOf(10, null, false, 403)).isEqualTo(Kind.PERMISSION);
        assertThat(GraphErrors.kindOf(200, null, false, 403)).isEqualTo(Kind.PERMISSION);
        assertThat(GraphErrors.kindOf(368, null, false, 400)).isEqualTo(Kind.PERMISSION);
        assertThat(GraphErrors.kindOf(506, null, false, 400)).isEqualTo(Kind.DUPLICATE);
        assertThat(GraphErrors.kindOf(100, 33, false, 400)).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(GraphErrors.kindOf(2, null, true, 500)).isEqualTo(Kind.TRANSIENT);
        assertThat(GraphErrors.kindOf(1, null, false, 500)).isEqualTo(Kind.TRANSIENT);
        assertThat(GraphErrors.kindOf(9999, null, true, 400)).isEqualTo(Kind.TRANSIENT);
        assertThat(GraphErrors.kindOf(9999, null, false, 503)).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void retryAtTakesTheLongestEstimateFromTheUsageHeaders() {
        Map<String, List<String>> headers = Map.of(
                "X-Business-Use-Case-Usage",
                        List.of(
                                "{\"112\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":3},"
                                        + "{\"type\":\"messenger\",\"call_count\":90,\"estimated_time_to_regain_access\":9}]}"),
                "X-App-Usage", List.of("{\"call_count\":100,\"total_cputime\":10,\"total_time\":10}"));

        assertThat(errors.retryAt(headers, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(9)));
    }

    @Test
    void retryAtFallsBackWhenTheHeadersHaveNoEstimateOrAreGarbage() {
        assertThat(errors.retryAt(Map.of("x-app-usage", List.of("{\"call_count\":100}")), NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(errors.retryAt(Map.of("X-Business-Use-Case-Usage", List.of("not json")), NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(errors.retryAt(Map.of(), NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void redactorRemovesCredentialsWhereverTheyAre() {
        Redactor r = Redactor.of(List.of(TestPages.config()));

        assertThat(r.redact("GET /feed?access_token=EAAB123&limit=2 and " + TestPages.APP_SECRET))
                .isEqualTo("GET /feed?access_token=***&limit=2 and ***");
        assertThat(r.redact("{\"access_token\":\"EAAB123\"} Authorization: Bearer EAAB1234567890"))
                .isEqualTo("{\"access_token\":\"***\"} Authorization: Bearer ***");
        assertThat(r.redact("appsecret_proof%3Dabcdef0123")).isEqualTo("appsecret_proof%3D***");
    }
}
