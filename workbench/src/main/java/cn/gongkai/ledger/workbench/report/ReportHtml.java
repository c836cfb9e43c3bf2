package cn.gongkai.ledger.workbench.report;

import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.workbench.report.OfficialTable.Cell;
import java.util.List;
import java.util.function.Function;

/** The tables as HTML: the fragment the report page shows (each value a link to its cases) and the PDF's page. */
public final class ReportHtml {
    private ReportHtml() {
    }

    /**
     * The three tables, each under its heading; with {@code cellLink} (address → href, or null for no link) the
     * values of tables 三 and 四 link to their cases.
     */
    public static String tables(AnnualReport report, Function<String, String> cellLink) {
        StringBuilder html = new StringBuilder();
        for (OfficialTable table : OfficialLayout.tables(report)) {
            html.append("<h2 class=\"table-heading\">").append(escape(table.heading())).append("</h2>\n");
            html.append(table(table, cellLink));
        }
        return html.toString();
    }

    public static String table(OfficialTable table, Function<String, String> cellLink) {
        StringBuilder html = new StringBuilder("<table class=\"official\" id=\"").append(table.id()).append("\">\n");
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            for (Cell cell : row) {
                String tag = cell.header() ? "th" : "td";
                html.append('<').append(tag);
                if (cell.colspan() > 1) {
                    html.append(" colspan=\"").append(cell.colspan()).append('"');
                }
                if (cell.rowspan() > 1) {
                    html.append(" rowspan=\"").append(cell.rowspan()).append('"');
                }
                if (cell.isValue()) {
                    html.append(" class=\"v\" data-cell=\"").append(escape(cell.address())).append('"');
                    String href = cellLink == null || cell.address().startsWith("table2/") ? null
                            : cellLink.apply(cell.address());
                    html.append('>');
                    if (href != null) {
                        html.append("<a href=\"").append(escape(href)).append("\" title=\"查看计入本格的案件\">")
                                .append(escape(cell.text())).append("</a>");
                    } else {
                        html.append(escape(cell.text()));
                    }
                } else {
                    html.append(cell.header() ? ">" : " class=\"label\">").append(escape(cell.text()));
                }
                html.append("</").append(tag).append('>');
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** A whole XHTML document of the report's tables, for the PDF (the font family is the embedded CJK font). */
    public static String document(AnnualReport report, String fontFamily) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"/><title>%1$s</title>
                <style>
                  @page { size: A4 landscape; margin: 14mm 12mm; }
                  body { font-family: '%2$s'; font-size: 9.5pt; }
                  h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
                  h2 { font-size: 12pt; margin: 5mm 0 2mm; }
                  table { border-collapse: collapse; width: 100%%; page-break-inside: auto; }
                  th, td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; }
                  th { font-weight: normal; text-align: center; }
                  td.v { text-align: center; }
                  p.meta { font-size: 8.5pt; color: #333; }
                </style></head><body>
                <h1>%1$s</h1>
                <p class="meta">%3$s</p>
                %4$s
                </body></html>
                """.formatted(escape(OfficialLayout.title(report)), fontFamily, escape(ReportExports.meta(report)),
                tables(report, null));
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
