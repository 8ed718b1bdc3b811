package org.socialcare.core.domain;

import java.util.Set;

/**
 * What an agent can handle: languages (BCP 47 primary tags such as "en", "es"), business units, and
 * whether they are trained for formal complaints. Immutable.
 */
public record Skills(Set<String> languages, Set<String> businessUnits, boolean complaintHandling) {
    public Skills {
        languages = Set.copyOf(Checks.notNull(languages, "languages"));
        businessUnits = Set.copyOf(Checks.notNull(businessUnits, "businessUnits"));
    }

    public static Skills of(Set<String> languages, Set<String> businessUnits, boolean complaintHandling) {
        return new Skills(languages, businessUnits, complaintHandling);
    }

    public static Skills none() {
        return new Skills(Set.of(), Set.of(), false);
    }
}
