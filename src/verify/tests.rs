//! Behaviours that span stages, each on a bank of a few hand-written
//! facts (a made-up article about two towns and a ferry).

use super::{Judgement, Verdict, Verifier};
use crate::bank::{self, Bank};

/// A bank of the given facts: `(id, statement, values as JSON)`, each
/// quoting its own statement unless a quote is given after a `|`.
fn bank_of(facts: &[(&str, &str, &str)]) -> Bank {
    let facts: Vec<String> = facts
        .iter()
        .map(|(id, text, values)| {
            let (statement, quote) = text.split_once(" | ").unwrap_or((text, text));
            format!(
                r#"{{"id": "{id}", "topic": "t", "statement": "{statement}", "quote": "{quote}", "entities": ["norby", "sudby"], "values": [{values}]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"schema_version": 2, "source": {{"title": "Ferry", "date": "2024-03-01", "text": "-"}},
        "entities": [{{"id": "norby", "name": "Norby", "kind": "city", "aliases": []}}, {{"id": "sudby", "name": "Sudby", "kind": "city", "aliases": []}}],
        "facts": [{}]}}"#,
        facts.join(", ")
    );
    bank::parse(&text, "ferry.json").expect("test bank")
}

fn verdicts(b: &Bank, cases: &[(&str, Verdict)]) {
    let v = Verifier::new(b);
    for (statement, want) in cases {
        let j = v.judge(statement);
        assert_eq!(j.verdict, *want, "{statement}: {}", j.explanation);
    }
}

const LINKED: &str = r#"{"type": "date", "value": "2024-02-14", "text": "14 February 2024"}"#;

/// A link established on a date, after a time without one.
const LINKED_AFTER_WITHOUT: [(&str, &str, &str); 2] = [
    (
        "linked",
        "Norby and Sudby established a ferry link on 14 February 2024.",
        LINKED,
    ),
    (
        "without",
        "Norby and Sudby went decades without a ferry link.",
        "",
    ),
];

#[test]
fn the_present_sides_with_the_event_that_ended_a_time_without() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let b = bank_of(&LINKED_AFTER_WITHOUT);
    verdicts(
        &b,
        &[
            ("Norby and Sudby now have a ferry link", S),
            // Without "now", the time is open: the two facts disagree.
            ("Norby and Sudby had a ferry link", N),
            ("Norby and Sudby still have no ferry link", R),
        ],
    );
}

#[test]
fn a_value_in_one_facts_clause_is_that_facts_own() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[
        (
            "opened",
            "The ferry terminal opened in 2022.",
            r#"{"type": "date", "value": "2022", "text": "2022"}"#,
        ),
        (
            "linked",
            "The ferry link was established in 2024.",
            r#"{"type": "date", "value": "2024", "text": "2024"}"#,
        ),
    ]);
    verdicts(
        &b,
        &[
            (
                "the terminal opened in 2022, and the link was established in 2024",
                S,
            ),
            // 2024 is the link's year, not the terminal's.
            (
                "the terminal opened in 2024, the same year the link was established",
                N,
            ),
        ],
    );
}

#[test]
fn an_order_the_quote_states_decides_when_the_statement_is_plain() {
    use Verdict::{Refuted as R, Supported as S};
    let b = bank_of(&[(
        "without",
        "Norby and Sudby went decades without a ferry link. | The new link comes after decades without a ferry link between the towns.",
        "",
    )]);
    verdicts(
        &b,
        &[
            (
                "the link comes after decades without a ferry link between the towns",
                S,
            ),
            (
                "decades without a ferry link between the towns came after the link",
                R,
            ),
        ],
    );
}

#[test]
fn the_plain_words_of_a_named_organisation_are_the_facts_words() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let text = r#"{"schema_version": 2, "source": {"title": "Ferry", "date": "2024-03-01", "text": "-"},
        "entities": [{"id": "guild", "name": "Norby Ferrymen Guild", "kind": "organisation", "aliases": []},
                     {"id": "norby", "name": "Norby", "kind": "city", "aliases": []}],
        "facts": [{"id": "paid", "topic": "t", "statement": "The Norby Ferrymen Guild was paid 12 million euros.",
          "quote": "The Norby Ferrymen Guild was paid 12 million euros.", "entities": ["guild"],
          "values": [{"type": "money", "value": 12000000, "currency": "EUR", "text": "12 million euros"}]}]}"#;
    let b = bank::parse(text, "guild.json").expect("test bank");
    verdicts(
        &b,
        &[
            ("the ferrymen were paid 12 million euros", S),
            ("the bakers were paid 12 million euros", N),
        ],
    );
}

