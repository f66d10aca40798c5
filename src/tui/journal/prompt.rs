//! Which prompt the editor shows: the prompt of the day, another one, one from a chosen
//! category (the expressive category only when chosen), or none at all (writing freely).

use crate::domain::journal::{Prompt, Prompts};
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PromptChoice {
    pub prompt: Option<Prompt>,
    /// The category the user chose; None means the everyday prompts of the day.
    pub category: Option<String>,
    /// How many times "another" was asked for.
    pub skip: usize,
    /// An edited entry's prompt text when its prompt is no longer offered.
    kept_text: Option<String>,
}

impl PromptChoice {
    /// Writing freely, with no prompt.
    pub fn free() -> PromptChoice {
        PromptChoice::default()
    }

    /// Today's prompt, or the one asked for (`attune journal new --prompt ID`).
    pub fn of_the_day(prompts: &Prompts, day: NaiveDate, id: Option<&str>) -> PromptChoice {
        let prompt = match id {
            Some(id) => prompts.get(id),
            None => prompts.of_the_day(day, 0),
        };
        let category = id.and_then(|_| prompt.map(|p| p.category.clone()));
        PromptChoice {
            prompt: prompt.cloned(),
            category,
            ..PromptChoice::default()
        }
    }

    /// An edited entry keeps the prompt it was written to.
    pub fn kept(id: Option<&str>, text: Option<&str>, prompts: &Prompts) -> PromptChoice {
        let prompt = id.and_then(|id| prompts.get(id)).cloned();
        PromptChoice {
            category: prompt.as_ref().map(|p| p.category.clone()),
            kept_text: text.map(str::to_string).filter(|_| prompt.is_none()),
            prompt,
            skip: 0,
        }
    }

    /// A draft's prompt, offered back.
    pub fn restored(id: Option<&str>, category: Option<String>, prompts: &Prompts) -> PromptChoice {
        PromptChoice {
            prompt: id.and_then(|id| prompts.get(id)).cloned(),
            category,
            ..PromptChoice::default()
        }
    }

    pub fn id(&self) -> Option<String> {
        self.prompt.as_ref().map(|p| p.id.clone())
    }

    pub fn text(&self) -> Option<String> {
        self.prompt
            .as_ref()
            .map(|p| p.text.clone())
            .or_else(|| self.kept_text.clone())
    }

    /// Another prompt of the same kind (the day's, or the chosen category's).
    pub fn another(&mut self, prompts: &Prompts, day: NaiveDate) {
        self.skip += 1;
        self.kept_text = None;
        let next = match &self.category {
            Some(c) => prompts.in_category(c, day, self.skip),
            None => prompts.of_the_day(day, self.skip),
        };
        self.prompt = next.cloned();
    }

    /// A prompt from `category`.
    pub fn choose(&mut self, prompts: &Prompts, category: &str, day: NaiveDate) {
        self.category = Some(category.to_string());
        self.skip = 0;
        self.kept_text = None;
        self.prompt = prompts.in_category(category, day, 0).cloned();
    }

    pub fn freely(&mut self) {
        *self = PromptChoice::free();
    }

    /// Writing about something painful, which the user chose: grounding is offered after.
    pub fn expressive(&self, prompts: &Prompts) -> bool {
        self.prompt
            .as_ref()
            .is_some_and(|p| prompts.is_opt_in(&p.category))
    }
}
