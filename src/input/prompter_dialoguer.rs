//! The real [`Prompter`]: dialoguer prompts drawn on standard error, and what Ctrl-C does.
//!
//! Ctrl-C reaches the program two ways. While a prompt waits for a key the terminal is in raw mode,
//! so the key arrives as a byte: console turns it into an `Interrupted` error (mapped to
//! [`PromptError::Interrupted`]) and also raises SIGINT. Between prompts the terminal delivers
//! SIGINT directly. Both end the same way, through [`finish_interrupted`]: the cursor dialoguer hid is
//! shown again, a line says where the answers are, and the exit code is 130. The signal handler
//! waits for a save in progress ([`hold_saves`]), so the saved file is always a whole one.

use std::io;
use std::sync::{Mutex, MutexGuard, PoisonError};

use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{FuzzySelect, Input, MultiSelect, Select};

use super::questionnaire::{PromptError, Prompter, Validator};

/// Held while answers are being written, and for good once the session is interrupted.
static SESSION: Mutex<()> = Mutex::new(());

/// Holds off an interruption until the guard is dropped: take it around every save.
pub fn hold_saves() -> MutexGuard<'static, ()> {
    SESSION.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Shows the cursor again and says what happened, once: whichever of the signal handler and the
/// interrupted prompt comes second waits here until the process is gone.
pub fn finish_interrupted(message: &str) {
    std::mem::forget(hold_saves());
    let term = Term::stderr();
    // Best effort: the terminal may be gone already.
    let _ = term.show_cursor();
    let _ = term.write_line("");
    let _ = term.write_line(message);
}

/// Makes SIGINT (Ctrl-C between prompts) and SIGTERM end the process, with code 130 or 143, after
/// [`finish_interrupted`]. A second call replaces the message.
pub fn handle_ctrl_c(message: String) {
    crate::interrupt::on_interrupt(move || finish_interrupted(&message));
}

/// dialoguer on standard error.
pub struct DialoguerPrompter {
    term: Term,
    theme: Box<dyn Theme>,
}

impl DialoguerPrompter {
    /// `color`: the coloured theme; else plain text (NO_COLOR, `--color never`).
    pub fn new(color: bool) -> DialoguerPrompter {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            console::set_colors_enabled_stderr(false);
            Box::new(SimpleTheme)
        };
        DialoguerPrompter {
            term: Term::stderr(),
            theme,
        }
    }

    /// Rows a list may take: the terminal's height less room for the prompt.
    fn rows(&self) -> usize {
        usize::from(self.term.size().0).saturating_sub(3).max(5)
    }

    /// Items cut to one line each: dialoguer redraws a list by counting items, so an item that
    /// wrapped would leave stale lines behind.
    fn one_line(&self, items: &[String]) -> Vec<String> {
        let width = usize::from(self.term.size().1).saturating_sub(4).max(20);
        items
            .iter()
            .map(|item| console::truncate_str(item, width, "…").into_owned())
            .collect()
    }
}

fn prompt_error(error: dialoguer::Error) -> PromptError {
    match error {
        dialoguer::Error::IO(e) if e.kind() == io::ErrorKind::Interrupted => {
            PromptError::Interrupted
        }
        dialoguer::Error::IO(e) => PromptError::Io(e),
    }
}

impl Prompter for DialoguerPrompter {
    /// Esc (or `q`) goes back. The choice is not echoed: the flow notes what a screen ended with.
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<Option<usize>, PromptError> {
        Select::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(&self.one_line(items))
            .default(default)
            .max_length(self.rows())
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)
    }

    /// Esc (or `q`) goes back; `a` ticks (or unticks) every item.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Option<Vec<usize>>, PromptError> {
        MultiSelect::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(&self.one_line(items))
            .defaults(checked)
            .max_length(self.rows())
            .interact_on_opt(&self.term)
            .map_err(prompt_error)
    }

    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: Validator<'_>,
    ) -> Result<String, PromptError> {
        let mut input = Input::<String>::with_theme(self.theme.as_ref()).with_prompt(prompt);
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        input
            .validate_with(|text: &String| validate(text))
            .interact_text_on(&self.term)
            .map_err(prompt_error)
    }

    /// The first item is highlighted, so Enter with nothing typed takes it; Esc goes back.
    fn fuzzy_select(
        &mut self,
        prompt: &str,
        items: &[String],
    ) -> Result<Option<usize>, PromptError> {
        FuzzySelect::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(&self.one_line(items))
            .default(0)
            .max_length(self.rows())
            .interact_on_opt(&self.term)
            .map_err(prompt_error)
    }

    fn note(&mut self, message: &str) -> Result<(), PromptError> {
        self.term.write_line(message).map_err(PromptError::Io)
    }
}
