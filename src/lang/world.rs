//! General world knowledge for drafting banks: countries with their other
//! names, capitals and peoples, and continents and large regions, from
//! `data/world/world.tsv` and `data/world/regions.tsv` at the crate's root
//! (sources and licence in their headers), compiled by `build.rs`.

use super::{REGIONS, WORLD};

/// What a phrase names in the world tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A country, by its row; `people` when the phrase names its people
    /// or is its adjective ("Danish", "Danes").
    Country { row: usize, people: bool },
    /// A country's capital, by the country's row.
    Capital { row: usize },
    /// A continent or region, by its row; `people` as for countries.
    Region { row: usize, people: bool },
}

/// A country's row, split into its parts.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub(crate) name: &'static str,
    pub(crate) aliases: Vec<&'static str>,
    pub(crate) capital: &'static str,
    pub(crate) demonyms: Vec<&'static str>,
}

fn list(s: &'static str) -> Vec<&'static str> {
    if s == "-" {
        return Vec::new();
    }
    s.split(';').collect()
}

pub(crate) fn country(row: usize) -> Country {
    let (name, (aliases, capital, demonyms, _)) = WORLD[row];
    Country {
        name,
        aliases: list(aliases),
        capital,
        demonyms: list(demonyms),
    }
}

pub(crate) fn countries() -> usize {
    WORLD.len()
}

/// A region's name and the adjectives for it.
pub(crate) fn region(row: usize) -> (&'static str, Vec<&'static str>) {
    let (name, adj) = REGIONS[row];
    (name, list(adj))
}

pub(crate) fn regions() -> usize {
    REGIONS.len()
}

fn same(a: &str, b: &str) -> bool {
    let a = a.strip_prefix("the ").unwrap_or(a);
    let b = b.strip_prefix("The ").unwrap_or(b);
    a.eq_ignore_ascii_case(b)
}

/// What a name is in the world tables, if anything; names are matched
/// without regard to case, and an adjective names the people. Read from
/// the tables as they are, building no row.
pub(crate) fn lookup(phrase: &str) -> Option<Place> {
    let phrase = phrase.trim();
    let listed = |list: &str| list != "-" && list.split(';').any(|x| same(phrase, x));
    for (row, &(name, (aliases, _, demonyms, _))) in WORLD.iter().enumerate() {
        if same(phrase, name) || listed(aliases) {
            return Some(Place::Country { row, people: false });
        }
        if listed(demonyms) {
            return Some(Place::Country { row, people: true });
        }
    }
    for (row, &(name, adjectives)) in REGIONS.iter().enumerate() {
        if same(phrase, name) {
            return Some(Place::Region { row, people: false });
        }
        if listed(adjectives) {
            return Some(Place::Region { row, people: true });
        }
    }
    (WORLD.iter())
        .position(|&(_, (_, capital, _, _))| same(phrase, capital))
        .map(|row| Place::Capital { row })
}

/// The country or region whose adjective `word` is ("Canadian": Canada,
/// "European": Europe).
pub(crate) fn place_of_adjective(word: &str) -> Option<&'static str> {
    match lookup(word)? {
        Place::Country { row, people: true } => Some(WORLD[row].0),
        Place::Region { row, people: true } => Some(REGIONS[row].0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjective_names_its_country_or_region() {
        assert_eq!(place_of_adjective("Danish"), Some("Denmark"));
        assert_eq!(place_of_adjective("european"), Some("Europe"));
        assert_eq!(place_of_adjective("Space"), None);
    }

    #[test]
    fn names_peoples_and_capitals_are_found() {
        let row = |n: &str| (0..countries()).find(|&r| country(r).name == n).unwrap();
        let norway = row("Norway");
        assert_eq!(
            lookup("Norway"),
            Some(Place::Country {
                row: norway,
                people: false
            })
        );
        assert_eq!(
            lookup("Norwegians"),
            Some(Place::Country {
                row: norway,
                people: true
            })
        );
        assert_eq!(lookup("Oslo"), Some(Place::Capital { row: norway }));
        assert!(matches!(
            lookup("Europe"),
            Some(Place::Region { people: false, .. })
        ));
        assert_eq!(lookup("Atlantis"), None);
    }

    #[test]
    fn every_row_has_a_capital_and_a_people() {
        for r in 0..countries() {
            let c = country(r);
            assert!(!c.capital.is_empty() && !c.demonyms.is_empty(), "{c:?}");
        }
    }
}
