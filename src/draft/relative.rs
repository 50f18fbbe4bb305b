//! Relative clauses and appositions about people: "…, said Ola Berg,
//! head of the port, who opened the quay alongside Per Lund, 71, whose
//! house flooded in 2016." News packs three claims into such a sentence;
//! read whole, it is one claim verify cannot check, and the draft lost
//! all three. Each becomes a clause of its own, its statement naming the
//! person the pronoun stands for: "Ola Berg opened the quay alongside Per
//! Lund, 71."; "Per Lund's house flooded in 2016."; "Ola Berg is head of
//! the port.".

use crate::lang;

/// A clause of a sentence (a verbatim slice of it) and, where the slice
/// does not read as a statement on its own, the statement it makes.
pub(crate) type Piece<'s> = (&'s str, Option<String>);

/// A relative clause after a person's name: where its comma stands, where
/// its words begin (after "who" or "whose"), what a "whose" makes of the
/// name ("'s"), and the name with its byte offset.
struct Relative<'s> {
    comma: usize,
    body: usize,
    owner: &'static str,
    name_start: usize,
    name: &'s str,
}

/// The pieces of one clause: the clause up to its first relative
/// pronoun, then each relative clause and each apposition about a person.
pub(crate) fn pieces(clause: &str) -> Vec<Piece<'_>> {
    let starts = relatives(clause);
    if let Some(p) = fronted(clause, &starts) {
        return p;
    }
    let main_end = starts.first().map_or(clause.len(), |r| r.comma);
    let mut out: Vec<Piece> = vec![(&clause[..main_end], None)];
    if let Some(p) = apposition(&clause[..main_end]) {
        out.push(p);
    }
    for (i, r) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(clause.len(), |n| n.comma);
        let rest = clause[r.body..end].trim_end_matches([',', '.', ' ']);
        let statement = format!("{}{} {rest}.", r.name, r.owner);
        out.push((&clause[r.name_start..end], Some(statement)));
    }
    out
}

/// "Per Lund, who leads the party, has argued that …": a relative clause
/// right after the name that opens the sentence ends at the next comma,
/// and the sentence's own claim goes on after it.
fn fronted<'s>(clause: &'s str, starts: &[Relative<'s>]) -> Option<Vec<Piece<'s>>> {
    let [r] = starts else {
        return None;
    };
    if r.name_start != 0 || r.name.len() != r.comma {
        return None;
    }
    let body_end = r.body + clause[r.body..].find(", ")?;
    let rest = clause[body_end + 2..].trim_end_matches(['.', ' ']);
    if rest.split_whitespace().count() < 2 {
        return None;
    }
    let relative = format!("{}{} {}.", r.name, r.owner, &clause[r.body..body_end]);
    Some(vec![
        (clause, Some(format!("{} {rest}.", r.name))),
        (&clause[..body_end], Some(relative)),
    ])
}

/// The relative clauses ", who …" and ", whose …" outside quotation marks
/// that follow a person's name ("Residents, who had waited, cheered"
/// stays whole).
fn relatives(clause: &str) -> Vec<Relative<'_>> {
    let mut out = Vec::new();
    for comma in super::unquoted(clause) {
        let rest = &clause[comma..];
        let (pronoun, owner) = if rest.starts_with(", who ") {
            (", who ", "")
        } else if rest.starts_with(", whose ") {
            (", whose ", "'s")
        } else {
            continue;
        };
        if let Some((name_start, name)) = antecedent(&clause[..comma]) {
            out.push(Relative {
                comma,
                body: comma + pronoun.len(),
                owner,
                name_start,
                name,
            });
        }
    }
    out
}

/// The person a relative pronoun after `head` stands for: the
/// capitalised name ending the last part of `head` that has one, past
/// short appositions ("Per Lund, 71", "Ola Berg, head of the port");
/// its byte offset and the name.
fn antecedent(head: &str) -> Option<(usize, &str)> {
    let mut end = head.len();
    for _ in 0..3 {
        let start = head[..end].rfind(", ").map_or(0, |c| c + 2);
        let part = &head[start..end];
        if let Some(offset) = trailing_name(part) {
            return Some((start + offset, &part[offset..]));
        }
        // Only a short apposition is passed over.
        if start == 0 || part.split_whitespace().count() > 6 {
            return None;
        }
        end = start - 2;
    }
    None
}

