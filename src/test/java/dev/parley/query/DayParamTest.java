package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayParamTest {
  @Test
  void aPlainDayAndSurroundingSpaceAreAccepted() {
    assertEquals(LocalDate.of(2019, 1, 1), DayParam.parse("since", "2019-01-01"));
    assertEquals(LocalDate.of(2020, 2, 29), DayParam.parse("until", " 2020-02-29\t"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+2019-01-01", "-2019-01-01", "+12019-01-01", "2019-1-01", "2019-01-1", "20190101",
        "2019/01/01", "2019-01-01T00:00", "٢٠١٩-٠١-٠١", "２０１９-01-01", "", " "
      })
  void anythingButYyyyMmDdIsRefusedNamingTheParameterAndValue(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DayParam.parse("since", value));
    assertEquals("since must be a date YYYY-MM-DD, got: " + value, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-02-29", "2019-13-01", "2019-04-31", "2019-00-10"})
  void aDayThatDoesNotExistIsRefused(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DayParam.parse("until", value));
    String month = value.substring(5, 7);
    assertEquals(
        "until must be a day that exists, got: "
            + value
            + (month.equals("13") || month.equals("00")
                ? " (no month " + month + "; months are 01-12)"
                : ""),
        e.getMessage());
  }
}
