package org.socialcare.examples.demo;

/** What a simulated customer writes about: the mix of a bank's care day. */
public enum Story {
    QUESTION(30),
    COMPLAINT(18),
    ON_HOLD(8),
    FRAUD(6),
    LEGAL_THREAT(3),
    CARD_IN_PUBLIC(4),
    PRAISE(10),
    SPAM(6),
    ABUSE(3),
    HARSH_CRITICISM(6),
    SPANISH_COMPLAINT(6);

    private final int weight;

    Story(int weight) {
        this.weight = weight;
    }

    int weight() {
        return weight;
    }
}
