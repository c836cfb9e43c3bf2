package cn.gongkai.ledger.report.parser;

import java.util.Collection;
import java.util.Optional;

/**
 * Tolerant matching of a cell's text against official labels: whitespace is ignored (labels wrapped or spaced
 * out, {@code 法律 服务 机构}), and typos are tolerated by similarity, twice the longest common subsequence over
 * the sum of the lengths (本年度止件数 ~ 本年废止件数 is 0.83; (一)予以公开 ~ (三)不予公开 is 0.71).
 */
final class Labels {
    /** The least similarity at which a cell is taken for a label. */
    static final double THRESHOLD = 0.8;

    private Labels() {
    }

    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The label among {@code labels} most similar to {@code cell}, if one reaches {@link #THRESHOLD}. */
    static Optional<String> best(String cell, Collection<String> labels) {
        String text = compact(cell);
        String best = null;
        double bestScore = THRESHOLD;
        for (String label : labels) {
            double score = similarity(text, compact(label));
            if (score >= bestScore && (best == null || score > bestScore)) {
                best = label;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int[] previous = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                current[j] = a.charAt(i - 1) == b.charAt(j - 1) ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            previous = current;
        }
        return 2.0 * previous[b.length()] / (a.length() + b.length());
    }
}
