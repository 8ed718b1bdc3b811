package org.socialcare.examples.stories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.socialcare.core.domain.AuditAction;
import org.socialcare.core.domain.AuditEntry;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.EscalationNotice;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Platform;
import org.socialcare.core.domain.Visibility;
import org.socialcare.core.port.out.CareStorage;
import org.socialcare.core.port.out.EscalationNotifier;
import org.socialcare.emulators.facebook.GraphApiEmulator;
import org.socialcare.emulators.twitter.TwitterApiEmulator;
import org.socialcare.examples.SimulatedClock;
import org.socialcare.examples.demo.platforms.EmulatorConfigs;
import org.socialcare.facebook.FacebookAdapter;
import org.socialcare.twitter.Twitter4jChannelPublisher;
import org.socialcare.twitter.Twitter4jChannelSource;
import org.socialcare.twitter.TwitterAdapterConfig;

/** Shared pieces of the story tests: Northbank's simulated morning, platform accounts over the emulators, recorders. */
final class StoryKit {
    /** Monday 2 March 2026, 09:00 London (GMT): Northbank's care desk is open. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private StoryKit() {}

    static SimulatedClock clock() {
        return new SimulatedClock(MONDAY_MORNING);
    }

    /** One bank Twitter account played by its own emulator, with the real twitter4j sources and publisher. */
    record TwitterAccount(
            TwitterApiEmulator emulator,
            TwitterAdapterConfig config,
            Twitter4jChannelSource mentions,
            Twitter4jChannelSource directMessages,
            Twitter4jChannelPublisher publisher)
            implements AutoCloseable {

        static TwitterAccount start(ChannelId channel, long accountId, String screenName, SimulatedClock clock) {
            TwitterApiEmulator emulator = TwitterApiEmulator.builder()
                    .account(accountId, screenName)
                    .clock(clock)
                    .start();
            // Status and DM ids are global on Twitter, but every emulator starts at the same id: keep each account's
            // apart.
            emulator.skipIds(accountId * 1_000_000_000L);
            TwitterAdapterConfig config =
                    EmulatorConfigs.twitter(emulator, channel).clock(clock).build();
            return new TwitterAccount(
                    emulator,
                    config,
                    Twitter4jChannelSource.mentions(config),
                    Twitter4jChannelSource.directMessages(config),
                    Twitter4jChannelPublisher.forAccount(config));
        }

        @Override
        public void close() {
            emulator.close();
        }
    }

    /** Northbank's Facebook page played by the Graph API emulator, with the real restfb adapter. */
    record FacebookPage(GraphApiEmulator graph, FacebookAdapter adapter, String appSecret) implements AutoCloseable {
        static final String TOKEN = "EAAB-story-page-token";
        static final String APP_SECRET = "story-app-secret";
        static final String VERIFY_TOKEN = "story-verify-token";

        static FacebookPage start(ChannelId channel, String pageId, String pageName, SimulatedClock clock) {
            try {
                GraphApiEmulator graph = GraphApiEmulator.start(pageId, pageName, TOKEN, APP_SECRET, clock);
                FacebookAdapter adapter = FacebookAdapter.create(
                        clock,
                        EmulatorConfigs.facebook(graph)
                                .channel(channel)
                                .verifyToken(VERIFY_TOKEN)
                                .build());
                return new FacebookPage(graph, adapter, APP_SECRET);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            graph.close();
        }
    }

    /** Records every notice the desk sends to the bank's escalation system. */
    static final class RecordingNotifier implements EscalationNotifier {
        final List<EscalationNotice> notices = new CopyOnWriteArrayList<>();

        @Override
        public void notify(EscalationNotice notice) {
            notices.add(notice);
        }

        List<EscalationNotice> of(EscalationNotice.Kind kind) {
            return notices.stream().filter(n -> n.kind() == kind).toList();
        }
    }

    /** The desk-wide audit lines (not tied to a conversation) with {@code action}. */
    static List<AuditEntry> audited(CareStorage storage, AuditAction action) {
        return storage.audit().recent(10_000).stream()
                .filter(e -> e.action() == action)
                .toList();
    }

    static Party customer(String id, String handle, long followers) {
        return new Party(id, handle, Optional.of(handle), followers, false);
    }

    static InboundMessage publicMessage(
            String id, ChannelId channel, Party author, String text, String language, Instant at) {
        return InboundMessage.builder(MessageKey.of(Platform.TWITTER, id), channel, author)
                .text(text)
                .visibility(Visibility.PUBLIC)
                .createdAt(at)
                .language(language)
                .build();
    }
}
