package org.socialcare.twitter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialcare.core.error.MalformedPayloadException;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.Status;
import twitter4j.v1.URLEntity;
import twitter4j.v1.User;
import twitter4j.v1.UserMentionEntity;

/** Turns twitter4j's v1.1 objects into the adapter's client-neutral {@link Tweet} and {@link DirectMessageEvent}. */
final class Twitter4jConversions {
    private Twitter4jConversions() {}

    /** @throws MalformedPayloadException naming the field when the status lacks an id, author or creation time */
    static Tweet tweet(Status s) {
        return tweet(s, "");
    }

    /** @param at the JSON path of the status in its payload, prefixed to field names in errors ("" at the root) */
    static Tweet tweet(Status s, String at) {
        if (s.getId() <= 0) {
            throw new MalformedPayloadException(field(at, "id"), "status has no positive id");
        }
        if (s.getUser() == null) {
            throw new MalformedPayloadException(field(at, "user"), "status " + s.getId() + " has no user object");
        }
        if (s.getCreatedAt() == null) {
            throw new MalformedPayloadException(
                    field(at, "created_at"), "status " + s.getId() + " has no creation time");
        }
        List<String> mentions = new ArrayList<>();
        for (UserMentionEntity m : s.getUserMentionEntities()) {
            if (m.getScreenName() != null) {
                mentions.add(m.getScreenName());
            }
        }
        return new Tweet(
                s.getId(),
                user(s.getUser(), field(at, "user")),
                expandUrls(s.getText() == null ? "" : s.getText(), s.getURLEntities()),
                s.getInReplyToStatusId() > 0 ? OptionalLong.of(s.getInReplyToStatusId()) : OptionalLong.empty(),
                instant(s.getCreatedAt()),
                language(s.getLang()),
                appName(s.getSource()),
                s.getRetweetedStatus() != null && s.getRetweetedStatus().getId() > 0
                        ? OptionalLong.of(s.getRetweetedStatus().getId())
                        : OptionalLong.empty(),
                mentions);
    }

    /** @throws MalformedPayloadException when the user has no positive id */
    static TwitterUser user(User u, String field) {
        if (u.getId() <= 0) {
            throw new MalformedPayloadException(field + ".id", "user has no positive id");
        }
        return new TwitterUser(
                u.getId(),
                u.getScreenName() == null ? "" : u.getScreenName(),
                Optional.ofNullable(u.getName()),
                u.getFollowersCount(),
                u.isVerified());
    }

    /**
     * @param sender the full sender when the payload had one; otherwise the id-only user is used
     * @throws MalformedPayloadException naming the field when the message lacks an id, sender or time
     */
    static DirectMessageEvent directMessage(DirectMessage d, Optional<TwitterUser> sender, Optional<String> sourceApp) {
        return directMessage(d, sender, sourceApp, "");
    }

    static DirectMessageEvent directMessage(
            DirectMessage d, Optional<TwitterUser> sender, Optional<String> sourceApp, String at) {
        if (d.getId() <= 0) {
            throw new MalformedPayloadException(field(at, "id"), "direct message has no positive id");
        }
        if (d.getSenderId() <= 0) {
            throw new MalformedPayloadException(
                    field(at, "sender_id"), "direct message " + d.getId() + " has no sender");
        }
        if (d.getCreatedAt() == null) {
            throw new MalformedPayloadException(
                    field(at, "created_timestamp"), "direct message " + d.getId() + " has no creation time");
        }
        TwitterUser from = sender.filter(u -> u.id() == d.getSenderId()).orElse(TwitterUser.idOnly(d.getSenderId()));
        return new DirectMessageEvent(
                d.getId(),
                from,
                d.getRecipientId(),
                expandUrls(d.getText() == null ? "" : d.getText(), d.getURLEntities()),
                instant(d.getCreatedAt()),
                sourceApp);
    }

    static String field(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    /** twitter4j 4.1 hands out local date-times in the JVM's default zone; this undoes that. */
    static Instant instant(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).toInstant();
    }

    static String expandUrls(String text, URLEntity[] urls) {
        String out = text;
        for (URLEntity u : urls) {
            String shortUrl = u.getURL();
            String expanded = u.getExpandedURL();
            if (shortUrl != null && !shortUrl.isEmpty() && expanded != null && !expanded.isEmpty()) {
                out = out.replace(shortUrl, expanded);
            }
        }
        return out;
    }

    static Optional<String> language(String lang) {
        return Optional.ofNullable(lang).filter(l -> !l.isBlank() && !l.equals("und"));
    }

    /** The app's name from a tweet's {@code source} ("web" or an HTML link to the app). */
    static Optional<String> appName(String source) {
        if (source == null) {
            return Optional.empty();
        }
        String name = source.replaceAll("<[^>]*>", "").trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
