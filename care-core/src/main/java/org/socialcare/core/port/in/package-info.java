/**
 * The primary ports: what applications call on a desk, one interface per use case ({@link
 * org.socialcare.core.port.in.IngestMessages}, {@link org.socialcare.core.port.in.WorkConversations}, {@link
 * org.socialcare.core.port.in.SendReplies}, {@link org.socialcare.core.port.in.DecideApprovals}, {@link
 * org.socialcare.core.port.in.DispatchReplies}, {@link org.socialcare.core.port.in.OperateDesk}, {@link
 * org.socialcare.core.port.in.ReadDesk}), all implemented by {@code CareDesk}, and the values they take and
 * return: webhook requests and results, ingest, poll, sweep and dispatch results.
 */
package org.socialcare.core.port.in;
