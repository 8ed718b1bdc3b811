package org.socialcare.core.port.in;

/**
 * Every primary port of a desk in one type, for callers that hold the whole desk (an application's bean, a
 * console): {@link IngestMessages}, {@link WorkConversations}, {@link SendReplies}, {@link DecideApprovals},
 * {@link DispatchReplies}, {@link DeliverNotices}, {@link OperateDesk} and {@link ReadDesk}. Callers that need one use case should
 * depend on its port alone. {@code CareDesk} implements it. Implementations are thread-safe.
 */
public interface CareUseCases
        extends IngestMessages,
                WorkConversations,
                SendReplies,
                DecideApprovals,
                DispatchReplies,
                DeliverNotices,
                OperateDesk,
                ReadDesk {}
