package dev.parley.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trap kinds a second fresh-user review (session 4, docs/topics.md "Topic model 2.4") found on
 * topic model 2.3, on the shipped model: the review's sentences plus members written for each kind.
 * A regulator's, watchdog's, sports league's or association's sanctions are neither sanctions nor
 * diplomacy (one shared exception list, every cue that reads the word); a summit named only as a
 * time, and business, budget or conference summits, are not summits; UN speech thanks and support
 * without a concrete relation is not diplomacy; and the other direction, state visits announced as
 * "due in" / "heads to" a capital, and sanctions by asset freezes, entry bans or barring companies
 * from trade. Each sentence must sit at least {@link TrapKindsTest#MARGIN} log-odds on its side of
 * the topic's threshold.
 */
class TrapKindsSecondReviewTest {
  private static final double MARGIN = TrapKindsTest.MARGIN;

  private static void below(String topic, String text) {
    double d = TrapKindsTest.aboveThreshold(topic, text);
    assertTrue(d <= -MARGIN, () -> topic + " " + d + " log-odds above threshold: " + text);
  }

  private static void above(String topic, String text) {
    double d = TrapKindsTest.aboveThreshold(topic, text);
    assertTrue(d >= MARGIN, () -> topic + " " + d + " log-odds above threshold: " + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the review's sentences (items 6 and 7)
        "The Financial Conduct Authority imposed sanctions on two brokers for market abuse.",
        "UEFA imposed sanctions on the club after racist chanting by its fans.",
        "Sanctions on the club were lifted by the league on Friday.",
        "The tennis federation lifted sanctions on the player after an appeal.",
        "The NFL announced sanctions against the team for violating the salary cap.",
        "The NBA announced sanctions against the Lakers for tampering.",
        "The football association handed the club severe sanctions after the match.",
        "Britain's financial watchdog said it would impose sanctions on the bank over money"
            + " laundering failures.",
        // members written for the kind
        "The NHL imposed sanctions on the Devils for circumventing the salary cap.",
        "FIFA lifted its sanctions on the national football federation after elections.",
        "The SEC said it would impose sanctions on the brokerage for misleading investors.",
        "Australia's corporate watchdog imposed sanctions on the lender over its mortgage sales.",
        "The NCAA lifted sanctions against the university's football program.",
        "The IOC imposed an embargo on the athletes' appearance fees.",
        "The coach imposed an embargo on mobile phones in the dressing room.",
        "Regulators at FINRA imposed sanctions on the trader."
      })
  void regulatorsWatchdogsAndSportsBodiesSanctionsAreNeitherSanctionsNorDiplomacy(String text) {
    below("sanctions", text);
    below("diplomacy", text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Canada froze the assets of Russian officials and banned them from entering the country.",
        "The EU froze the assets of ten Russian oligarchs and barred them from entering the bloc.",
        "Washington barred American companies from buying crude from Venezuela.",
        "The European Union imposed sanctions on Russia.",
        "Britain said it would lift sanctions on Iran once the nuclear deal took effect."
      })
  void assetFreezesEntryBansAndTradeBarsAreSanctions(String text) {
    above("sanctions", text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the review's sentences (item 8)
        "Shares of Fiat rose after the Venice summit as the carmaker announced a new model.",
        "After the Venice summit the company signed a deal to buy a rival steel maker.",
        "Bond yields barely moved during the Venice summit.",
        "Analysts expect the dollar to stay firm through the Venice summit and beyond.",
        "The lira could weaken once the Venice summit is over, traders said.",
        "The Venice summit falls on the same week as the company's annual meeting.",
        // members written for the kind
        "Gold prices were steady in the run-up to the Brussels summit.",
        "The bank will keep rates unchanged until the Tokyo summit, a spokesman said.",
        "Since the Venice summit the company has announced three new plants.",
        "Oil traders stayed cautious on the eve of the Ottawa summit.",
        // the review's sentences (item 9)
        "The governor convened a summit on the state budget with legislative leaders.",
        "The Pentagon hosted a cybersecurity summit with technology executives.",
        "Over 500 CEOs attended the Summit on Artificial Intelligence in London.",
        // members written for the kind
        "The mayor held a jobs summit with business leaders at City Hall.",
        "Executives from 40 banks gathered for an investor summit in New York.",
        "The technology summit in San Francisco drew hundreds of start-up founders.",
        "State lawmakers and the governor will meet at a budget summit next week."
      })
  void summitsNamedAsATimeAndBusinessOrBudgetSummitsAreNotSummits(String text) {
    below("summits", text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "After the summit, Trump and Kim signed a joint statement.",
        "Following the summit, the two leaders issued a joint declaration on trade.",
        "During the summit, Reagan and Gorbachev discussed arms control.",
        "Leaders of the G7 opened their summit in Venice on Monday.",
        // state visits with talks (item 11)
        "The Indian prime minister is due in Tokyo on Monday for two days of talks with Japanese"
            + " leaders.",
        "Erdogan heads to Tehran this week to discuss Syria with Iranian leaders."
      })
  void summitOutcomesAndStateVisitsWithTalksAreSummits(String text) {
    above("summits", text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the review's sentences (item 10)
        "We thank our friends in the European Union, Japan and China for their solidarity in these"
            + " difficult times.",
        "We are grateful to our partners, the United States, the European Union and Japan, for"
            + " their support of our development agenda.",
        "We commend the Secretary-General for his leadership and reaffirm our support for the"
            + " Security Council's work.",
        "The United Nations remains indispensable, and we call on all Member States to strengthen"
            + " it.",
        // members written for the kind
        "We express our gratitude to Germany, France and Canada for their generous assistance.",
        "My delegation thanks our friends in Africa, Asia and Latin America for their solidarity.",
        "We call upon all Member States to renew their commitment to the Charter."
      })
  void unThanksAndSupportWithoutAConcreteRelationIsNotDiplomacy(String text) {
    below("diplomacy", text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We thank Egypt for mediating the ceasefire talks between Israel and Hamas.",
        "The European Union imposed sanctions on Russia."
      })
  void aConcreteRelationStaysDiplomacy(String text) {
    above("diplomacy", text);
  }
}
