package org.socialcare.core.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.socialcare.core.domain.Checks;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.port.out.ApprovalGateway;

/**
 * {@link ApprovalGateway} in an insertion-ordered map guarded by one monitor; optionally calls a listener for
 * each submitted request (to page a supervisor). Pending requests are lost when the process stops. Thread-safe.
 */
public final class InMemoryApprovalGateway implements ApprovalGateway {
    private final Map<ReplyId, ApprovalRequest> pending = new LinkedHashMap<>();
    private final Consumer<ApprovalRequest> onSubmit;

    public InMemoryApprovalGateway() {
        this(request -> {});
    }

    /** A gateway that also hands every submitted request to {@code onSubmit} (called outside the lock). */
    public InMemoryApprovalGateway(Consumer<ApprovalRequest> onSubmit) {
        this.onSubmit = Checks.notNull(onSubmit, "onSubmit");
    }

    @Override
    public void submit(ApprovalRequest request) {
        Checks.notNull(request, "request");
        synchronized (this) {
            if (pending.putIfAbsent(request.reply().id(), request) != null) {
                throw new IllegalArgumentException("reply " + request.reply().id() + " is already awaiting approval");
            }
        }
        onSubmit.accept(request);
    }

    @Override
    public synchronized Optional<ApprovalRequest> find(ReplyId reply) {
        return Optional.ofNullable(pending.get(reply));
    }

    @Override
    public synchronized List<ApprovalRequest> pending() {
        return List.copyOf(pending.values());
    }

    @Override
    public synchronized Optional<ApprovalRequest> take(ReplyId reply) {
        return Optional.ofNullable(pending.remove(reply));
    }
}
