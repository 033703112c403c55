//! clap's complaints about the command line, worded in the language.

/// clap's complaint about the command line, in the language and on one line:
/// what is wrong (with clap's suggestion), the usage, where to read more.
/// `None` for help and version, which clap prints itself.
#[must_use]
pub fn usage_error(error: &clap::Error) -> Option<String> {
    use crate::i18n::tf;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let what = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => tf("cli.error-unknown-argument", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => tf(
            "cli.error-unknown-command",
            &[("command", &get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            tf("cli.error-value-missing", &[("arg", &arg)])
        }
        // The check's own reason ("höchstens 100000"), in the language; not
        // the standard library's English one for a number that is none.
        ErrorKind::ValueValidation
            if let Some(why) = std::error::Error::source(error)
                .filter(|why| !why.is::<std::num::ParseIntError>()) =>
        {
            tf(
                "cli.error-invalid-value-why",
                &[("arg", &arg), ("value", &value), ("why", &why)],
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let values = get(ContextKind::ValidValue);
            let key = if values.is_empty() {
                "cli.error-invalid-value"
            } else {
                "cli.error-invalid-value-of"
            };
            tf(
                key,
                &[("arg", &arg), ("value", &value), ("values", &values)],
            )
        }
        ErrorKind::MissingRequiredArgument => tf("cli.error-missing", &[("args", &arg)]),
        _ => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            first.strip_prefix("error: ").unwrap_or(first).to_owned()
        }
    };
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(get)
        .find(|s| !s.is_empty())
        .map(|name| tf("cli.error-suggestion", &[("name", &name)]))
        .unwrap_or_default();
    let usage = get(ContextKind::Usage);
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, u)| u)
        .trim();
    let name: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<']))
        .collect();
    let name = if name.is_empty() {
        "fachmk".to_owned()
    } else {
        name.join(" ")
    };
    // Errors about a value carry no usage line; the help is named all the same.
    let key = if usage.is_empty() {
        "cli.error-without-usage"
    } else {
        "cli.error"
    };
    Some(tf(
        key,
        &[
            ("what", &format!("{what}{suggested}")),
            ("usage", &usage),
            ("help", &name),
        ],
    ))
}
