#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/practice/answer_score.h"
#include "core/bank/bank.h"

using namespace pyprep;

namespace {

using Groups = std::vector<std::vector<std::string>>;

KeyPointMatch terms(Groups groups, std::vector<std::string> wrong = {}) {
  return {std::move(groups), std::move(wrong)};
}

// Whether the one key point with these terms is covered by `answer`.
bool covers(const KeyPointMatch& point, std::string_view answer) {
  std::vector<KeyPointMatch> points = {point};
  return AnswerScorer(points).score(answer).points.at(0).covered;
}

std::vector<ByteRange> matched(const KeyPointMatch& point, std::string_view answer) {
  std::vector<KeyPointMatch> points = {point};
  return AnswerScorer(points).score(answer).points.at(0).matched;
}

}  // namespace

TEST_SUITE("answer_score") {

TEST_CASE("inflections of a word meet its base form on both sides") {
  CHECK(covers(terms({{"share memory"}}), "Threads are sharing the memory"));
  CHECK(covers(terms({{"evaluate once"}}), "defaults are evaluated only once"));
  CHECK(covers(terms({{"thread"}}), "threading"));
  CHECK(covers(terms({{"threads"}}), "one thread"));
  CHECK(covers(terms({{"cache"}}), "results are cached"));
  CHECK(covers(terms({{"query"}}), "two queries"));
  CHECK(covers(terms({{"validate"}}), "validation happens in clean"));
  CHECK(covers(terms({{"run"}}), "it ran twice"));  // irregular past, by table
  CHECK_FALSE(covers(terms({{"thread"}}), "a thin red line"));
}

TEST_CASE("abbreviations are expanded: db, w/, w/o, bc, b/c, fn, dict") {
  CHECK(covers(terms({{"database"}}), "hits the db on each row"));
  CHECK(covers(terms({{"db"}}), "one query per database"));
  CHECK(covers(terms({{"with lock"}}), "guard it w/ a lock"));
  CHECK(covers(terms({{"without lock"}}), "w/o a lock it races"));
  CHECK(covers(terms({{"because"}}), "bc the GIL"));
  CHECK(covers(terms({{"because"}}), "b/c the GIL"));
  CHECK(covers(terms({{"function"}}), "a fn"));
  CHECK(covers(terms({{"dictionary"}}), "dicts keep insertion order"));
  CHECK(covers(terms({{"with lock"}}), "w a lock"));  // typed without the slash too
  CHECK(covers(terms({{"primary key"}}), "an auto id pk"));  // several words over one
  CHECK(covers(terms({{"pk"}}), "the primary key"));
  CHECK(covers(terms({{"one thread"}}), "only 1 thread"));  // digits are spelt out
  CHECK(covers(terms({{"o 1"}}), "lookups are O(1)"));
  CHECK_FALSE(covers(terms({{"o 1"}}), "lookups are O(n)"));
}

TEST_CASE("one typo is tolerated in a word of 5 or more letters") {
  CHECK(covers(terms({{"thread"}}), "thraed"));   // transposition
  CHECK(covers(terms({{"thread"}}), "thrxad"));   // substitution
  CHECK(covers(terms({{"thread"}}), "threads"));  // (inflection, not a typo)
  CHECK(covers(terms({{"database"}}), "databse"));
  CHECK_FALSE(covers(terms({{"thread"}}), "thrxxd"));  // two edits in a 6-letter word
  CHECK_FALSE(covers(terms({{"lock"}}), "lick"));      // 4 letters: exact only
  CHECK(covers(terms({{"mutex"}}), "mutax"));          // 5 letters: one typo
}

TEST_CASE("two typos are tolerated in a word of 9 or more letters") {
  CHECK(covers(terms({{"parallelism"}}), "prallelsm"));
  CHECK_FALSE(covers(terms({{"parallelism"}}), "prallelsmm"));  // three edits
  CHECK_FALSE(covers(terms({{"database"}}), "databxxe"));      // 8 letters: one edit only
}

TEST_CASE("a typo in the first letter is not tolerated, so sync never matches async") {
  CHECK_FALSE(covers(terms({{"mutable"}}), "nutable"));
  CHECK_FALSE(covers(terms({{"sync"}}), "async code"));
  CHECK_FALSE(covers(terms({{"async"}}), "sync code"));
}

TEST_CASE("a trailing star matches any word starting with the prefix, without typos") {
  const KeyPointMatch point = terms({{"serializ*"}});
  CHECK(covers(point, "it is serialized"));
  CHECK(covers(point, "serialised to JSON"));  // British spelling meets through the stemmer
  CHECK(covers(point, "the serialization step"));
  CHECK(covers(point, "a serializer"));
  CHECK_FALSE(covers(point, "a serial port"));
  CHECK_FALSE(covers(point, "it is sreialized"));
  CHECK(covers(terms({{"call parent*"}}), "call the parents method"));
}

TEST_CASE("groups may come in any order; the words of a phrase may not") {
  const KeyPointMatch point = terms({{"release"}, {"i o", "blocking"}});
  CHECK(covers(point, "The GIL is released during I/O"));
  CHECK(covers(point, "On blocking I/O the GIL is released"));
  CHECK_FALSE(covers(terms({{"one thread"}}), "thread one"));
}

TEST_CASE("at most two other words between consecutive words of a phrase") {
  const KeyPointMatch point = terms({{"one thread"}});
  CHECK(covers(point, "one thread"));
  CHECK(covers(point, "one single thread"));
  CHECK(covers(point, "only one OS level thread"));
  CHECK_FALSE(covers(point, "one of the many threads"));
  // Words may be skipped ahead to find the rest of the phrase.
  CHECK(covers(terms({{"one thread runs"}}), "one thread and thread then runs"));
  // Nor across a comma, semicolon, colon or dash: those are separate items.
  CHECK_FALSE(covers(point, "one, thread"));
  CHECK_FALSE(covers(point, "one; thread"));
  CHECK_FALSE(covers(point, "one \u2014 thread"));
  CHECK(covers(terms({{"o n"}}), "it is O(n)"));  // brackets do not break a phrase
}

TEST_CASE("groups must be found in one sentence or two adjacent ones") {
  const KeyPointMatch point = terms({{"release"}, {"blocking"}});
  CHECK(covers(point, "The GIL is released on blocking calls."));
  CHECK(covers(point, "The GIL is released. It happens on blocking calls."));
  CHECK(covers(point, "The GIL is released. This happens on blocking calls."));
  // The next sentence counts only when it opens with a word referring back.
  CHECK_FALSE(covers(point, "The GIL is released. Blocking calls exist."));
  CHECK_FALSE(covers(point, "The GIL is released. That is a fact. So blocking calls exist."));
  CHECK_FALSE(covers(point, "The GIL is released!\nYes?\nBlocking calls exist."));
  // A phrase does not run over a sentence end.
  CHECK_FALSE(covers(terms({{"one thread"}}), "Just one. Thread pools help."));
}

TEST_CASE("e.g., etc. and dotted names do not end a sentence") {
  const KeyPointMatch point = terms({{"release"}, {"blocking"}});
  CHECK(covers(point, "Released e.g. on waits, etc. and asyncio.sleep. It is blocking."));
  CHECK(covers(point, "Released in 3.11. So are blocking calls."));
}

TEST_CASE("a negator up to three words before a phrase negates it") {
  const KeyPointMatch point = terms({{"thread safe"}});
  CHECK_FALSE(covers(point, "it is not thread safe"));
  CHECK_FALSE(covers(point, "it is never really thread safe"));
  CHECK_FALSE(covers(point, "it doesnt make code thread safe"));
  CHECK(covers(point, "I do not believe that code is thread safe"));  // five words before
  CHECK(covers(point, "No, it is thread safe"));  // a comma ends the negation's reach
  CHECK_FALSE(covers(terms({{"release"}, {"blocking"}}), "it is not released on blocking calls"));
}

TEST_CASE("a negator inside a phrase is part of it, and every negator says the same") {
  const KeyPointMatch point = terms({{"not thread safe"}});
  CHECK(covers(point, "it is not thread safe"));
  CHECK(covers(point, "it isn't thread-safe"));
  CHECK(covers(point, "it is not always thread safe"));
  CHECK_FALSE(covers(point, "it is thread safe"));
}

TEST_CASE("a wrong phrase in the window vetoes the point, unless it is negated") {
  const KeyPointMatch point = terms({{"one thread"}}, {"in parallel"});
  CHECK(covers(point, "Only one thread runs at a time."));
  CHECK_FALSE(covers(point, "Only one thread at a time, but threads run in parallel on cores."));
  CHECK_FALSE(covers(point, "Only one thread at a time. Threads run in parallel."));
  CHECK(covers(point, "Only one thread runs at a time, they never run in parallel."));
  CHECK(covers(point, "Only one thread runs. Two. Three. Threads run in parallel."));
}

TEST_CASE("keyword stuffing of single terms does not cover a two-group point") {
  std::vector<KeyPointMatch> points = {
      terms({{"one thread", "single thread", "only one"}, {"bytecode", "python code"}}),
      terms({{"release"}, {"i o", "blocking"}})};
  AnswerScorer scorer(points);
  AnswerScore score =
      scorer.score("GIL, threads, bytecode, multiprocessing, asyncio, locks, IO, performance");
  CHECK_FALSE(score.points[0].covered);
  CHECK_FALSE(score.points[1].covered);
  CHECK(score.score == 0.0);
}

TEST_CASE("a two-group point found only in an enumeration of terms is not covered") {
  const KeyPointMatch point = terms({{"release"}, {"blocking"}});
  CHECK_FALSE(covers(point, "GIL, released, blocking, threads"));
  CHECK_FALSE(covers(point, "It's about the GIL, released locks, blocking calls, threads."));
  // One group outside the list is enough: the list then says what is released.
  CHECK(covers(point, "It is released on waits of all kinds: sockets, blocking reads, sleeps."));
  // A one-group point may be a list itself.
  CHECK(covers(terms({{"blocking"}}), "GIL, released, blocking, threads"));
}

TEST_CASE("matched byte ranges run from a phrase's first word to its last, merged") {
  const KeyPointMatch point = terms({{"one thread"}, {"bytecode"}});
  CHECK(matched(point, "Only one OS thread runs bytecode.") ==
        std::vector<ByteRange>{{5, 18}, {24, 32}});
  CHECK(matched(terms({{"with lock"}}), "w/ a lock") == std::vector<ByteRange>{{0, 9}});
  CHECK(matched(terms({{"one thread"}, {"thread"}}), "one thread") ==
        std::vector<ByteRange>{{0, 10}});
  // Every found phrase of the window, not only the first.
  CHECK(matched(terms({{"lock"}}), "a lock, another lock") == std::vector<ByteRange>{{2, 6}, {16, 20}});
  CHECK(matched(terms({{"lock"}}), "no lock").empty());
}

TEST_CASE("the score is covered points over all points, plain points included") {
  Card card;
  card.key_points = {"a", "b", "c", "d"};
  card.key_point_matches = {terms({{"alpha"}}), terms({{"beta"}}), {}, terms({{"delta"}})};
  AnswerScore score = score_answer(card, "alpha and beta");
  REQUIRE(score.points.size() == 4);
  CHECK(score.points[0].covered);
  CHECK(score.points[1].covered);
  CHECK_FALSE(score.points[2].covered);
  CHECK_FALSE(score.points[3].covered);
  CHECK(score.score == 0.5);
  CHECK(AnswerScorer(card).has_terms());
  card.key_point_matches.clear();  // a hand-built or code card
  CHECK_FALSE(AnswerScorer(card).has_terms());
  CHECK(score_answer(card, "alpha").score == 0.0);
}

TEST_CASE("an empty or wordless answer covers nothing") {
  Card card;
  card.key_points = {"a", "b"};
  card.key_point_matches = {terms({{"alpha"}}), terms({{"not"}})};
  for (const char* answer : {"", "   ", "...!?", "\n\n"}) {
    AnswerScore score = score_answer(card, answer);
    REQUIRE(score.points.size() == 2);
    CHECK_FALSE(score.points[0].covered);
    CHECK_FALSE(score.points[1].covered);
    CHECK(score.points[0].matched.empty());
    CHECK(score.score == 0.0);
  }
  CHECK(AnswerScorer().score("anything").points.empty());
}

TEST_CASE("Unicode text is safe: accents fold, curly apostrophes join, emoji separate") {
  CHECK(covers(terms({{"cafe"}}), "un café"));
  CHECK_FALSE(covers(terms({{"thread safe"}}), "it doesn’t make code thread safe"));
  CHECK(covers(terms({{"not thread safe"}}), "it isn’t thread safe"));
  CHECK(covers(terms({{"thread safe"}}), "thread😀safe"));
  // Ranges are in bytes of the original text: the emoji is 4 bytes, "é" 2.
  CHECK(matched(terms({{"one thread"}}), "😀 one thread") == std::vector<ByteRange>{{5, 15}});
  CHECK(matched(terms({{"cafe"}}), "é café") == std::vector<ByteRange>{{3, 8}});
  // Broken UTF-8 separates words and never reads past the end.
  CHECK(covers(terms({{"one thread"}}), "one\xff thread"));
  CHECK_FALSE(covers(terms({{"thread"}}), "\xe2\x80"));
  CHECK(covers(terms({{"thread"}}), "thread\xf0\x9f"));
}

TEST_CASE("a dictated answer without punctuation is one sentence") {
  const KeyPointMatch point = terms({{"release"}, {"blocking"}});
  CHECK(covers(point, "so the gil gets released and um that happens whenever you do blocking io"));
}

TEST_CASE("normalise_word shows what the scorer compares") {
  CHECK(normalise_word("threads") == "thread");
  CHECK(normalise_word("threading") == "thread");
  CHECK(normalise_word("db") == "databas");
  CHECK(normalise_word("dbs") == "databas");
  CHECK(normalise_word("doesnt") == "not");
  CHECK(normalise_word("serialization") == "serializ");
  CHECK(normalise_word("serialise") == "serializ");
  CHECK(normalise_word("running") == "run");
  CHECK(normalise_word("added") == "add");
  CHECK(normalise_word("o") == "o");
  CHECK(normalise_word("3") == normalise_word("three"));
  CHECK(normalise_word("n") == "n");
}

}  // TEST_SUITE

TEST_CASE("a four-letter word ending in y matches its -ies and -ied forms") {
  CHECK(normalise_word("copy") == normalise_word("copies"));
  CHECK(normalise_word("copy") == normalise_word("copied"));
}
