package cn.gongkai.ledger.clock.calendar;

/**
 * A calendar directory that cannot be loaded (see {@link CalendarRegistry#load}): a file that is not a year
 * file, two files for one year, an agency layer for a year the national data does not cover, a directory name
 * that is not an agency id. Nothing is computed with a half-loaded calendar.
 */
public class CalendarConfigurationException extends RuntimeException {
    public CalendarConfigurationException(String message) {
        super(message);
    }

    public CalendarConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
