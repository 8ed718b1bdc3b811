package org.socialcare.core.domain;

import java.util.Optional;

/**
 * A bank's presence on a platform: a Twitter account or a Facebook page, with the team that owns it.
 *
 * <p>Immutable; {@link #paused()} and {@link #resumed()} return changed copies. {@code handle} is the
 * account's screen name or page name; {@code platformAccountId} is the platform's own id of the account
 * (the Twitter user id, the Facebook page id), used to recognise the bank's own posts.
 */
public record Channel(
        ChannelId id,
        Platform platform,
        String handle,
        String platformAccountId,
        ChannelKind kind,
        TeamId team,
        Optional<String> businessUnit,
        ChannelState state) {

    public Channel {
        Checks.notNull(id, "id");
        Checks.notNull(platform, "platform");
        Checks.notBlank(handle, "handle");
        Checks.notBlank(platformAccountId, "platformAccountId");
        Checks.notNull(kind, "kind");
        Checks.notNull(team, "team");
        Checks.notNull(businessUnit, "businessUnit");
        Checks.notNull(state, "state");
    }

    /** An ACTIVE channel with no business unit. */
    public static Channel of(
            String id, Platform platform, String handle, String platformAccountId, ChannelKind kind, TeamId team) {
        return new Channel(
                ChannelId.of(id),
                platform,
                handle,
                platformAccountId,
                kind,
                team,
                Optional.empty(),
                ChannelState.ACTIVE);
    }

    public Channel withBusinessUnit(String unit) {
        return new Channel(
                id,
                platform,
                handle,
                platformAccountId,
                kind,
                team,
                Optional.of(Checks.notBlank(unit, "businessUnit")),
                state);
    }

    public Channel paused() {
        return new Channel(id, platform, handle, platformAccountId, kind, team, businessUnit, ChannelState.PAUSED);
    }

    public Channel resumed() {
        return new Channel(id, platform, handle, platformAccountId, kind, team, businessUnit, ChannelState.ACTIVE);
    }

    public boolean isActive() {
        return state == ChannelState.ACTIVE;
    }
}
