//! Places and people: entities of the bank, named in a statement through
//! their aliases. The same entity (or, for a place, one that contains the
//! fact's) holds; another entity of the same kind differs.

use super::bank::Expected;
use super::kind::{Kind, Names};
use super::{Cmp, Value};
use crate::bank::{self, AnswerType, EntityKind};

/// Places and people. Statements name them through the entity index
/// (`verify`), not as values read here.
pub(crate) struct Entity;

impl Kind for Entity {
    fn read_bank(&self, v: &bank::Value, names: &Names) -> Option<Result<(Value, Cmp), String>> {
        let index = |id: &str| (names.index)(id).ok_or_else(|| format!("unknown entity \"{id}\""));
        let value = match v {
            bank::Value::Place { entity, .. } => {
                index(entity).map(|entity| Value::Place { entity })
            }
            bank::Value::Person { entity, .. } => {
                index(entity).map(|entity| Value::Person { entity })
            }
            _ => return None,
        };
        Some(value.map(|v| (v, Cmp::Exact)))
    }

    fn answer(
        &self,
        t: AnswerType,
        v: &str,
        names: &Names,
    ) -> Option<Result<Expected, &'static str>> {
        let person = match t {
            AnswerType::Person => true,
            AnswerType::Place => false,
            _ => return None,
        };
        let value = parse(names, v, person).map(|entity| match person {
            true => Value::Person { entity },
            false => Value::Place { entity },
        });
        Some(value.map(Expected::Value))
    }

    fn display(&self, v: &Value, names: &Names) -> Option<String> {
        match v {
            Value::Place { entity } | Value::Person { entity } => {
                Some(names.entities[*entity].name.clone())
            }
            _ => None,
        }
    }
}

/// A quiz answer's expected entity: an id of the right kind.
fn parse(names: &Names, v: &str, person: bool) -> Result<usize, &'static str> {
    let i = (names.index)(v).ok_or("name an entity id from the bank's entities")?;
    let kind = names.entities[i].kind;
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
