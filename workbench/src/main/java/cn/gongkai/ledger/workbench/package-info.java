/**
 * The workbench: the pages officers, legal staff and the report office use in the browser (static HTML and
 * JavaScript under {@code static/}, calling the REST API on the same origin), the annual report in the official
 * layout with its exports and cell drill-down, and the official letters generated from a case.
 */
package cn.gongkai.ledger.workbench;
