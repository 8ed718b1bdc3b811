package org.socialcare.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialcare.testkit.support.ContractRunner.failedTests;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialcare.core.domain.ReplyId;
import org.socialcare.core.domain.reply.ApprovalRequest;
import org.socialcare.core.memory.InMemoryApprovalGateway;
import org.socialcare.core.port.out.ApprovalGateway;
import org.socialcare.testkit.support.PlantedFault;

/**
 * The {@link ApprovalGatewayContract} fails on gateways with planted faults a durable back end could have: a
 * take that reads and then deletes without checking what it deleted, and reasons kept in one
 * comma-separated column.
 */
class ApprovalGatewayContractCatchesFaultsTest {

    @Test
    void gatewayWhoseTakeIsNotAtomicFails() {
        assertThat(failedTests(ReadThenDelete.class))
                .containsExactly("concurrentTakesHandEachRequestToExactlyOneCaller");
    }

    @Test
    void gatewayJoiningReasonsWithCommasFails() {
        assertThat(failedTests(CommaSeparatedReasons.class))
                .containsExactly("submittedRequestIsFoundWithEveryFieldOfItsReplyAndItsReasons");
    }

    @PlantedFault
    static class ReadThenDelete extends ApprovalGatewayContract {
        @Override
        protected ApprovalGateway createGateway() {
            return new Delegating(new InMemoryApprovalGateway()) {
                @Override
                public Optional<ApprovalRequest> take(ReplyId reply) {
                    Optional<ApprovalRequest> found = find(reply);
                    try {
                        Thread.sleep(20); // the window a SELECT followed by an unchecked DELETE leaves open
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    delegate.take(reply);
                    return found;
                }
            };
        }
    }

    @PlantedFault
    static class CommaSeparatedReasons extends ApprovalGatewayContract {
        @Override
        protected ApprovalGateway createGateway() {
            return new Delegating(new InMemoryApprovalGateway()) {
                @Override
                public void submit(ApprovalRequest request) {
                    List<String> reasons =
                            Arrays.asList(String.join(",", request.reasons()).split(","));
                    delegate.submit(new ApprovalRequest(request.reply(), reasons, request.requestedAt()));
                }
            };
        }
    }

    private static class Delegating implements ApprovalGateway {
        final ApprovalGateway delegate;

        Delegating(ApprovalGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public void submit(ApprovalRequest request) {
            delegate.submit(request);
        }

        @Override
        public Optional<ApprovalRequest> find(ReplyId reply) {
            return delegate.find(reply);
        }

        @Override
        public List<ApprovalRequest> pending() {
            return delegate.pending();
        }

        @Override
        public Optional<ApprovalRequest> take(ReplyId reply) {
            return delegate.take(reply);
        }
    }
}
