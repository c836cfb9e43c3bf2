/**
 * The report projector: Kafka-fed read models in MongoDB (Spring stays inside this package; the fold does not
 * know it).
 *
 * <p><b>Read models</b> (database {@code MONGODB_DATABASE}, default {@code gongkai-ledger}; names in
 * {@link cn.gongkai.ledger.readmodel.store.ReadModelDatabase}):
 * <ul>
 *   <li>{@code projection_events}: a deduplicated copy of every event, unique on {@code (aggregateId, sequence)};</li>
 *   <li>{@code projection_progress}: per aggregate, its agency and last contiguous sequence (what is counted);</li>
 *   <li>{@code projection_gaps}: cases held back by a gap neither Kafka nor the event store could fill;</li>
 *   <li>{@code projection_offsets}: the next Kafka offset per partition, written after the read model;</li>
 *   <li>{@code projection_quarantine}: records that were not valid events and events that could not be projected;</li>
 *   <li>{@code case_summaries}: requests, reconsiderations and lawsuits with status, dates, parties, outcome
 *       and the full timeline;</li>
 *   <li>{@code annual_reports}: the canonical report JSON of every agency-year the agency's history touches.</li>
 * </ul>
 *
 * <p><b>Exactness under at-least-once delivery</b>: events are keyed by {@code (aggregateId, sequence)} and
 * inserted only if absent; only each aggregate's contiguous prefix is counted; summaries and reports are
 * recomputed from what is stored and written whole under natural ids; offsets are stored only after the read
 * model. A gap is repaired from the event store ({@code domainevents}) or held back and surfaced
 * ({@code GET /api/projection/status}). {@code POST /api/reconciliations} (or
 * {@link cn.gongkai.ledger.report.projection.reconcile.ReconciliationCli}) compares an agency-year recomputed
 * from the event store with the read model, cell by cell.
 */
package cn.gongkai.ledger.report.projection;
