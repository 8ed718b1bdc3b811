package org.socialcare.spring.boot;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.socialcare.core.MessagePolicies;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.escalation.EscalationConfigException;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.sla.BusinessCalendar;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.domain.sla.SlaTargets;
import org.socialcare.core.domain.triage.LanguageRules;
import org.socialcare.core.domain.triage.Triage;
import org.socialcare.core.domain.triage.TriageConfig;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds the desk's SLA policy, escalation rules and triage languages from {@code care.sla.*},
 * {@code care.escalation.*} and {@code care.triage.*}. Each returns empty when its properties are unset (the desk keeps
 * its default); every error is an {@code InvalidConfigurationPropertyValueException} naming the property and the bad
 * value. Stateless.
 */
final class CarePolicies {
    private CarePolicies() {}

    /** The SLA policy of {@code care.sla.*}, or empty when no target or calendar is set. */
    static Optional<SlaPolicy> sla(CareProperties.Sla p, Set<String> channelIds) {
        boolean configured = p.getFirstResponse() != null
                || p.getNextResponse() != null
                || p.getResolution() != null
                || p.getCalendar().getZone() != null
                || !p.getChannels().isEmpty();
        if (!configured) {
            return Optional.empty();
        }
        Duration first = positive("care.sla.first-response", p.getFirstResponse());
        Duration next = p.getNextResponse() == null ? first : positive("care.sla.next-response", p.getNextResponse());
        Optional<Duration> resolution = p.getResolution() == null
                ? Optional.empty()
                : Optional.of(positive("care.sla.resolution", p.getResolution()));
        SlaPolicy.Builder b = SlaPolicy.builder().defaults(new SlaTargets(first, next, resolution));
        try {
            b.atRiskFraction(p.getAtRiskFraction());
        } catch (IllegalArgumentException e) {
            throw CareDeskFactory.invalid("care.sla.at-risk-fraction", p.getAtRiskFraction(), "it must be in (0, 1]");
        }
        calendar("care.sla.calendar", p.getCalendar()).ifPresent(b::calendar);
        for (Map.Entry<String, CareProperties.ChannelSla> e : p.getChannels().entrySet()) {
            String key = "care.sla.channels." + e.getKey();
            if (!channelIds.contains(e.getKey())) {
                throw CareDeskFactory.invalid(
                        key,
                        e.getKey(),
                        "no channel with this id in care.channels; they are " + new TreeSet<>(channelIds));
            }
            CareProperties.ChannelSla c = e.getValue();
            ChannelId channel = ChannelId.of(e.getKey());
            if (c.getFirstResponse() != null || c.getNextResponse() != null || c.getResolution() != null) {
                Duration cFirst =
                        c.getFirstResponse() == null ? first : positive(key + ".first-response", c.getFirstResponse());
                Duration cNext = c.getNextResponse() == null
                        ? (c.getFirstResponse() == null ? next : cFirst)
                        : positive(key + ".next-response", c.getNextResponse());
                Optional<Duration> cResolution = c.getResolution() == null
                        ? resolution
                        : Optional.of(positive(key + ".resolution", c.getResolution()));
                b.targets(channel, new SlaTargets(cFirst, cNext, cResolution));
            }
            calendar(key + ".calendar", c.getCalendar()).ifPresent(cal -> b.calendar(channel, cal));
        }
        return Optional.of(b.build());
    }

