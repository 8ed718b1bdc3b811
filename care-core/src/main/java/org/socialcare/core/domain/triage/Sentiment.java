package org.socialcare.core.domain.triage;

/** The tone of a message as triage reads it; the score behind it is in {@link TriageResult#sentimentScore()}. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
