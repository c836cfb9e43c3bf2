package cn.gongkai.ledger.infra.bench;

import java.util.List;
import java.util.Locale;

/**
 * One line of the results: a measure and its baseline, both taken in the same rounds of the same run, in
 * {@code unit}; the ratio is computed per round and summarised by its median and its min–max over the rounds.
 *
 * @param rounds how the samples were taken, e.g. {@code 5 × 30}
 */
record ResultRow(String measure, String baseline, Samples measured, Samples base, Samples ratio, String unit,
                 String rounds) {

    /** Measure and baseline per round (same length, same order); the ratio per round is measure / baseline. */
    static ResultRow perRound(String measure, String baseline, List<Double> measured, List<Double> base, String unit,
                              String rounds) {
        return new ResultRow(measure, baseline, Samples.of(measured), Samples.of(base), Samples.ratios(measured, base),
                unit, rounds);
    }

    static final String HEADER = """
            | measure | baseline | measure, median | baseline, median | ratio, median | ratio min–max | rounds |
            |---|---|--:|--:|--:|--:|--:|""";

    /** A line that says something instead of measuring it (a baseline skipped, and why). */
    static ResultRow note(String text) {
        return new ResultRow(text, "–", null, null, null, "", "–");
    }

    String markdown() {
        if (ratio == null) {
            return "| " + measure + " | – | – | – | – | – | – |";
        }
        return "| " + measure + " | " + baseline + " | " + number(measured.median()) + " " + unit + " | "
                + number(base.median()) + " " + unit + " | **" + number(ratio.median()) + "×** | "
                + (ratio.size() < 2 ? "–" : number(ratio.min()) + "–" + number(ratio.max())) + " | " + rounds + " |";
    }

    /** Three significant digits or so, without an exponent. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }
}