#[test]
fn an_event_is_the_one_its_supporting_facts_agree_on_and_only_is_the_orders() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let [linked, without] = LINKED_AFTER_WITHOUT;
    let b = bank_of(&[
        linked,
        without,
        (
            "storm",
            "A storm destroyed the old pier in 2019.",
            r#"{"type": "date", "value": "2019", "text": "2019"}"#,
        ),
    ]);
    verdicts(
        &b,
        &[
            (
                "Norby and Sudby only established a ferry link about five years after the storm destroyed the old pier",
                S,
            ),
            (
                "the ferry link between Norby and Sudby came about five years after the storm destroyed the old pier",
                S,
            ),
            (
                "the ferry link between Norby and Sudby came before the storm destroyed the old pier",
                R,
            ),
            // A state is dated by its start only: before it, unknown.
            (
                "Norby and Sudby had a ferry link before the storm destroyed the old pier",
                N,
            ),
        ],
    );
}

#[test]
fn a_statement_may_name_what_the_facts_thing_is_a_kind_of() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[
        (
            "ship",
            "The ship carried 300 passengers.",
            r#"{"type": "count", "value": 300, "text": "300"}"#,
        ),
        (
            "vessel",
            "A vessel sank in 1907.",
            r#"{"type": "date", "value": "1907", "text": "1907"}"#,
        ),
    ]);
    verdicts(
        &b,
        &[
            ("the vessel carried 300 passengers", S),
            // A vessel is not always a ship.
            ("a ship sank in 1907", N),
        ],
    );
}

#[test]
fn a_json_line_is_what_serde_json_writes() {
    let texts = [
        "plain words",
        "",
        "a \"quote\" and a \\ backslash",
        "tab\there, line\nfeed, bell\u{7} and del\u{7f}",
        "Zürich’s 東京 – 5 €",
    ];
    for (k, t) in texts.iter().enumerate() {
        let j = Judgement {
            statement: t.to_string(),
            verdict: [Verdict::Supported, Verdict::Refuted, Verdict::NotEnoughInfo][k % 3],
            fact_id: (k % 2 == 0).then(|| t.to_string()),
            evidence: (k % 2 == 1).then(|| format!("{t}{t}")),
            explanation: t.repeat(3),
            correction: (k != 1).then(|| t.to_string()),
        };
        let mut got = Vec::new();
        j.write_json_line(&mut got).expect("a Vec takes every byte");
        let want = serde_json::to_string(&j).expect("serialisable") + "\n";
        assert_eq!(String::from_utf8(got).expect("UTF-8"), want, "{t:?}");
    }
}

#[test]
fn a_figure_far_before_between_claims_no_gap() {
    use Verdict::Supported as S;
    let b = bank_of(&[(
        "split",
        "Ola Berg, who spent five years drilling from 2009 to 2014, said the core would be split between Norby and Sudby.",
        r#"{"type": "period", "from": "2009", "until": "2014", "text": "from 2009 to 2014"}"#,
    )]);
    verdicts(
        &b,
        &[(
            "Ola Berg, who spent five years drilling from 2009 to 2014, said the core would be split between Norby and Sudby.",
            S,
        )],
    );
}

#[test]
fn a_comparison_without_a_figure_is_left_open() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[(
        "bridge",
        "The Norby bridge is the second bridge in the region, after the Sudby bridge.",
        "",
    )]);
    verdicts(
        &b,
        &[
            ("The Norby bridge is the second bridge in the region", S),
            ("The Sudby bridge is longer than the Norby bridge", N),
            ("The Norby bridge is older than the Sudby bridge", N),
        ],
    );
}

