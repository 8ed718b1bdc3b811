package org.socialcare.examples.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelKind;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Priority;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.socialcare.core.domain.escalation.EscalationPolicy;
import org.socialcare.core.domain.guard.HijackGuard;
import org.socialcare.core.domain.routing.RoutingPolicy;
import org.socialcare.core.domain.sla.BusinessCalendar;
import org.socialcare.core.domain.sla.SlaPolicy;
import org.socialcare.core.domain.sla.SlaTargets;

/**
 * Northbank, the fictional bank of the demo: a brand account, a dedicated care account and a cards
 * business-unit account on Twitter, a mortgages account that nobody answers on (it shows up as inactive), a
 * Facebook page with Messenger, two teams and six agents with skills.
 */
public final class BankSetup {
    public static final TeamId SOCIAL_CARE = TeamId.of("social-care");
    public static final TeamId CARDS = TeamId.of("cards");

    public static final ChannelId TWITTER_BRAND = ChannelId.of("twitter-brand");
    public static final ChannelId TWITTER_CARE = ChannelId.of("twitter-care");
    public static final ChannelId TWITTER_CARDS = ChannelId.of("twitter-cards");
    public static final ChannelId TWITTER_MORTGAGES = ChannelId.of("twitter-mortgages");
    public static final ChannelId FACEBOOK_PAGE = ChannelId.of("facebook-page");

    private final List<Channel> channels = List.of(
            Channel.of(TWITTER_BRAND.value(), Platform.TWITTER, "Northbank", "100", ChannelKind.BRAND, SOCIAL_CARE),
            Channel.of(
                    TWITTER_CARE.value(),
                    Platform.TWITTER,
                    "NorthbankHelp",
                    "101",
                    ChannelKind.DEDICATED_CARE,
                    SOCIAL_CARE),
            Channel.of(
                            TWITTER_CARDS.value(),
                            Platform.TWITTER,
                            "NorthbankCards",
                            "102",
                            ChannelKind.BUSINESS_UNIT,
                            CARDS)
                    .withBusinessUnit("cards"),
            Channel.of(
                            TWITTER_MORTGAGES.value(),
                            Platform.TWITTER,
                            "NorthbankHomes",
                            "103",
                            ChannelKind.BUSINESS_UNIT,
                            SOCIAL_CARE)
                    .withBusinessUnit("mortgages"),
            Channel.of(FACEBOOK_PAGE.value(), Platform.FACEBOOK, "Northbank", "500", ChannelKind.BRAND, SOCIAL_CARE));

    private final List<Agent> agents = List.of(
            Agent.of("alice", "Alice Brown", "AB", SOCIAL_CARE)
                    .withSkills(Skills.of(Set.of("en"), Set.of(), true))
                    .withCapacity(10),
            Agent.of("carlos", "Carlos Diaz", "CD", SOCIAL_CARE)
                    .withSkills(Skills.of(Set.of("en", "es"), Set.of(), true))
                    .withCapacity(10),
            Agent.of("dana", "Dana Whyte", "DW", SOCIAL_CARE)
                    .withSkills(Skills.of(Set.of("en"), Set.of("mortgages"), false))
                    .withCapacity(10),
            Agent.of("sam", "Sam Okoro", "SO", SOCIAL_CARE)
                    .withSkills(Skills.of(Set.of("en"), Set.of(), true))
                    .withCapacity(6)
                    .asSupervisor(),
            Agent.of("erin", "Erin Walsh", "EW", CARDS)
                    .withSkills(Skills.of(Set.of("en"), Set.of("cards"), true))
                    .withCapacity(10)
                    .asSupervisor(),
            Agent.of("femi", "Femi Adeyemi", "FA", CARDS)
                    .withSkills(Skills.of(Set.of("en"), Set.of("cards"), false))
                    .withCapacity(10));

    private final Map<ChannelId, String> handles = Map.of(
            TWITTER_BRAND,
            "Northbank",
            TWITTER_CARE,
            "NorthbankHelp",
            TWITTER_CARDS,
            "NorthbankCards",
            TWITTER_MORTGAGES,
            "NorthbankHomes",
            FACEBOOK_PAGE,
            "Northbank");

    public List<Channel> channels() {
        return channels;
    }

    public List<Agent> agents() {
        return agents;
    }

    public List<Team> teams() {
        return List.of(
                Team.of(SOCIAL_CARE.value(), "Social care"), new Team(CARDS, "Cards", java.util.Optional.of("cards")));
    }

    public String handleOf(ChannelId channel) {
        return handles.get(channel);
    }

    /** Opening hours of both teams: weekdays 08:00-20:00 London time, Saturday mornings, UK bank holidays closed. */
    public static BusinessCalendar calendar() {
        return BusinessCalendar.builder(ZoneId.of("Europe/London"))
                .weekdays(LocalTime.of(8, 0), LocalTime.of(20, 0))
                .open(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
                .holidays(List.of(
                        LocalDate.of(2026, 4, 3),
                        LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 5, 4),
                        LocalDate.of(2026, 12, 25)))
                .build();
    }

    /** Response targets in business time: 30 min by default, 10 min for urgent, 15 for high. */
    public static SlaPolicy sla() {
        return SlaPolicy.builder()
                .calendar(calendar())
                .defaults(SlaTargets.of(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(8)))
                .targets(
                        Priority.HIGH,
                        SlaTargets.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(6)))
                .targets(
                        Priority.URGENT,
                        SlaTargets.of(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofHours(4)))
                .build();
    }

    /** The client app of the marketing team's scheduler: its tweets on the brand account are expected (tweets name their app). */
    public static final String MARKETING_APP = "Northbank Scheduler";
    /** The same scheduler's Facebook app id: Facebook names apps by numeric id. */
    public static final String MARKETING_FACEBOOK_APP_ID = "1517776481860111";

    /**
     * A desk builder with Northbank's teams, channels and agents and its policies: skills-based routing (cards
     * questions to the cards team), business-hours SLAs, the recommended escalation rules and the hijack guard.
     */
    public CareDesk.Builder configure(CareDesk.Builder builder) {
        teams().forEach(builder::team);
        channels.forEach(builder::channel);
        agents.forEach(builder::agent);
        return builder.routing(RoutingPolicy.builder()
                        .strategy(RoutingPolicy.Strategy.SKILLS_MATCH)
                        .autoAssign(true)
                        .includeSupervisors(true)
                        .businessUnitTeam("cards", CARDS)
                        .build())
                .slaPolicy(sla())
                .escalation(EscalationPolicy.recommended())
                .hijackGuard(HijackGuard.builder()
                        .allowApp(Platform.TWITTER, MARKETING_APP)
                        .allowApp(Platform.FACEBOOK, MARKETING_FACEBOOK_APP_ID)
                        .build());
    }
}
