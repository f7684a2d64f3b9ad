package dev.parley.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A leader named in full in a text or its article context, then by family name alone: the family
 * name is that leader; elsewhere, or where it could be someone else, it is not.
 */
class FamilyNamesTest {
  private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

  /** "id@word" for each mention of {@code text} tagged with {@code context}. */
  private static List<String> tagged(String text, String context) {
    TokenView view = TokenView.of(text);
    List<String> out = new ArrayList<>();
    for (Mention m : TAGGER.tag(view, context == null ? null : TokenView.of(context))) {
      out.add(m.entityId() + "@" + text.substring(m.start(), m.end()));
    }
    return out;
  }

  private static final String SEED_LEAD =
      "Chinese President Xi Jinping told Kim Jong Un the Korean peninsula faces a rare historic"
          + " opportunity.";

  @Test
  void theSeedsLaterParagraphsNameKimByFamilyName() {
    assertEquals(
        List.of("kim-jong-un@Kim", "china@China"),
        tagged("Kim’s fourth visit to China in the past year shows its role.", SEED_LEAD));
    assertEquals(
        List.of("kim-jong-un@Kim", "united-states@US"),
        tagged(
            "The North, Kim said, will make efforts for the second summit with US leaders.",
            SEED_LEAD));
    assertEquals(
        List.of("xi-jinping@Xi", "kim-jong-un@Kim"),
        tagged("Xi greeted Kim at the Great Hall of the People on Tuesday.", SEED_LEAD));
  }

  @Test
  void withoutTheFullNameAFamilyNameIsNobody() {
    assertEquals(List.of(), tagged("Kim said the talks went well.", null));
    assertEquals(List.of(), tagged("Kim said the talks went well.", "Markets rose in Seoul."));
    assertEquals(List.of(), tagged("Bush met reporters.", "Stocks fell on Tuesday."));
  }

  @Test
  void theFullNameInTheTextItselfIsEnough() {
    assertEquals(
        List.of("george-w-bush@George W. Bush", "george-w-bush@Bush"),
        tagged("George W. Bush arrived on Monday. Bush met reporters at the airport.", null));
  }

  @Test
  void twoLeadersOfOneFamilyNameLeaveItUnresolved() {
    assertEquals(
        List.of(),
        tagged("Kim said the talks went well.", "Kim Jong Il and his son Kim Jong Un met."));
    assertEquals(
        List.of(),
        tagged("Bush spoke first.", "George H. W. Bush and George W. Bush attended the funeral."));
  }

  @Test
  void aFamilyNameInsideAnotherNameIsNotTheLeader() {
    // Another Kim, Hillary Clinton's daughter: a capitalised word right beside it.
    assertEquals(List.of(), tagged("Kim Min Seok issued a statement.", SEED_LEAD));
    assertEquals(List.of(), tagged("The envoy, Kim Min-seok, issued a statement.", SEED_LEAD));
    assertEquals(
        List.of(),
        tagged("Chelsea Clinton spoke.", "Hillary Clinton arrived in Beijing for talks."));
    // A title before it is not a name: President Kim is the leader.
    assertEquals(List.of("kim-jong-un@Kim"), tagged("Chairman Kim said so.", SEED_LEAD));
    assertEquals(
        List.of("hillary-clinton@Clinton"),
        tagged("Secretary Clinton spoke.", "Hillary Clinton arrived in Beijing for talks."));
  }

  @Test
  void caseStillMatters() {
    assertEquals(List.of(), tagged("the kim family restaurant", SEED_LEAD));
    assertEquals(List.of(), tagged("KIM SAID THE TALKS WENT WELL IN THE CAPITAL", SEED_LEAD));
  }

  @Test
  void familyNameFirstOrLast() {
    assertEquals(
        List.of("lee-hsien-loong@Lee"),
        tagged("Lee told parliament on Monday.", "Lee Hsien Loong flew to Jakarta."));
    assertEquals(
        List.of("shinzo-abe@Abe"), tagged("Abe told parliament on Monday.", "Shinzo Abe spoke."));
    assertEquals(List.of(), tagged("Hsien told parliament.", "Lee Hsien Loong flew to Jakarta."));
    assertEquals(List.of(), tagged("Shinzo told parliament.", "Shinzo Abe spoke."));
  }

