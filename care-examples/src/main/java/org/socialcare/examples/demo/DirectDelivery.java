package org.socialcare.examples.demo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Batch;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.InboundMessage;
import org.socialcare.core.domain.MessageKey;
import org.socialcare.core.domain.OwnMessage;
import org.socialcare.core.domain.Visibility;

/** Delivers simulated messages straight into {@link CareDesk#ingest}, as an in-house channel would. */
public final class DirectDelivery implements Delivery {
    private final CareDesk desk;

    public DirectDelivery(CareDesk desk) {
        this.desk = desk;
    }

    @Override
    public void post(List<SimulatedMessage> messages) {
        if (!messages.isEmpty()) {
            desk.ingest(Batch.of(messages.stream().map(m -> toInbound(desk, m)).toList()));
        }
    }

    @Override
    public void pump() {}

    @Override
    public void postAsAccount(ChannelId channel, String text, String appName, Instant at) {
        MessageKey key = MessageKey.of(desk.channel(channel).platform(), "own-" + at.toEpochMilli());
        desk.ingest(Batch.empty()
                .withOwnMessages(List.of(new OwnMessage(
                        key, channel, text, Visibility.PUBLIC, Optional.empty(), at, Optional.of(appName)))));
    }

    static InboundMessage toInbound(CareDesk desk, SimulatedMessage m) {
        return InboundMessage.builder(
                        MessageKey.of(desk.channel(m.channel()).platform(), m.id()), m.channel(), m.author())
                .text(m.text())
                .visibility(m.visibility())
                .inReplyTo(m.inReplyTo().orElse(null))
                .createdAt(m.at())
                .language(m.story() == Story.SPANISH_COMPLAINT ? "es" : "en")
                .build();
    }
}