    /** The calendar of {@code key}, or empty when its zone is unset (and nothing else is set). */
    static Optional<BusinessCalendar> calendar(String key, CareProperties.Calendar c) {
        if (c.getZone() == null) {
            if (c.getWeekdays() != null
                    || c.getSaturday() != null
                    || c.getSunday() != null
                    || !c.getHolidays().isEmpty()) {
                throw CareDeskFactory.invalid(key + ".zone", null, "opening hours and holidays need the time zone");
            }
            return Optional.empty();
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.getZone());
        } catch (DateTimeException e) {
            throw CareDeskFactory.invalid(key + ".zone", c.getZone(), "not a time zone id (e.g. Europe/Madrid)");
        }
        BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
        if (c.getWeekdays() != null) {
            LocalTime[] h = hours(key + ".weekdays", c.getWeekdays());
            b.weekdays(h[0], h[1]);
        }
        if (c.getSaturday() != null) {
            LocalTime[] h = hours(key + ".saturday", c.getSaturday());
            b.open(DayOfWeek.SATURDAY, h[0], h[1]);
        }
        if (c.getSunday() != null) {
            LocalTime[] h = hours(key + ".sunday", c.getSunday());
            b.open(DayOfWeek.SUNDAY, h[0], h[1]);
        }
        if (c.getWeekdays() == null && c.getSaturday() == null && c.getSunday() == null) {
            throw CareDeskFactory.invalid(
                    key + ".weekdays", null, "a calendar with a time zone needs opening hours (e.g. 08:00-20:00)");
        }
        b.holidays(c.getHolidays());
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            throw CareDeskFactory.invalid(key, c.getZone(), e.getMessage());
        }
    }

    private static LocalTime[] hours(String key, String value) {
        String[] parts = value.trim().split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                LocalTime from = LocalTime.parse(parts[0]);
                LocalTime to = LocalTime.parse(parts[1]);
                if (from.isBefore(to)) {
                    return new LocalTime[] {from, to};
                }
            }
        } catch (DateTimeParseException e) {
            // reported below with the expected form
        }
        throw CareDeskFactory.invalid(key, value, "opening hours are HH:mm-HH:mm with the start before the end");
    }

    /** The rules of {@code care.escalation.rules-file}, or empty when unset. */
    static Optional<EscalationPolicy> escalation(CareProperties.Escalation p, ResourceLoader loader) {
        if (p.getRulesFile() == null || p.getRulesFile().isBlank()) {
            return Optional.empty();
        }
        String key = "care.escalation.rules-file";
        Reader reader = open(key, p.getRulesFile(), loader);
        try (reader) {
            return Optional.of(EscalationPolicy.parse(reader));
        } catch (EscalationConfigException e) {
            throw CareDeskFactory.invalid(key, p.getRulesFile(), e.getMessage());
        } catch (IOException e) {
            throw CareDeskFactory.invalid(key, p.getRulesFile(), "could not be read: " + e.getMessage());
        }
    }

    /** The default policies with the triage languages of {@code care.triage.*}, or empty when unset. */
    static Optional<MessagePolicies> triage(CareProperties.Triage p, ResourceLoader loader) {
        List<String> files = p.getLanguageFiles();
        if (files.isEmpty() && p.getDefaultLanguage() == null) {
            return Optional.empty();
        }
        TriageConfig.Builder config = TriageConfig.ofDefaults().toBuilder();
        for (int i = 0; i < files.size(); i++) {
            String key = "care.triage.language-files[" + i + "]";
            String location = files.get(i);
            Reader reader = open(key, location, loader);
            try (reader) {
                config.language(LanguageRules.load(reader, location));
            } catch (IOException | RuntimeException e) {
                throw CareDeskFactory.invalid(key, location, e.getMessage());
            }
        }
        if (p.getDefaultLanguage() != null) {
            try {
                config.defaultLanguage(p.getDefaultLanguage());
            } catch (RuntimeException e) {
                throw CareDeskFactory.invalid("care.triage.default-language", p.getDefaultLanguage(), e.getMessage());
            }
        }
        TriageConfig built;
        try {
            built = config.build();
        } catch (RuntimeException e) {
            throw CareDeskFactory.invalid(
                    p.getDefaultLanguage() != null ? "care.triage.default-language" : "care.triage.language-files",
                    p.getDefaultLanguage() != null ? p.getDefaultLanguage() : files,
                    e.getMessage());
        }
        return Optional.of(MessagePolicies.builder().triage(Triage.of(built)).build());
    }

    private static Reader open(String key, String location, ResourceLoader loader) {
        Resource resource = loader.getResource(location);
        try {
            if (!resource.exists()) {
                throw CareDeskFactory.invalid(key, location, "no such resource");
            }
            return new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CareDeskFactory.invalid(key, location, "could not be read: " + e.getMessage());
        }
    }

    private static Duration positive(String key, Duration value) {
        if (value == null) {
            throw CareDeskFactory.invalid(key, null, "it must be set when care.sla.* is configured");
        }
        if (value.isZero() || value.isNegative()) {
            throw CareDeskFactory.invalid(key, value, "it must be a positive duration");
        }
        return value;
    }
}