#[test]
fn a_range_between_two_places_is_no_gap_between_events() {
    use Verdict::{Refuted as R, Supported as S};
    let b = bank_of(&[(
        "trip",
        "The bridge will cut the journey between Norby and Sudby from 2 hours 10 minutes to 48 minutes.",
        r#"{"type": "duration", "value": 130, "unit": "minutes", "text": "2 hours 10 minutes"}, {"type": "duration", "value": 48, "unit": "minutes", "text": "48 minutes"}"#,
    )]);
    verdicts(
        &b,
        &[
            (
                "The bridge will cut the journey between Norby and Sudby from 2 hours 10 minutes to 48 minutes.",
                S,
            ),
            (
                "The bridge will cut the journey between Norby and Sudby from 3 hours to 48 minutes.",
                R,
            ),
        ],
    );
}

#[test]
fn a_superlatives_scope_is_the_facts_to_give() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[(
        "oldest",
        "The Norby Playhouse is the oldest stage in Sudby.",
        "",
    )]);
    verdicts(
        &b,
        &[
            ("the Norby Playhouse is the oldest stage in Sudby", S),
            ("the Norby Playhouse is the oldest stage in the country", N),
            ("the Norby Playhouse is the oldest stage in the world", N),
        ],
    );
}

#[test]
fn a_value_another_already_matches_speaks_of_something_else() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let b = bank_of(&[(
        "halted",
        "Work on the Norby quay stopped in 2023 after diggers found an old well.",
        r#"{"type": "date", "value": "2023", "text": "2023"}"#,
    )]);
    verdicts(
        &b,
        &[
            ("work on the norby quay stopped in 2023", S),
            ("work on the norby quay stopped in 2021", R),
            // The well's age is no second date of the halt.
            (
                "work on the norby quay stopped in 2023 after diggers found a well from 1350",
                N,
            ),
        ],
    );
}

#[test]
fn an_order_word_against_the_facts_own_never_supports() {
    use Verdict::{NotEnoughInfo as N, Refuted as R};
    let b = bank_of(&[(
        "opened",
        "Norby opened a flood wall eight years after the great flood.",
        "",
    )]);
    verdicts(
        &b,
        &[
            ("norby opened a flood wall before the great flood", R),
            // Two flips would make it "supported": the order is not resolved.
            ("before the flood wall norby had no flood defences", N),
        ],
    );
}

#[test]
fn another_person_after_the_facts_own_is_a_companion() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let text = r#"{"schema_version": 2, "source": {"title": "Quay", "date": "2025-03-14", "text": "-"},
        "entities": [{"id": "berg", "name": "Ola Berg", "kind": "person", "aliases": ["Berg"]},
                     {"id": "lund", "name": "Per Lund", "kind": "person", "aliases": ["Lund"]},
                     {"id": "moe", "name": "Kari Moe", "kind": "person", "aliases": ["Moe"]}],
        "facts": [{"id": "cut", "topic": "t", "statement": "Ola Berg cut the ribbon alongside Per Lund, 71.", "quote": "-",
                   "entities": ["berg", "lund"], "subject": "berg",
                   "values": [{"type": "count", "value": 71, "text": "71"}, {"type": "person", "entity": "berg", "text": "Ola Berg"}]}]}"#;
    let b = bank::parse(text, "quay.json").expect("test bank");
    verdicts(
        &b,
        &[
            ("Ola Berg cut the ribbon alongside Per Lund, 71", S),
            ("ola berg cut the ribbon alongside per lund", S),
            // The age after the name is Per Lund's, and wrong.
            ("Ola Berg cut the ribbon alongside Per Lund, 72", R),
            // Who cut it is the fact's person; the other person the fact
            // names may have done something else in it.
            ("Per Lund cut the ribbon alongside Ola Berg", N),
            ("Kari Moe cut the ribbon alongside Per Lund", R),
        ],
    );
}

