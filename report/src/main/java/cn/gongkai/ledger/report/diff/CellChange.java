package cn.gongkai.ledger.report.diff;

import java.math.BigDecimal;

/** One cell that differs between two versions of a report; null is a blank (or absent) cell. */
public record CellChange(String cell, BigDecimal before, BigDecimal after) {
}