  @Test
  void aFamilyNameThatIsACommonWordCountsOnlyWhenItIsClearlyThePerson() {
    String may = "Prime Minister Theresa May flew to Brussels for talks.";
    assertEquals(List.of(), tagged("The deal was first agreed in May last year.", may));
    assertEquals(List.of(), tagged("Talks would resume on May 5.", may));
    assertEquals(List.of(), tagged("May brings the spring rains.", may));
    assertEquals(List.of("theresa-may@May"), tagged("May said the deal was done.", may));
    assertEquals(List.of("theresa-may@May"), tagged("Talks with Mrs May ended.", may));
    assertEquals(List.of("theresa-may@May"), tagged("It was May’s second visit.", may));
    String moon = "South Korean President Moon Jae-in arrived for talks.";
    assertEquals(List.of(), tagged("They walked under the Moon at a banquet.", moon));
    assertEquals(
        List.of("moon-jae-in@Moon"), tagged("Moon told reporters the talks went well.", moon));
    String rice = "Secretary of State Condoleezza Rice met the envoy.";
    assertEquals(List.of("thailand@Thailand"), tagged("Rice exports from Thailand rose.", rice));
    assertEquals(List.of("condoleezza-rice@Rice"), tagged("Rice said sanctions would stay.", rice));
  }

  @Test
  void anotherPersonOfTheFamilyNamedBesideAnotherNameWordBlocksIt() {
    assertEquals(
        List.of(),
        tagged(
            "Kim said he hoped for peace.",
            "Kim Jong Il welcomed South Korean President Kim Dae-jung to Pyongyang."));
    assertEquals(
        List.of("kim-jong-il@Kim Jong Il"),
        tagged("Kim Jong Il met Kim Dae-jung. Kim said he hoped for peace.", null));
  }

  @Test
  void aSentenceOpeningWordBeforeTheFamilyNameIsNoGivenName() {
    assertEquals(List.of("kim-jong-un@Kim"), tagged("But Kim wanted sanctions relief.", SEED_LEAD));
    assertEquals(List.of("kim-jong-un@Kim"), tagged("When Kim arrived, talks began.", SEED_LEAD));
    assertEquals(List.of("kim-jong-un@Kim"), tagged("Yesterday Kim met envoys.", SEED_LEAD));
  }

  @Test
  void aLowerCaseLastWordPutsTheFamilyNameFirst() {
    assertEquals(
        List.of("ban-ki-moon@Ban"),
        tagged("Ban said the talks must resume.", "UN Secretary-General Ban Ki-moon spoke."));
  }

  @Test
  void randomTextsKeepEveryGazetteerMentionAndAddOnlyFamilyNames() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String[] words = {
      "Kim",
      "Bush",
      "Abe",
      "said",
      "met",
      "China",
      "Kim Jong Un",
      "George W. Bush",
      "the",
      "North",
      "Korea",
      "Xi",
      ",",
      ".",
      "President",
      "Yo",
      "Jong",
      "talks",
      "US",
      "Shinzo Abe",
      "Lee",
      "in"
    };
    for (int n = 0; n < 2000; n++) {
      StringBuilder text = new StringBuilder();
      StringBuilder context = new StringBuilder();
      for (int k = random.nextInt(20); k >= 0; k--) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      for (int k = random.nextInt(8); k >= 0; k--) {
        context.append(words[random.nextInt(words.length)]).append(' ');
      }
      String t = text.toString();
      TokenView view = TokenView.of(t);
      List<Mention> plain = TAGGER.tag(view);
      List<Mention> withNames = TAGGER.tag(view, TokenView.of(context.toString()));
      String where = "seed " + seed + ", text '" + t + "', context '" + context + "'";
      assertTrue(withNames.containsAll(plain), where);
      int end = -1;
      for (Mention m : withNames) {
        assertTrue(m.start() >= end, "in text order, none overlapping: " + where);
        end = m.end();
        if (!plain.contains(m)) {
          String word = t.substring(m.start(), m.end());
          assertTrue(List.of("Kim", "Bush", "Abe", "Lee").contains(word), word + ": " + where);
        }
      }
    }
  }
}