#[test]
fn until_sets_a_date_against_the_end_of_a_span() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let b = bank_of(&[
        (
            "ran",
            "Ola Berg ran the Norby ferry from 2009 to 2014.",
            r#"{"type": "period", "from": "2009", "until": "2014", "text": "from 2009 to 2014"}"#,
        ),
        (
            "linked",
            "Norby and Sudby established a ferry link on 14 February 2024.",
            LINKED,
        ),
    ]);
    verdicts(
        &b,
        &[
            ("ola berg ran the norby ferry until 2014", S),
            // A year inside the span is no end of it.
            ("ola berg ran the norby ferry until 2012", R),
            ("ola berg ran the norby ferry till 2016", R),
            // An event's date is no end of a state: the order is unresolved.
            ("until february 2024 norby and sudby had a ferry link", N),
        ],
    );
}

#[test]
fn a_word_for_one_end_of_a_span_sets_the_date_against_that_end() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let b = bank_of(&[(
        "headed",
        "Ola Berg headed the Norby ferry from 2009 to 2014.",
        r#"{"type": "period", "from": "2009", "until": "2014", "text": "from 2009 to 2014"}"#,
    )]);
    verdicts(
        &b,
        &[
            ("ola berg left the norby ferry in 2014", S),
            ("ola berg stepped down from the norby ferry in 2014", S),
            ("ola berg took over the norby ferry in 2009", S),
            ("ola berg took charge of the norby ferry in 2009", S),
            ("ola berg was in charge of the norby ferry in 2011", S),
            // A year inside the span is neither of its ends.
            ("ola berg became head of the norby ferry in 2011", R),
            ("ola berg took over the norby ferry in 2011", R),
            ("ola berg left the norby ferry in 2011", R),
            // "back" turns the verb's sense: no phrase, a word to explain.
            ("ola berg handed back the norby ferry in 2014", N),
        ],
    );
}

#[test]
fn the_time_between_two_events_is_never_read_from_two_facts_joined() {
    use Verdict::NotEnoughInfo as N;
    let b = bank_of(&[
        (
            "reopened",
            "The Norby ferry began sailing on Thursday, more than three years after a storm sank the old one.",
            r#"{"type": "duration", "value": 3, "unit": "year", "bound": "gt", "text": "more than three years"}"#,
        ),
        (
            "delayed",
            "The ferry's reopening was pushed back by six months after new engines arrived late.",
            r#"{"type": "duration", "value": 6, "unit": "month", "text": "six months"}"#,
        ),
    ]);
    // Joined, the delay's six months would fit "less than two years";
    // the fact that gives both events does not say "reopened".
    verdicts(
        &b,
        &[("the ferry reopened less than two years after the storm", N)],
    );
}

#[test]
fn an_order_side_is_never_the_event_the_other_side_is() {
    use Verdict::{Refuted as R, Supported as S};
    let b = bank_of(&[
        LINKED_AFTER_WITHOUT[0],
        (
            "cut",
            "Ferry links between Norby and Sudby were cut after a storm in 1959.",
            r#"{"type": "date", "value": "1959", "text": "1959"}"#,
        ),
        (
            "ran",
            "Ola Berg ran the Norby ferry from 2009 to 2014.",
            r#"{"type": "period", "from": "2009", "until": "2014", "text": "from 2009 to 2014"}"#,
        ),
    ]);
    verdicts(
        &b,
        &[
            // The storm's fact speaks of links too; the link that came is
            // the other one.
            ("the link came about 65 years after the storm", S),
            ("the link came about 40 years after the storm", R),
            // The words as written where the span's end explains them.
            (
                "the ferry link came ten years after ola berg stepped down from the norby ferry",
                S,
            ),
            (
                "the ferry link came ten years after ola berg took over the norby ferry",
                R,
            ),
        ],
    );
}

#[test]
fn what_the_facts_speaker_denies_is_refuted() {
    use Verdict::{Refuted as R, Supported as S};
    let b = bank_of(&[(
        "scrap",
        "Ola Berg rejected claims by local critics that the old Norby ferry had been sold for scrap.",
        "",
    )]);
    verdicts(
        &b,
        &[
            ("the old norby ferry was sold for scrap", R),
            ("apparently the old ferry has been sold off for scrap", R),
            ("the old norby ferry was not sold for scrap", S),
            (
                "ola berg rejected claims that the old ferry was sold for scrap",
                S,
            ),
            // Whose claim it was: reported, as the article reports it.
            ("local critics claimed the old ferry was sold for scrap", S),
        ],
    );
}

