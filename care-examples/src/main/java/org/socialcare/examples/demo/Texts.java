package org.socialcare.examples.demo;

import java.util.Random;
import org.socialcare.core.domain.Party;

/** Realistic, fictional texts for the simulated care day (no real card numbers: test numbers only). */
final class Texts {
    private Texts() {}

    // Luhn-valid test card numbers, as customers paste them
    private static final String[] TEST_CARDS = {
        "4539 1488 0343 6467", "5555-5555-5555-4444", "4111111111111111", "3782 822463 10005"
    };

    static String first(Story story, Party author, String handle, Random r) {
        String at = "@" + handle + " ";
        return switch (story) {
            case QUESTION ->
                at
                        + pick(
                                r,
                                "how do I raise my contactless limit in the app?",
                                "what's the cut-off time for same-day transfers?",
                                "is there a fee for using my card abroad?",
                                "how long does a new debit card take to arrive?",
                                "can I change my direct debit date online?");
            case COMPLAINT ->
                at
                        + pick(
                                r,
                                "my transfer has been pending for 3 days and nobody can tell me why. Not good enough.",
                                "charged twice for the same purchase and still no refund after a week",
                                "your app keeps logging me out and I can't pay my rent. Fix it!",
                                "I was promised a call back yesterday and nobody called.");
            case ON_HOLD -> at + "I've been on hold for 40 minutes to report a blocked card. Is anyone there?!";
            case FRAUD ->
                at
                        + pick(
                                r,
                                "someone used my card for purchases I didn't make, please help",
                                "I think I've been scammed, there's a payment to an account I don't know",
                                "got a text asking for my PIN claiming to be you, is this fraud?");
            case LEGAL_THREAT ->
                at
                        + pick(
                                r,
                                "third time I'm asking. If this isn't fixed today I will sue and my lawyer is already involved.",
                                "I'm taking legal action over the charges you refuse to refund.");
            case CARD_IN_PUBLIC ->
                at + "my card " + TEST_CARDS[r.nextInt(TEST_CARDS.length)] + " was declined at the till, why??";
            case PRAISE ->
                at
                        + pick(
                                r,
                                "thank you for sorting my mortgage question so quickly, great service!",
                                "shout out to the team, the new app update is brilliant",
                                "really helpful chat earlier, thanks so much");
            case SPAM ->
                pick(
                        r,
                        at + "EARN $5000 a week from home!!! click bit.ly/fr33-cash-now",
                        at + "crypto giveaway, send 1 BTC get 2 back www.free-btc-gift.example",
                        at + "follow me for followers!!! 100% real");
            case ABUSE ->
                at
                        + pick(
                                r,
                                "you are all idiots and scum, I hope you rot",
                                "useless morons, go to hell the lot of you");
            case HARSH_CRITICISM ->
                at
                        + pick(
                                r,
                                "Worst bank ever. 3 weeks and still no refund. Shameful.",
                                "Your fees are a disgrace and your service is even worse. I'm moving my account.",
                                "Absolutely appalling customer service. Nobody answers the phone.");
            case SPANISH_COMPLAINT ->
                at
                        + pick(
                                r,
                                "llevo una semana esperando el reembolso y nadie me responde. Es una vergüenza.",
                                "me han cobrado dos veces la misma compra, ¿quién me lo devuelve?");
        };
    }

    static String phoneNumber(Random r) {
        return "07700 9" + (10000 + r.nextInt(89999));
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
