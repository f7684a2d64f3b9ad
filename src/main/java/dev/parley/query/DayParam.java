package dev.parley.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date limit as a user types it ({@code since}, {@code until}): exactly {@code YYYY-MM-DD} in
 * ASCII digits, a day that exists. {@link LocalDate#parse} alone also takes a signed year ({@code
 * +2019-01-01}, {@code -2019-01-01}) and years of five or more digits, which no one means in a
 * search box; the command line, the Solr parameters and the example search page share this one rule
 * so a date they accept is the same date everywhere.
 */
public final class DayParam {
  private DayParam() {}

  /**
   * The day {@code value} names.
   *
   * @param name the parameter's name, for the message (for example {@code since})
   * @param value the text, surrounding white space allowed
   * @throws IllegalArgumentException starting with {@code name}, naming the value, when it is not
   *     {@code YYYY-MM-DD} or the day does not exist
   */
  public static LocalDate parse(String name, String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #parse(String, String)}, with a message that names no parameter ({@code "must be a
   * date YYYY-MM-DD, got: ..."}), for callers that add the name themselves.
   */
  public static LocalDate parse(String value) {
    String day = value.strip();
    if (!isIsoDay(day)) {
      throw new IllegalArgumentException("must be a date YYYY-MM-DD, got: " + value);
    }
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      int month = Integer.parseInt(day.substring(5, 7));
      throw new IllegalArgumentException(
          "must be a day that exists, got: "
              + value
              + (month < 1 || month > 12
                  ? " (no month " + day.substring(5, 7) + "; months are 01-12)"
                  : ""));
    }
  }

  private static boolean isIsoDay(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