#[test]
fn a_date_goes_with_the_event_the_words_before_it_name() {
    use Verdict::{Refuted as R, Supported as S};
    let b = bank_of(&[(
        "trials",
        "The hull was floated out in June 2024, and sea trials ended in February 2025.",
        r#"{"type": "date", "value": "2024-06", "text": "June 2024"}, {"type": "date", "value": "2025-02", "text": "February 2025"}"#,
    )]);
    verdicts(
        &b,
        &[
            ("sea trials ended in june 2024", R),
            ("sea trials ended in february 2025", S),
            ("the hull was floated out in june 2024", S),
        ],
    );
}

#[test]
fn other_names_something_else_than_the_facts_one() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[
        (
            "first",
            "The Norby ferry was the first electric ferry in the province.",
            "",
        ),
        (
            "ties",
            "Norby keeps close ties with towns that share its dialect.",
            "",
        ),
    ]);
    verdicts(
        &b,
        &[
            ("other provinces already have electric ferries", N),
            (
                "norby keeps close ties with other towns that share its dialect",
                S,
            ),
        ],
    );
}

#[test]
fn the_first_or_last_weeks_of_a_year_hold_a_date_inside_them() {
    use Verdict::{Refuted as R, Supported as S};
    let b = bank_of(&[LINKED_AFTER_WITHOUT[0]]);
    verdicts(
        &b,
        &[
            (
                "norby and sudby established a ferry link within the first two months of 2024",
                S,
            ),
            (
                "the ferry link was established in the last three months of 2024",
                R,
            ),
            (
                "the ferry link was established in the first week of 2024",
                R,
            ),
        ],
    );
}

#[test]
fn a_number_word_against_the_facts_count_is_a_claim() {
    let b = bank_of(&[(
        "treated",
        "Paramedics treated 57 runners, and six were taken to hospital.",
        r#"{"type": "count", "value": 57, "text": "57"}, {"type": "count", "value": 6, "text": "six"}"#,
    )]);
    // Round 22's false SUPPORTED: "six" read as the noun its figure
    // counts, and "sixteen" let go as a number word.
    verdicts(
        &b,
        &[("sixteen runners were taken to hospital", Verdict::Refuted)],
    );
}

#[test]
fn a_support_verb_is_explained_by_the_facts_noun_after_it() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[("visit", "Ola Berg's visit to Sudby lasted two days.", "")]);
    verdicts(
        &b,
        &[
            ("ola berg made a visit to sudby", S),
            // Who gives and who gets is a claim; "got" before a participle
            // is only a passive.
            ("ola berg got a visit from sudby", N),
            ("ola berg got invited to sudby", N),
            // The noun must be the fact's.
            ("ola berg made a speech in sudby", N),
        ],
    );
}

#[test]
fn a_phrase_is_read_as_the_word_it_stands_for() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let b = bank_of(&[
        (
            "letters",
            "Norby and Sudby exchanged official letters on 14 February 2024.",
            LINKED,
        ),
        (
            "ran",
            "Ola Berg ran the Norby ferry from 2009 to 2014.",
            r#"{"type": "period", "from": "2009", "until": "2014", "text": "from 2009 to 2014"}"#,
        ),
    ]);
    verdicts(
        &b,
        &[
            ("the letters were handed over on 14 february 2024", S),
            ("the formal letters changed hands on 14 february 2024", S),
            ("the letters were handed over on 15 february 2024", R),
            // An idiom means what it means, not what its verb means alone.
            ("the letters went against norby on 14 february 2024", N),
            // An order word is never folded into a phrase ("come before").
            ("the letters came before 2024", N),
        ],
    );
}

#[test]
fn a_modal_word_is_the_facts_only_over_what_the_fact_expects() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[
        (
            "linked",
            "Norby and Sudby established a ferry link on 14 February 2024.",
            LINKED,
        ),
        (
            "avenues",
            "The ferry link is expected to open new trade between Norby and Sudby.",
            "",
        ),
    ]);
    verdicts(
        &b,
        &[
            (
                "the ferry link is expected to open new trade between norby and sudby",
                S,
            ),
            // What the article expects is trade, not the link itself.
            ("norby and sudby are expected to establish a ferry link", N),
            ("norby and sudby will probably establish a ferry link", N),
        ],
    );
}

