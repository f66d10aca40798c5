//! Help, over any screen: what attune is, the keys of the screen beneath, and where to
//! find someone now (`view`, `keys`).

pub mod keys;
pub mod view;
