package org.socialcare.spring.boot;

import java.util.Optional;
import java.util.stream.Stream;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Channel;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;

/**
 * The {@code care} health contributor: one {@link CareChannelHealth} per channel the desk has now (read at each
 * call, so a channel an operator adds or retires at run time appears or leaves without a restart) and, when there
 * is a runtime, its {@link CareRuntimeHealth} under {@value #RUNTIME}. Thread-safe.
 */
final class CareHealthContributors implements CompositeHealthContributor {
    /** The name of the runtime's entry; a channel with this id is shadowed by it. */
    static final String RUNTIME = "desk-runtime";

    private final CareDesk desk;
    private final Optional<CareRuntimeHealth> runtime;

    CareHealthContributors(CareDesk desk, Optional<CareRuntimeHealth> runtime) {
        this.desk = desk;
        this.runtime = runtime;
    }

    @Override
    public HealthContributor getContributor(String name) {
        if (RUNTIME.equals(name) && runtime.isPresent()) {
            return runtime.get();
        }
        return desk.channels().stream()
                .filter(c -> c.id().value().equals(name))
                .findFirst()
                .<HealthContributor>map(c -> new CareChannelHealth(desk, c.id()))
                .orElse(null); // Actuator's contract: null for a name it does not have
    }

    @Override
    public Stream<HealthContributors.Entry> stream() {
        Stream<HealthContributors.Entry> channels = desk.channels().stream()
                .map(Channel::id)
                .filter(id -> runtime.isEmpty() || !id.value().equals(RUNTIME))
                .map(id -> new HealthContributors.Entry(id.value(), new CareChannelHealth(desk, id)));
        return Stream.concat(channels, runtime.stream().map(r -> new HealthContributors.Entry(RUNTIME, r)));
    }
}
