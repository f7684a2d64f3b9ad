package dev.parley.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reader rejects what lenient Gson accepts, so tests that use it can fail. */
class StrictJsonTest {
  @Test
  void acceptsPlainJson() {
    assertEquals(
        1.5,
        StrictJson.parseObject("{\"score\": 1.5, \"a\": [1, -2e3, true, null, \"x\"]}")
            .get("score")
            .getAsDouble());
    assertEquals(2, StrictJson.parseLines("{\"a\":1}\n\n{\"a\":2}\n").size());
  }

  @Test
  void rejectsWhatLenientGsonAccepts() {
    // The reason this class exists: Gson's JsonParser takes NaN and unquoted strings.
    assertEquals(
        "NaN",
        JsonParser.parseString("{\"score\":NaN,\"x\":unquoted}")
            .getAsJsonObject()
            .get("score")
            .getAsString());
    for (String bad :
        List.of(
            "{\"score\":NaN}",
            "{\"score\":Infinity}",
            "{\"score\":-Infinity}",
            "{\"x\":unquoted}",
            "{x:1}",
            "{'x':1}",
            "{\"x\":1} trailing",
            "{\"x\":1,}",
            "{\"x\":1;\"y\":2}",
            "{\"x\":1} // comment",
            "{\"x\":1e999}",
            "{\"x\":1,\"x\":2}")) {
      assertThrows(AssertionError.class, () -> StrictJson.parse(bad), bad);
    }
  }
}
