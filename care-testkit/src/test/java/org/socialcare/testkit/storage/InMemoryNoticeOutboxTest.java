package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryNoticeOutbox;
import org.socialcare.core.port.out.NoticeOutbox;

/** Core's {@link InMemoryNoticeOutbox} passes the {@link NoticeOutboxContract}. */
class InMemoryNoticeOutboxTest extends NoticeOutboxContract {
    @Override
    protected NoticeOutbox createStore() {
        return new InMemoryNoticeOutbox();
    }
}
