package cn.gongkai.ledger.command.importing;

import java.util.List;

/** The answer to an import: how many lines were accepted and refused, and each line's result in order. */
public record ImportReport(int accepted, int rejected, List<LineResult> results) {
    public ImportReport {
        results = List.copyOf(results);
    }
}
