//! A 0-10 rating around a practice, typed with the number keys.

use crate::domain::checkin::MAX;

/// A 0-10 rating typed with the number keys; 1 then 0 makes 10.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rating {
    pub value: Option<u8>,
    typed_one: bool,
}

impl Rating {
    pub fn digit(&mut self, d: u8) {
        let value = if self.typed_one && d == 0 {
            MAX
        } else {
            d.min(MAX)
        };
        self.value = Some(value);
        self.typed_one = d == 1 && value == 1;
    }

    pub fn clear(&mut self) {
        self.value = None;
        self.typed_one = false;
    }

    pub fn forget_digit(&mut self) {
        self.typed_one = false;
    }
}
