package org.socialcare.testkit.storage;

import org.socialcare.core.memory.InMemoryApprovalGateway;
import org.socialcare.core.port.out.ApprovalGateway;

/** Core's {@link InMemoryApprovalGateway} passes the {@link ApprovalGatewayContract}. */
class InMemoryApprovalGatewayTest extends ApprovalGatewayContract {
    @Override
    protected ApprovalGateway createGateway() {
        return new InMemoryApprovalGateway();
    }
}
