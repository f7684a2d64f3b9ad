package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.TokenView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trap kinds of Parley 6 on the shipped model (topic model 2.3), from a fresh-user review of
 * 2.2 plus members written for each kind: figurative, press and protest uses of embargo and
 * blockade, a market or sports regulator's sanctions (also far from the regulator's name), the verb
 * "to sanction" (penalise, not approve), company names beginning with Summit, figurative summits, a
 * bare summit word, a summit named only as a date; and the other direction, true members with short
 * text and summit outcomes ("After the summit, X and Y signed ..."). Each sentence must sit at
 * least {@link #MARGIN} log-odds on its side of the topic's threshold.
 */
class TrapKindsTest {
  private static final TopicModel MODEL = TopicModel.defaults();
  private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

  /**
   * Log-odds a sentence must clear; the thinnest shipped cases sit at about 0.19 (a bare summit).
   */
  static final double MARGIN = 0.15;

  /**
   * How far the shipped model's score for {@code topic} lies above its threshold, in log-odds
   * (negative below); shared by the trap and state-visit tests.
   */
  static double aboveThreshold(String topic, String text) {
    TokenView v = TokenView.of(text);
    double score = MODEL.score(v, TAGGER.tag(v), null).get(topic);
    double threshold =
        MODEL.topics().stream().filter(t -> t.name().equals(topic)).findFirst().get().threshold();
    return logit(score) - logit(threshold);
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The family placed an embargo on talking about politics at dinner.",
        "Protesting farmers set up a blockade of tractors on the motorway.",
        "The report was released under a news embargo until midnight.",
        "The Federal Reserve imposed sanctions on Wells Fargo for its sales practices.",
        "The SEC, after a two-year investigation into the firm's accounting, imposed sanctions on the auditor.",
        "Truckers angry about fuel prices mounted a blockade of the port for three days.",
        "Journalists received the budget figures under embargo until 10 a.m.",
        "Regulators, after a long review of the lender's mortgage practices, imposed sanctions on the bank.",
        "The Financial Conduct Authority imposed sanctions on two brokers for market abuse.",
        "Striking dock workers kept up their blockade of the harbour entrance on Monday.",
        "The league imposed sanctions on the club after crowd trouble.",
        "The church sanctioned the marriage after a long delay.",
        "The newspaper broke the embargo and published the report a day early."
      })
  void notSanctions(String text) {
    double d = aboveThreshold("sanctions", text);
    assertTrue(d <= -MARGIN, () -> "sanctions " + d + " log-odds above threshold: " + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The United States will sanction Venezuelan officials over the election.",
        "The European Union imposed sanctions on Russia.",
        "Washington tightened its embargo on Cuba.",
        "Israel maintained its naval blockade of Gaza.",
        "The Treasury moved to sanction Iranian banks over the missile programme.",
        "The EU agreed to sanction Belarusian officials responsible for the crackdown.",
        "The UN Security Council voted to impose an arms embargo on Libya.",
        "Britain said it would lift sanctions on Iran once the nuclear deal took effect."
      })
  void sanctions(String text) {
    double d = aboveThreshold("sanctions", text);
    assertTrue(d >= MARGIN, () -> "sanctions " + d + " log-odds above threshold: " + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Summit Materials agreed to buy a cement maker.",
        "Prices hit the summit of a decade-long rally.",
        "summit",
        "Summit Therapeutics shares rose 12 percent after the drug trial.",
        "The index reached the summit of its range before falling back.",
        "Climbers reached the summit of Everest on Tuesday morning.",
        "Summit Hotel Properties reported higher quarterly revenue.",
        "The budget summit between the White House and Congress ended without a deal.",
        "Summits.",
        "The yen may strengthen after the summit, dealers said.",
        "Nakasone might step down after the Venice summit.",
        "Analysts expect the dollar to stay firm until after the Venice summit.",
        "Shares hit the summit of a five-year climb before profit-taking set in."
      })
  void notSummits(String text) {
    double d = aboveThreshold("summits", text);
    assertTrue(d <= -MARGIN, () -> "summits " + d + " log-odds above threshold: " + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "After the summit, Trump and Kim signed a joint statement.",
        "After the summit in Singapore, Trump said Kim had agreed to dismantle a test site.",
        "Following the summit, the two leaders issued a joint declaration on trade.",
        "After the Geneva summit, Reagan and Gorbachev pledged to cut nuclear arsenals.",
        "Trump and Kim will hold a summit in Singapore next month.",
        "Leaders of the G7 opened their summit in Venice on Monday.",
        "The Summit of the Americas opened in Panama with 35 leaders attending.",
        "The summit of NATO leaders agreed to expand the alliance."
      })
  void summits(String text) {
    double d = aboveThreshold("summits", text);
    assertTrue(d >= MARGIN, () -> "summits " + d + " log-odds above threshold: " + text);
  }
}
