//! Places and people: entities of the bank, named in a statement through
//! their aliases. The same entity (or, for a place, one that contains the
//! fact's) holds; another entity of the same kind differs.

use crate::bank::{Bank, EntityKind};

/// A quiz answer's expected entity: an id of the right kind.
pub(crate) fn parse<Q>(bank: &Bank<Q>, v: &str, person: bool) -> Result<usize, &'static str> {
    let i = bank
        .entity_index(v)
        .ok_or("name an entity id from the bank's entities")?;
    let kind = bank.entities[i].kind;
    let fits = if person {
        kind == EntityKind::Person
    } else {
        kind.is_place()
    };
    if fits {
        Ok(i)
    } else {
        Err("the entity is of another kind")
    }
}
