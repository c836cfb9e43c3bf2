/**
 * The working-day calendar of mainland China as versioned data.
 *
 * <ul>
 *   <li>{@link cn.gongkai.ledger.clock.calendar.WorkingDayCalendar} — Monday–Friday minus the State
 *       Council's holidays plus its 调休 working days; {@code national()} is the shipped 2019–2026 data
 *       (holiday-cn, MIT, licence in {@code calendar/cn/LICENSE}); {@code withYears}/{@code national(Path)}
 *       add or replace years without a code change; {@code overlay} layers an agency's days (regional
 *       holidays) on top; {@code version()} is a content hash, so any data change is detectable.</li>
 *   <li>Each date answers why: {@link cn.gongkai.ledger.clock.calendar.CalendarDay} with its
 *       {@link cn.gongkai.ledger.clock.calendar.DayKind} and holiday name.</li>
 *   <li>A date in a year without a notice throws
 *       {@link cn.gongkai.ledger.clock.calendar.DateOutsideCalendarException}; nothing falls back to a
 *       plain Monday–Friday week.</li>
 *   <li>{@link cn.gongkai.ledger.clock.calendar.CalendarRegistry} — which calendar each agency counts with;
 *       {@code load(dir)} reads a calendar directory ({@code national/*.json} added to or replacing the shipped
 *       years, {@code agencies/<agencyId>/*.json} agency layers), and
 *       {@link cn.gongkai.ledger.clock.calendar.CalendarSource} re-reads it when its files change
 *       (docs/calendar.md).</li>
 *   <li>{@link cn.gongkai.ledger.clock.calendar.CalendarLayer} — a calendar as data
 *       ({@code WorkingDayCalendar.layers()} / {@code fromLayers}), so the previous calendar can be stored and
 *       rebuilt.</li>
 * </ul>
 */
package cn.gongkai.ledger.clock.calendar;
