package org.socialcare.core.domain;

/** What a customer's message is about, as triage classifies it. */
public enum Category {
    COMPLAINT,
    QUESTION,
    PRAISE,
    SPAM,
    OTHER
}