#[test]
fn another_order_word_than_the_facts_frame_is_another_time() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let b = bank_of(&[
        (
            "visits",
            "Before the storm, about 900 people visited Norby every year.",
            r#"{"type": "count", "value": 900, "approx": true, "text": "about 900"}"#,
        ),
        (
            "cut",
            "Exchanges between Norby and Sudby were cut off after the revolution in 1959.",
            r#"{"type": "date", "value": "1959", "text": "1959"}"#,
        ),
    ]);
    verdicts(
        &b,
        &[
            (
                "before the storm about 900 people visited norby every year",
                S,
            ),
            (
                "after the storm about 900 people visited norby every year",
                R,
            ),
            // Since the storm is a time the fact does not tell of.
            (
                "about 900 people a year have visited norby since the storm ended",
                N,
            ),
            (
                "about 900 people a year have visited norby since the storm",
                N,
            ),
        ],
    );
}

#[test]
fn a_count_of_another_noun_is_no_count_of_the_facts() {
    use Verdict::{NotEnoughInfo as N, Refuted as R, Supported as S};
    let b = bank_of(&[(
        "partners",
        "The Norby ferry is a joint project of three agencies.",
        r#"{"type": "count", "value": 3, "text": "three agencies"}"#,
    )]);
    verdicts(
        &b,
        &[
            ("the norby ferry is a joint project of three agencies", S),
            ("the norby ferry is a joint project of five agencies", R),
            ("the norby ferry is a joint project of 5 agencys", R),
            // People are not what the fact counts.
            ("around 10,000 people worked on the norby ferry project", N),
        ],
    );
}

#[test]
fn a_paraphrased_side_of_a_stated_order_is_placed_by_the_other() {
    use Verdict::{Refuted as R, Supported as S};
    // The bank's keywords give the paraphrase ("contacts", "severed").
    let text = r#"{"schema_version": 2, "source": {"title": "Ferry", "date": "2024-03-01", "text": "-"},
        "entities": [{"id": "norby", "name": "Norby", "kind": "city", "aliases": []}, {"id": "sudby", "name": "Sudby", "kind": "city", "aliases": []}],
        "facts": [{"id": "cut", "topic": "t", "statement": "Exchanges between Norby and Sudby were cut off after the Norby revolution in 1959.",
                   "quote": "-", "entities": ["norby", "sudby"], "keywords": ["contacts", "severed"],
                   "values": [{"type": "date", "value": "1959", "text": "1959"}]}]}"#;
    let b = bank::parse(text, "ferry.json").expect("test bank");
    verdicts(
        &b,
        &[
            (
                "contacts between the two were severed after the 1959 norby revolution",
                S,
            ),
            ("contacts were severed before the 1959 norby revolution", R),
            (
                "the 1959 norby revolution came after contacts were severed",
                R,
            ),
        ],
    );
}

#[test]
fn each_figure_keeps_what_the_fact_pairs_it_with() {
    use Verdict::{NotEnoughInfo as N, Supported as S};
    let b = bank_of(&[
        (
            "herd",
            "The herd of seven females and five males came to Norby.",
            r#"{"type": "count", "value": 7, "text": "seven"}, {"type": "count", "value": 5, "text": "five"}"#,
        ),
        (
            "site",
            "The team reached the site, 920 kilometres inland and 3,210 metres above sea level.",
            r#"{"type": "measure", "value": 920, "unit": "km", "text": "920 kilometres"}, {"type": "measure", "value": 3210, "unit": "m", "text": "3,210 metres"}"#,
        ),
    ]);
    verdicts(
        &b,
        &[
            ("the herd of seven females and five males came to norby", S),
            // Swapped: each figure now counts the other's animals.
            ("the herd of seven males and five females came to norby", N),
            // 10,000 feet is the site's height, not its distance inland.
            ("the site is more than 10,000 feet above sea level", S),
        ],
    );
}
