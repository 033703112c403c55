//! Keys chosen by the user: the configuration's `[keys]` rebinds actions, in
//! every layer they are bound in or in one; a rebinding that would put two
//! actions on one key in one layer is refused.

use super::keymap::Binding;
use super::{Action, Key, Keymap, Layer};

/// New keys for an action: in one layer, or in every layer it is bound in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub action: Action,
    pub layer: Option<Layer>,
    pub keys: Vec<Key>,
}

/// Two actions on one key in one layer, which a rebinding would cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub key: Key,
    pub layer: Layer,
    /// The action rebound onto the key.
    pub action: Action,
    /// The action that has it already.
    pub other: Action,
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}",
            crate::i18n::tf(
                "config.clash",
                &[
                    ("key", &crate::config::key_name(&self.key)),
                    ("layer", &self.layer.title()),
                    ("other", &self.other.describe()),
                    ("name", &crate::config::action_name(self.other)),
                ]
            )
        )
    }
}

impl Keymap {
    /// This keymap with the keys of some actions replaced (the configuration's
    /// `[keys]`): in every layer the action is bound in, its keys become the
    /// given ones, in its place in the hint line. Refused if a key would then do
    /// two things in one layer.
    pub fn rebound(&self, overrides: &[Rebinding]) -> Result<Self, Clash> {
        let mut bindings = self.bindings.clone();
        for Rebinding {
            action,
            layer,
            keys,
        } in overrides
        {
            let mut rebound = Vec::with_capacity(bindings.len());
            let mut done: Vec<Layer> = Vec::new();
            for binding in bindings {
                if binding.action != *action || layer.is_some_and(|l| l != binding.layer) {
                    rebound.push(binding);
                } else if !done.contains(&binding.layer) {
                    done.push(binding.layer);
                    rebound.extend(keys.iter().enumerate().map(|(i, key)| Binding {
                        key: *key,
                        hint: if i == 0 { binding.hint } else { None },
                        ..binding
                    }));
                }
            }
            bindings = rebound;
        }
        for (i, first) in bindings.iter().enumerate() {
            if let Some(second) = bindings[i + 1..]
                .iter()
                .find(|b| b.layer == first.layer && b.key == first.key && b.action != first.action)
            {
                let overridden = |a: Action| overrides.iter().any(|o| o.action == a);
                let (action, other) = if overridden(second.action) && !overridden(first.action) {
                    (second.action, first.action)
                } else {
                    (first.action, second.action)
                };
                return Err(Clash {
                    key: first.key,
                    layer: first.layer,
                    action,
                    other,
                });
            }
        }
        Ok(Self { bindings })
    }
}
