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

/// The pieces of one clause: the clause up to its first relative
/// pronoun, then each relative clause and each apposition about a person.
pub(crate) fn pieces(clause: &str) -> Vec<Piece<'_>> {
    // Only a pronoun after a name opens a clause of its own: "Residents,
    // who had waited, cheered" stays whole.
    let starts: Vec<(usize, bool)> = relative_starts(clause)
        .into_iter()
        .filter(|&(comma, _)| antecedent(&clause[..comma]).is_some())
        .collect();
    if let Some(p) = fronted(clause, &starts) {
        return p;
    }
    let main_end = starts.first().map_or(clause.len(), |&(comma, _)| comma);
    let mut out: Vec<Piece> = vec![(&clause[..main_end], None)];
    if let Some(p) = apposition(&clause[..main_end]) {
        out.push(p);
    }
    for (i, &(comma, whose)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(clause.len(), |&(c, _)| c);
        let Some((name_start, name)) = antecedent(&clause[..comma]) else {
            continue;
        };
        let pronoun = if whose { ", whose " } else { ", who " };
        let rest = clause[comma + pronoun.len()..end].trim_end_matches([',', '.', ' ']);
        let statement = if whose {
            format!("{name}'s {rest}.")
        } else {
            format!("{name} {rest}.")
        };
        out.push((&clause[name_start..end], Some(statement)));
    }
    out
}

/// "Per Lund, who leads the party, has argued that …": a relative clause
/// right after the name that opens the sentence ends at the next comma,
/// and the sentence's own claim goes on after it.
fn fronted<'s>(clause: &'s str, starts: &[(usize, bool)]) -> Option<Vec<Piece<'s>>> {
    let &(comma, whose) = starts.first()?;
    let (name_start, name) = antecedent(&clause[..comma])?;
    if name_start != 0 || name.len() != comma {
        return None;
    }
    let pronoun = if whose { ", whose " } else { ", who " };
    let rel_start = comma + pronoun.len();
    let rel_end = rel_start + clause[rel_start..].find(", ")?;
    let rest = clause[rel_end + 2..].trim_end_matches(['.', ' ']);
    if rest.split_whitespace().count() < 2 || starts.len() > 1 {
        return None;
    }
    let owner = if whose { "'s" } else { "" };
    let relative = format!("{name}{owner} {}.", &clause[rel_start..rel_end]);
    Some(vec![
        (clause, Some(format!("{name} {rest}."))),
        (&clause[..rel_end], Some(relative)),
    ])
}

/// Where ", who " and ", whose " open relative clauses outside quotation
/// marks: the comma's byte and whether it is "whose".
fn relative_starts(clause: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    for i in super::unquoted(clause) {
        let rest = &clause[i..];
        if !rest.starts_with(", who") {
            continue;
        }
        if rest.starts_with(", who ") {
            out.push((i, false));
        } else if rest.starts_with(", whose ") {
            out.push((i, true));
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
