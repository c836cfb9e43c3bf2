/**
 * An agency's working lists as of a business date: open requests by urgency, overdue, due soon,
 * and per handling officer ({@link cn.gongkai.ledger.clock.worklist.AgencyWorklist}).
 */
package cn.gongkai.ledger.clock.worklist;
