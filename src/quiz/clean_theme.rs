//! A dialoguer theme that passes every string it draws (prompts, choices,
//! the typed answer echoed back) through the sanitiser first, so that a
//! bank's escape codes never reach the terminal through the widgets.

use std::fmt;

use dialoguer::theme::Theme;

use crate::sanitize::terminal as clean;

pub(crate) struct Clean(pub Box<dyn Theme>);

impl Theme for Clean {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_prompt(f, &clean(prompt))
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.0.format_error(f, &clean(err))
    }

    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        self.0.format_confirm_prompt(f, &clean(prompt), default)
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        self.0
            .format_confirm_prompt_selection(f, &clean(prompt), selection)
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        let default = default.map(clean);
        self.0
            .format_input_prompt(f, &clean(prompt), default.as_deref())
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0
            .format_input_prompt_selection(f, &clean(prompt), &clean(sel))
    }

    fn format_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_select_prompt(f, &clean(prompt))
    }

    fn format_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0
            .format_select_prompt_selection(f, &clean(prompt), &clean(sel))
    }

    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.0.format_select_prompt_item(f, &clean(text), active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoguer::theme::SimpleTheme;

    #[test]
    fn every_drawn_string_is_sanitised() {
        let t = Clean(Box::new(SimpleTheme));
        let evil = "a\u{1b}]0;x\u{7}b\u{9b}2J";
        let mut s = String::new();
        t.format_prompt(&mut s, evil).unwrap();
        t.format_error(&mut s, evil).unwrap();
        t.format_confirm_prompt(&mut s, evil, Some(true)).unwrap();
        t.format_confirm_prompt_selection(&mut s, evil, Some(true))
            .unwrap();
        t.format_input_prompt(&mut s, evil, Some(evil)).unwrap();
        t.format_input_prompt_selection(&mut s, evil, evil).unwrap();
        t.format_select_prompt(&mut s, evil).unwrap();
        t.format_select_prompt_selection(&mut s, evil, evil)
            .unwrap();
        t.format_select_prompt_item(&mut s, evil, true).unwrap();
        assert!(s.contains("\\x1b"));
        assert!(!s.chars().any(char::is_control), "{s:?}");
    }
}
