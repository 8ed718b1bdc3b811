package org.socialcare.adapter.support;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** How a signature header writes the MAC bytes: lower-case hex (Facebook) or standard base64 (Twitter). */
public enum SignatureEncoding {
    /** Lower-case hexadecimal, two digits a byte; decoding accepts either case. */
    HEX("hex digits") {
        @Override
        public String encode(byte[] mac) {
            return HexFormat.of().formatHex(mac);
        }

        @Override
        public Optional<byte[]> decode(String text) {
            try {
                return Optional.of(HexFormat.of().parseHex(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    },
    /** Standard base64 with padding (RFC 4648 section 4). */
    BASE64("base64") {
        @Override
        public String encode(byte[] mac) {
            return Base64.getEncoder().encodeToString(mac);
        }

        @Override
        public Optional<byte[]> decode(String text) {
            try {
                return Optional.of(Base64.getDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    };

    private final String description;

    SignatureEncoding(String description) {
        this.description = description;
    }

    /** The MAC written in this encoding. */
    public abstract String encode(byte[] mac);

    /** The bytes {@code text} encodes, or empty if it is not in this encoding. */
    public abstract Optional<byte[]> decode(String text);

    /** What a reader should see in an error message, e.g. "hex digits". */
    public String description() {
        return description;
    }
}
