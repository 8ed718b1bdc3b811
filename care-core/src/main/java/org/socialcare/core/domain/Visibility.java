package org.socialcare.core.domain;

/** PUBLIC: anyone can read it (a tweet, a page comment). PRIVATE: only the customer and the bank (a DM, Messenger). */
public enum Visibility {
    PUBLIC,
    PRIVATE
}
