/**
 * The messages of Gongkai Ledger: typed ids, value types, commands and events of the three case
 * aggregates (disclosure request, reconsideration, lawsuit) and of the agency's Article-20 register.
 *
 * <p>Dependency-free apart from Jackson's annotations, so that every module (and the command-line
 * fold) reads the same shapes. No framework types: commands name their target aggregate through
 * {@link cn.gongkai.ledger.api.common.LedgerCommand#targetAggregateId()}.
 */
package cn.gongkai.ledger.api;
