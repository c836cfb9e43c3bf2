/**
 * The statutory reply clock of a disclosure request, as pure functions of its event history.
 *
 * <ul>
 *   <li>{@link cn.gongkai.ledger.clock.deadline.RequestClock#read} — status, due date, the 补正 window,
 *       consultation and fee windows, proposals ({@code 三.六.1}, {@code 三.六.2}, never applied), flags,
 *       and the full {@link cn.gongkai.ledger.clock.deadline.Derivation} (data and Chinese lines). The
 *       counting rules are pinned down in the class comment of {@code RequestClock}.</li>
 *   <li>{@link cn.gongkai.ledger.clock.deadline.RequestClock#standing} — working days left or overdue
 *       as of a business date passed in.</li>
 *   <li>{@link cn.gongkai.ledger.clock.deadline.DueDateRecomputation#changes} — what a calendar change
 *       does to open deadlines, ready to be recorded as RecordDueDateRecomputation commands.</li>
 * </ul>
 */
package cn.gongkai.ledger.clock.deadline;
