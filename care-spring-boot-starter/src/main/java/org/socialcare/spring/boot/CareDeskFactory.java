package org.socialcare.spring.boot;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.Channel;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.ChannelState;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Presence;
import org.socialcare.core.domain.Skills;
import org.socialcare.core.domain.Team;
import org.socialcare.core.domain.TeamId;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns {@link CareProperties} into the desk's teams, agents and channels, checking each against the others.
 * Every error is an {@link InvalidConfigurationPropertyValueException} naming the property (for example {@code
 * care.channels[0].team}) and the bad value; Spring Boot's failure analyzer prints it at startup. Stateless.
 */
final class CareDeskFactory {
    private CareDeskFactory() {}

    /** Adds the configured teams, agents and channels to {@code builder}. */
    static CareDesk.Builder configure(CareDesk.Builder builder, CareProperties properties) {
        Set<String> teams = new HashSet<>();
        List<CareProperties.TeamProperties> teamList = properties.getTeams();
        for (int i = 0; i < teamList.size(); i++) {
            CareProperties.TeamProperties t = teamList.get(i);
            String key = "care.teams[" + i + "]";
            String id = required(key + ".id", t.getId());
            if (!teams.add(id)) {
                throw invalid(key + ".id", id, "another team has this id");
            }
            builder.team(new Team(
                    TeamId.of(id), t.getName() == null ? id : t.getName(), Optional.ofNullable(t.getBusinessUnit())));
        }
        List<CareProperties.AgentProperties> agents = properties.getAgents();
        for (int i = 0; i < agents.size(); i++) {
            CareProperties.AgentProperties a = agents.get(i);
            String key = "care.agents[" + i + "]";
            String id = required(key + ".id", a.getId());
            String team = knownTeam(key + ".team", a.getTeam(), teams);
            String initials = required(key + ".initials", a.getInitials());
            Agent agent = new Agent(
                    org.socialcare.core.domain.AgentId.of(id),
                    a.getName() == null ? id : a.getName(),
                    initials,
                    TeamId.of(team),
                    Skills.none(),
                    5,
                    Presence.ONLINE,
                    a.isSupervisor());
            builder.agent(agent);
        }
        Set<String> channelIds = new HashSet<>();
        List<CareProperties.ChannelProperties> channels = properties.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channel(channels.get(i), "care.channels[" + i + "]", teams, channelIds);
            builder.channel(channel);
            if (channels.get(i).isReceiveOnly()) {
                builder.receiveOnly(channel.id());
            }
        }
        return builder;
    }

    static Channel channel(CareProperties.ChannelProperties c, String key, Set<String> teams, Set<String> seen) {
        String id = required(key + ".id", c.getId());
        if (!seen.add(id)) {
            throw invalid(key + ".id", id, "another channel has this id");
        }
        if (c.getKind() == null) {
            throw invalid(key + ".kind", null, "a channel needs its kind");
        }
        String team = knownTeam(key + ".team", c.getTeam(), teams);
        return new Channel(
                ChannelId.of(id),
                platform(key + ".platform", c.getPlatform()),
                required(key + ".handle", c.getHandle()),
                required(key + ".account-id", c.getAccountId()),
                c.getKind(),
                TeamId.of(team),
                Optional.ofNullable(c.getBusinessUnit()),
                ChannelState.ACTIVE);
    }

    /** The channel's platform, {@code twitter}, {@code facebook} or a custom name. */
    static Platform platform(String key, String value) {
        String name = required(key, value);
        try {
            return Platform.of(name.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, e.getMessage());
        }
    }

    private static String knownTeam(String key, String team, Set<String> teams) {
        String value = required(key, team);
        if (!teams.contains(value)) {
            throw invalid(key, value, "no team with this id in care.teams");
        }
        return value;
    }

    static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(key, value, "it must be set");
        }
        return value;
    }

    static InvalidConfigurationPropertyValueException invalid(String key, Object value, String reason) {
        return new InvalidConfigurationPropertyValueException(key, value, reason);
    }
}
