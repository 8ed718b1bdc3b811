package org.socialcare.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ReplyKind;

/** What the Twitter publisher tells the desk it can do, so the desk refuses the rest when the agent asks. */
class Twitter4jPublisherCapabilitiesTest {
    private final TwitterApi unused = (TwitterApi) Proxy.newProxyInstance(
            TwitterApi.class.getClassLoader(), new Class<?>[] {TwitterApi.class}, (proxy, method, args) -> {
                throw new AssertionError("capabilities must not call the platform: " + method.getName());
            });
    private final Twitter4jChannelPublisher publisher =
            Twitter4jChannelPublisher.builder().account("900", unused).build();

    @Test
    void supportsRepliesMessagesAndDeletesButNotPrivateRepliesOrHiding() {
        EnumSet<ReplyKind> supported = EnumSet.noneOf(ReplyKind.class);
        Arrays.stream(ReplyKind.values()).filter(publisher::supports).forEach(supported::add);

        assertThat(supported)
                .containsExactlyInAnyOrder(
                        ReplyKind.PUBLIC_REPLY, ReplyKind.PRIVATE_MESSAGE, ReplyKind.DELETE_OWN_POST);
    }
}