/// The byte offset of the run of two or more capitalised words that ends
/// `part` ("said Councillor Ola Berg" → "Councillor Ola Berg").
fn trailing_name(part: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = part
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let run = words.iter().rev().take_while(|(_, w)| capital(w)).count();
    (run >= 2).then(|| words[words.len() - run].0)
}

/// "…, said Ola Berg, head of the port" or "Ola Berg, head of the port,
/// said …": the person's role as a statement of its own ("Ola Berg is
/// head of the port."), the quote being the name and its apposition.
fn apposition(clause: &str) -> Option<Piece<'_>> {
    let mut at = 0;
    while let Some(c) = clause[at..].find(", ").map(|c| at + c) {
        at = c + 2;
        let Some((name_start, name)) = antecedent(&clause[..c]) else {
            continue;
        };
        let tail = &clause[at..];
        let role_end = tail.find(", ").unwrap_or(tail.len());
        let role = tail[..role_end].trim_end_matches(['.', ' ']);
        if lang::is_role(role) {
            let statement = format!("{name} is {role}.");
            return Some((&clause[name_start..at + role.len()], Some(statement)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_clauses_name_the_person_they_speak_of() {
        let s = "\"We waited,\" said Councillor Ola Berg, head of the port, who opened the quay alongside Per Lund, 71, whose house flooded in 2016.";
        let got = pieces(s);
        let statements: Vec<&str> = got.iter().filter_map(|(_, s)| s.as_deref()).collect();
        assert_eq!(
            statements,
            [
                "Councillor Ola Berg is head of the port.",
                "Councillor Ola Berg opened the quay alongside Per Lund, 71.",
                "Per Lund's house flooded in 2016.",
            ]
        );
        assert_eq!(
            got[0].0,
            "\"We waited,\" said Councillor Ola Berg, head of the port"
        );
        // Every quote is a slice of the sentence.
        assert!(got.iter().all(|(q, _)| s.contains(q)));
        assert_eq!(got[3].0, "Per Lund, 71, whose house flooded in 2016.");
    }

    #[test]
    fn a_relative_after_the_opening_name_ends_at_its_comma() {
        let s = "Per Lund, who leads the party, has argued that the money was wasted.";
        let got = pieces(s);
        assert_eq!(
            got,
            [
                (
                    s,
                    Some("Per Lund has argued that the money was wasted.".into())
                ),
                (
                    "Per Lund, who leads the party",
                    Some("Per Lund leads the party.".into())
                ),
            ]
        );
    }

    #[test]
    fn a_sentence_without_a_relative_is_one_piece() {
        for s in [
            "The quay opened in 2016, which pleased the town.",
            "Ola Berg, 71, said the quay had opened.",
            "The town, which has 900 people, voted.",
        ] {
            let got = pieces(s);
            assert_eq!(got[0], (s, None), "{s}");
            assert!(got.iter().skip(1).all(|(_, st)| st.is_some()), "{s}");
        }
        // A "who" after no name is left in its sentence.
        let s = "Residents, who had waited for years, cheered.";
        assert_eq!(pieces(s).len(), 1);
    }

    #[test]
    fn an_apposition_gives_the_persons_role() {
        let s = "Ola Berg, the port's chief engineer, said the quay was safe.";
        let got = pieces(s);
        assert_eq!(
            got[1].1.as_deref(),
            Some("Ola Berg is the port's chief engineer.")
        );
        assert_eq!(got[1].0, "Ola Berg, the port's chief engineer");
        // A number after the name is an age, no role; a clause is none.
        assert_eq!(pieces("Per Lund, 71, said so.").len(), 1);
        for s in [
            "The ferries, the MF Halsa and the MF Sund, will cut emissions by 6,000 tonnes.",
            "She opened it after inviting Per Lund, 74, to drive the first car across.",
        ] {
            assert_eq!(pieces(s).len(), 1, "{s}");
        }
        assert!(lang::is_role("leader of the district council"));
        assert!(lang::is_role("a councillor for the opposition party"));
        assert!(!lang::is_role("head"));
    }
}
