package cn.gongkai.ledger.command.ledgerimport;

/**
 * A row the import cannot understand: its number, the column and the cell's text, and why, in Chinese and
 * English. Nothing of that row is imported.
 */
public record RowProblem(int row, String column, String cell, String reasonZh, String reasonEn) {
}
