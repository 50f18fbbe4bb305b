//! Text: an open answer graded by its words, not a value a statement
//! claims. It is a kind only for the quiz answers of type `text`.

use super::bank::Expected;
use super::kind::{Kind, Names};
use crate::bank::AnswerType;

pub(crate) struct Text;

impl Kind for Text {
    fn answer(&self, t: AnswerType, v: &str, _: &Names) -> Option<Result<Expected, &'static str>> {
        match t {
            AnswerType::Text if v.is_empty() => Some(Err("the answer is empty")),
            AnswerType::Text => Some(Ok(Expected::Text(v.to_string()))),
            _ => None,
        }
    }
}
