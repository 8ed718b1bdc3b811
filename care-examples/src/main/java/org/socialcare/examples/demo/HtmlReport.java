package org.socialcare.examples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the day report as one self-contained HTML page with inline SVG charts: nothing is loaded from the
 * network when it is viewed.
 */
public final class HtmlReport {
    private static final String BLUE = "#2f6db5";
    private static final String GREEN = "#3a9a5b";

    private HtmlReport() {}

    /** Writes {@code index.html} into {@code dir} (created if missing) and returns its path. */
    public static Path write(DayReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("index.html");
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
        return file;
    }

    static String render(DayReport r) {
        StringBuilder h = new StringBuilder();
        h.append(
                        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Northbank care day report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222;background:#fafafa}")
                .append(
                        ".tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;min-width:150px}")
                .append(
                        ".tile b{display:block;font-size:24px}.chart{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px;margin:16px 0}")
                .append("h2{font-size:16px;margin:0 0 8px}</style></head><body>")
                .append("<h1>Northbank social care: day report</h1>")
                .append("<div class=\"tiles\">");
        tile(h, "messages", String.valueOf(r.messages()));
        tile(h, "conversations", String.valueOf(r.conversations()));
        tile(h, "first response p50", r.firstResponseP50().toMinutes() + " min");
        tile(h, "first response p90", r.firstResponseP90().toMinutes() + " min");
        tile(h, "SLA compliance", String.format(Locale.ROOT, "%.1f%%", r.slaCompliance() * 100));
        tile(h, "moves to private", String.valueOf(r.privateMoves()));
        tile(h, "callbacks", String.valueOf(r.callbacks()));
        tile(h, "comments hidden", String.valueOf(r.moderationActions()));
        h.append("</div>");

        chart(h, "Volume per channel", bars(r.volumePerChannel(), BLUE));
        Map<String, Integer> inbound = new LinkedHashMap<>();
        Map<String, Integer> sent = new LinkedHashMap<>();
        for (int i = 0; i < r.inboundPerHour().length; i++) {
            inbound.put(String.format(Locale.ROOT, "%02d:00", 8 + i), r.inboundPerHour()[i]);
            sent.put(String.format(Locale.ROOT, "%02d:00", 8 + i), r.sentPerHour()[i]);
        }
        chart(h, "Messages in (blue) and replies out (green) per hour", pairedColumns(inbound, sent));
        chart(
                h,
                "First response time (minutes, conversations per bucket)",
                columns(histogram(r.firstResponseMinutes()), BLUE));
        chart(
                h,
                "Escalations by reason",
                r.escalationsByReason().isEmpty() ? "<p>none</p>" : bars(r.escalationsByReason(), "#c0392b"));
        h.append("<div class=\"chart\"><h2>Inactive accounts (no answer today)</h2><ul>");
        if (r.inactiveAccounts().isEmpty()) {
            h.append("<li>none</li>");
        }
        r.inactiveAccounts().forEach(a -> h.append("<li>").append(esc(a)).append("</li>"));
        h.append("</ul></div>");
        h.append("<div class=\"chart\"><h2>Channel pauses (kill switch)</h2><ul>");
        if (r.channelPauses().isEmpty()) {
            h.append("<li>none</li>");
        }
        r.channelPauses().forEach(p -> h.append("<li>").append(esc(p)).append("</li>"));
        h.append("</ul></div></body></html>\n");
        return h.toString();
    }

    private static void tile(StringBuilder h, String label, String value) {
        h.append("<div class=\"tile\"><b>")
                .append(esc(value))
                .append("</b>")
                .append(esc(label))
                .append("</div>");
    }

    private static void chart(StringBuilder h, String title, String svg) {
        h.append("<div class=\"chart\"><h2>")
                .append(esc(title))
                .append("</h2>")
                .append(svg)
                .append("</div>");
    }

    /** Horizontal bars, one per entry. */
    static String bars(Map<String, Integer> data, String colour) {
        int max = Math.max(
                1, data.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int rowH = 24;
        int height = data.size() * rowH + 10;
        StringBuilder s = new StringBuilder(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"" + height + "\" role=\"img\">");
        int y = 4;
        for (Map.Entry<String, Integer> e : data.entrySet()) {
            int w = (int) Math.round(480.0 * e.getValue() / max);
            s.append("<text x=\"0\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"12\">")
                    .append(esc(e.getKey()))
                    .append("</text>")
                    .append("<rect x=\"230\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(w)
                    .append("\" height=\"18\" fill=\"")
                    .append(colour)
                    .append("\"/>")
                    .append("<text x=\"")
                    .append(236 + w)
                    .append("\" y=\"")
                    .append(y + 14)
                    .append("\" font-size=\"12\">")
                    .append(e.getValue())
                    .append("</text>");
            y += rowH;
        }
        return s.append("</svg>").toString();
    }

    static String columns(Map<String, Integer> data, String colour) {
        return pairedColumns(data, null, colour);
    }

    static String pairedColumns(Map<String, Integer> a, Map<String, Integer> b) {
        return pairedColumns(a, b, BLUE);
    }

    private static String pairedColumns(Map<String, Integer> a, Map<String, Integer> b, String colour) {
        int max = 1;
        for (int v : a.values()) {
            max = Math.max(max, v);
        }
        if (b != null) {
            for (int v : b.values()) {
                max = Math.max(max, v);
            }
        }
        int slot = Math.max(24, 720 / Math.max(1, a.size()));
        int chartH = 180;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                + (slot * a.size() + 40) + "\" height=\"" + (chartH + 40) + "\" role=\"img\">");
        s.append("<text x=\"0\" y=\"12\" font-size=\"11\">").append(max).append("</text>");
        int x = 30;
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : keys) {
            int barW = b == null ? slot - 6 : (slot - 6) / 2;
            int ha = (int) Math.round((double) chartH * a.get(k) / max);
            s.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(chartH - ha + 16)
                    .append("\" width=\"")
                    .append(barW)
                    .append("\" height=\"")
                    .append(ha)
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\"><title>")
                    .append(esc(k))
                    .append(": ")
                    .append(a.get(k))
                    .append("</title></rect>");
            if (b != null) {
                int hb = (int) Math.round((double) chartH * b.getOrDefault(k, 0) / max);
                s.append("<rect x=\"")
                        .append(x + barW)
                        .append("\" y=\"")
                        .append(chartH - hb + 16)
                        .append("\" width=\"")
                        .append(barW)
                        .append("\" height=\"")
                        .append(hb)
                        .append("\" fill=\"")
                        .append(GREEN)
                        .append("\"><title>")
                        .append(esc(k))
                        .append(": ")
                        .append(b.getOrDefault(k, 0))
                        .append("</title></rect>");
            }
            s.append("<text x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(chartH + 32)
                    .append("\" font-size=\"10\">")
                    .append(esc(k))
                    .append("</text>");
            x += slot;
        }
        return s.append("</svg>").toString();
    }

    static Map<String, Integer> histogram(List<Long> minutes) {
        Map<String, Integer> buckets = new LinkedHashMap<>();
        String[] labels = {"<1", "1-2", "2-3", "3-5", "5-10", "10-15", "15-30", "30-60", "60-120", "120+"};
        long[] upper = {1, 2, 3, 5, 10, 15, 30, 60, 120, Long.MAX_VALUE};
        for (String l : labels) {
            buckets.put(l, 0);
        }
        for (long m : minutes) {
            for (int i = 0; i < upper.length; i++) {
                if (m < upper[i]) {
                    buckets.merge(labels[i], 1, Integer::sum);
                    break;
                }
            }
        }
        return buckets;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
