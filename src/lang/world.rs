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

/// The country or region whose adjective `word` is ("Canadian": Canada,
/// "European": Europe), without building any row.
pub(crate) fn place_of_adjective(word: &str) -> Option<&'static str> {
    let of = |list: &'static str| list.split(';').any(|d| d.eq_ignore_ascii_case(word));
    (WORLD.iter().find(|(_, (_, _, demonyms, _))| of(demonyms)))
        .map(|(name, _)| *name)
        .or_else(|| {
            REGIONS
                .iter()
                .find(|(_, adj)| of(adj))
                .map(|(name, _)| *name)
        })
}

fn same(a: &str, b: &str) -> bool {
    let a = a.strip_prefix("the ").unwrap_or(a);
    let b = b.strip_prefix("The ").unwrap_or(b);
    a.eq_ignore_ascii_case(b)
}

/// What a name is in the world tables, if anything; names are matched
/// without regard to case, and an adjective names the people.
pub(crate) fn lookup(phrase: &str) -> Option<Place> {
    let phrase = phrase.trim();
    for row in 0..WORLD.len() {
        let c = country(row);
        if same(phrase, c.name) || c.aliases.iter().any(|a| same(phrase, a)) {
            return Some(Place::Country { row, people: false });
        }
        if c.demonyms.iter().any(|d| same(phrase, d)) {
            return Some(Place::Country { row, people: true });
        }
    }
    for row in 0..REGIONS.len() {
        let (name, adj) = region(row);
        if same(phrase, name) {
            return Some(Place::Region { row, people: false });
        }
        if adj.iter().any(|a| same(phrase, a)) {
            return Some(Place::Region { row, people: true });
        }
    }
    (0..WORLD.len())
        .find(|&row| same(phrase, country(row).capital))
        .map(|row| Place::Capital { row })
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
