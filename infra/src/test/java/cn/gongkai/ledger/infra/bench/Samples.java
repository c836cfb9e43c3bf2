package cn.gongkai.ledger.infra.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Values of one quantity, typically one per round, summarised by their median and their spread (min–max). */
record Samples(List<Double> values) {
    Samples {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        values = List.copyOf(sorted);
    }

    static Samples of(List<? extends Number> values) {
        return new Samples(values.stream().map(Number::doubleValue).toList());
    }

    /** Per index {@code numerator[i] / denominator[i]}: the ratio taken within each round. */
    static Samples ratios(List<Double> numerators, List<Double> denominators) {
        if (numerators.size() != denominators.size()) {
            throw new IllegalArgumentException("rounds differ: " + numerators.size() + " and " + denominators.size());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            ratios.add(numerators.get(i) / denominators.get(i));
        }
        return new Samples(ratios);
    }

    /** Every value divided by {@code by}. */
    Samples dividedBy(double by) {
        return new Samples(values.stream().map(v -> v / by).toList());
    }

    double median() {
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} % of the values at or below it. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * values.size());
        return values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
    }

    double min() {
        return values.get(0);
    }

    double max() {
        return values.get(values.size() - 1);
    }

    double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    int size() {
        return values.size();
    }
}
