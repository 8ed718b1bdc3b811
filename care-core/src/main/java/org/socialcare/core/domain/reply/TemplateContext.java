package org.socialcare.core.domain.reply;

import java.util.Map;
import java.util.Optional;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.Party;

/**
 * What a template is filled with: the customer, the agent, the conversation's language (to pick the
 * template's variant) and custom values for placeholders the template adds. Immutable.
 */
public record TemplateContext(Party customer, Agent agent, Optional<String> language, Map<String, String> values) {
    public TemplateContext {
        Checks.notNull(customer, "customer");
        Checks.notNull(agent, "agent");
        Checks.notNull(language, "language");
        values = Map.copyOf(Checks.notNull(values, "values"));
    }

    public static TemplateContext of(Party customer, Agent agent) {
        return new TemplateContext(customer, agent, Optional.empty(), Map.of());
    }

    public TemplateContext withLanguage(String tag) {
        return new TemplateContext(customer, agent, Optional.of(Checks.notBlank(tag, "language")), values);
    }

    public TemplateContext withValues(Map<String, String> more) {
        java.util.Map<String, String> all = new java.util.HashMap<>(values);
        all.putAll(Checks.notNull(more, "values"));
        return new TemplateContext(customer, agent, language, all);
    }
}
