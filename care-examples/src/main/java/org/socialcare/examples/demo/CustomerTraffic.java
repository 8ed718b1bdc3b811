package org.socialcare.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.socialcare.core.domain.ChannelId;
import org.socialcare.core.domain.Party;
import org.socialcare.core.domain.Visibility;

/**
 * Generates a reproducible care day: {@code count} first messages from a pool of customers over the opening
 * hours, with a morning and an after-lunch peak, a seeded mix of {@link Story stories}, a few influential
 * authors and channels chosen as customers do (cards questions to the cards account, abuse and harsh
 * criticism mostly as Facebook comments). Same seed, same day.
 */
public final class CustomerTraffic {
    private static final String[] FIRST = {
        "Anna", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jack", "Kemi", "Liam", "Maya",
        "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Yusuf", "Zoe"
    };
    private static final String[] LAST = {
        "Smith", "Jones", "Garcia", "Patel", "Okafor", "Nowak", "Rossi", "Khan", "Murphy", "Chen"
    };

    private final Random random;
    private final BankSetup bank;

    public CustomerTraffic(long seed, BankSetup bank) {
        this.random = new Random(seed);
        this.bank = bank;
    }

    /** The day's first messages, in time order. */
    public List<SimulatedMessage> day(Instant opening, Duration length, int count) {
        int customers = Math.max(10, count * 2 / 3);
        List<Party> pool = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            long followers = random.nextDouble() < 0.02
                    ? 50_000 + random.nextInt(950_000)
                    : (long) Math.abs(random.nextGaussian() * 400);
            boolean verified = followers > 100_000 && random.nextBoolean();
            pool.add(new Party(
                    String.valueOf(2_000_000 + i),
                    (first + "_" + last + i).toLowerCase(Locale.ROOT),
                    Optional.of(first + " " + last),
                    followers,
                    verified));
        }
        List<SimulatedMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Story story = pick();
            Party author = pool.get(random.nextInt(pool.size()));
            ChannelId channel = channelFor(story);
            Visibility visibility = channel.equals(BankSetup.FACEBOOK_PAGE)
                            && random.nextInt(4) == 0
                            && story != Story.ABUSE
                            && story != Story.CARD_IN_PUBLIC
                            && story != Story.HARSH_CRITICISM
                    ? Visibility.PRIVATE
                    : Visibility.PUBLIC;
            out.add(new SimulatedMessage(
                    "m" + i,
                    opening.plus(timeOfDay(length)),
                    channel,
                    author,
                    visibility,
                    Texts.first(story, author, bank.handleOf(channel), random),
                    story,
                    Optional.empty()));
        }
        out.sort(Comparator.comparing(SimulatedMessage::at).thenComparing(SimulatedMessage::id));
        return out;
    }

    private Story pick() {
        int total = 0;
        for (Story s : Story.values()) {
            total += s.weight();
        }
        int r = random.nextInt(total);
        for (Story s : Story.values()) {
            r -= s.weight();
            if (r < 0) {
                return s;
            }
        }
        return Story.QUESTION;
    }

    private ChannelId channelFor(Story story) {
        int r = random.nextInt(100);
        return switch (story) {
            case ABUSE, HARSH_CRITICISM -> r < 70 ? BankSetup.FACEBOOK_PAGE : BankSetup.TWITTER_BRAND;
            case CARD_IN_PUBLIC -> r < 50 ? BankSetup.FACEBOOK_PAGE : BankSetup.TWITTER_CARDS;
            case FRAUD -> r < 50 ? BankSetup.TWITTER_CARDS : r < 80 ? BankSetup.TWITTER_CARE : BankSetup.FACEBOOK_PAGE;
            case QUESTION ->
                r < 30
                        ? BankSetup.TWITTER_CARE
                        : r < 55 ? BankSetup.TWITTER_CARDS : r < 80 ? BankSetup.FACEBOOK_PAGE : BankSetup.TWITTER_BRAND;
            default ->
                r < 35
                        ? BankSetup.TWITTER_CARE
                        : r < 55 ? BankSetup.TWITTER_BRAND : r < 75 ? BankSetup.FACEBOOK_PAGE : BankSetup.TWITTER_CARDS;
        };
    }

    /** Two peaks: mid-morning and after lunch, over a flat base. */
    private Duration timeOfDay(Duration length) {
        return Duration.ofSeconds((long) (dayFraction(random) * length.toSeconds()));
    }

    /**
     * When in a care day a customer writes, as a fraction of the day in [0, 1): a mid-morning peak (35%), an
     * after-lunch peak (30%) and a flat base; drawn from {@code random}.
     */
    public static double dayFraction(Random random) {
        double r = random.nextDouble();
        if (r < 0.35) {
            return clamp(0.2 + random.nextGaussian() * 0.08);
        } else if (r < 0.65) {
            return clamp(0.55 + random.nextGaussian() * 0.1);
        }
        return random.nextDouble();
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(0.999, x));
    }
}
