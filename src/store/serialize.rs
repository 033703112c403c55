//! The file format's bytes on two cores. Serializing was most of a save of a
//! large archive, and the concerns are most of the file (19 of its 22 MB): the
//! second half of them, and what follows them, is serialized on a second
//! thread while this one writes everything before, each part by a
//! `PrettyFormatter` started at the depth the part is at; then the second
//! part is appended. The bytes are those of `serde_json::to_writer_pretty`
//! (tested below on the bundled data, the demo archive and generated data).

use serde::Serialize;
use serde_json::ser::{Formatter as _, PrettyFormatter, Serializer};

use crate::domain::Dataset;

/// The pretty formatter of `to_writer_pretty`, as it is one level deep: what it
/// writes next is indented as a value of the file's top-level object.
fn formatter_in_object() -> PrettyFormatter<'static> {
    let mut formatter = PrettyFormatter::new();
    // Only counts the level: `begin_object` writes "{" into nothing.
    let _ = formatter.begin_object(&mut std::io::sink());
    formatter
}

/// Appends `value` as `to_writer_pretty` writes a value of the top-level object.
fn write_value(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(out, formatter_in_object()))
}

/// Appends the key of a top-level entry, after a comma unless it is the first.
fn write_key(out: &mut Vec<u8>, key: &str, first: bool) -> serde_json::Result<()> {
    out.extend_from_slice(if first { b"\n  " } else { b",\n  " });
    serde_json::to_writer(&mut *out, key)?;
    out.extend_from_slice(b": ");
    Ok(())
}

/// What `to_writer_pretty` writes after the last element of a top-level array.
const ARRAY_END: &[u8] = b"\n  ]";

/// Appends the entries that follow the concerns (`reference` when there is
/// any, then the unknown keys kept), and the end of the object.
fn write_rest(out: &mut Vec<u8>, data: &Dataset) -> serde_json::Result<()> {
    if !data.reference.is_empty() {
        write_key(out, "reference", false)?;
        write_value(out, &data.reference)?;
    }
    for (key, value) in &data.extra {
        write_key(out, key, false)?;
        write_value(out, value)?;
    }
    out.extend_from_slice(b"\n}");
    Ok(())
}

/// Appends `data` to `out` as `serde_json::to_writer_pretty` writes it,
/// the second half of the concerns and what follows them on a second thread
/// when there is one. `expected`: about how many bytes it takes.
pub(super) fn write_pretty(
    out: &mut Vec<u8>,
    data: &Dataset,
    expected: usize,
) -> serde_json::Result<()> {
    // Every field named: a new one fails to compile here until it is written too.
    let Dataset {
        format,
        version,
        conferences,
        people,
        assignments,
        decisions,
        guiding_questions,
        sessions,
        concerns,
        reference: _,
        extra: _,
    } = data;
    out.push(b'{');
    write_key(out, "format", true)?;
    write_value(out, format)?;
    write_key(out, "version", false)?;
    write_value(out, version)?;
    macro_rules! entries {
        ($($field:ident),*) => {$(
            write_key(out, stringify!($field), false)?;
            write_value(out, $field)?;
        )*};
    }
    entries!(
        conferences,
        people,
        assignments,
        decisions,
        guiding_questions,
        sessions
    );
    write_key(out, "concerns", false)?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if cores < 2 || concerns.len() < 2 {
        write_value(out, concerns)?;
        return write_rest(out, data);
    }
    let (before, after) = concerns.split_at(concerns.len() / 2);
    let second = std::thread::scope(|scope| {
        let second = scope.spawn(move || {
            let mut part = Vec::with_capacity(expected / 2);
            write_value(&mut part, after)?;
            write_rest(&mut part, data)?;
            Ok::<_, serde_json::Error>(part)
        });
        let first = write_value(out, before);
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        first.and(second)
    })?;
    debug_assert!(out.ends_with(ARRAY_END));
    // "[ a, b ]" and "[ c, d ] …" become "[ a, b, c, d ] …".
    out.truncate(out.len() - ARRAY_END.len());
    out.push(b',');
    out.extend_from_slice(second.get(1..).unwrap_or_default());
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::write_pretty;
    use crate::domain::Dataset;
    use proptest::prelude::*;

    fn both(data: &Dataset) -> (Vec<u8>, Vec<u8>) {
        let mut ours = Vec::new();
        write_pretty(&mut ours, data, 0).unwrap();
        (ours, serde_json::to_vec_pretty(data).unwrap())
    }

    #[test]
    fn the_bundled_data_as_serde_json_writes_it() {
        let (ours, theirs) = both(&crate::store::bundled());
        assert!(ours.len() > 1000);
        assert!(ours == theirs, "{}", String::from_utf8_lossy(&ours));
    }

    #[test]
    fn the_demo_archive_as_serde_json_writes_it() {
        let data = crate::demo::archive(crate::demo::DemoSize::default());
        let (ours, theirs) = both(&data);
        assert!(ours.len() > 20_000_000);
        assert!(ours == theirs);
    }

    /// The bundled data with a few sessions and concerns of the demo archive.
    static SMALL: std::sync::LazyLock<Dataset> = std::sync::LazyLock::new(|| {
        crate::demo::archive(crate::demo::DemoSize {
            sessions: 3,
            concerns: 8,
            seed: 3,
        })
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any number of concerns (none, one, odd, even), references or not,
        /// unknown keys with any text.
        #[test]
        fn generated_data_as_serde_json_writes_it(
            concerns in 0usize..9,
            sessions in 0usize..4,
            reference in any::<bool>(),
            extra in proptest::collection::btree_map("\\PC{0,8}", "\\PC{0,12}", 0..4),
            title in "\\PC{0,20}",
        ) {
            let mut data = SMALL.clone();
            data.concerns.truncate(concerns);
            if let Some(first) = data.concerns.first_mut() {
                first.title = title;
            }
            data.sessions.truncate(sessions + 8);
            if !reference {
                data.reference.clear();
            }
            data.extra = extra.into_iter().map(|(k, v)| (k, v.into())).collect();
            let (ours, theirs) = both(&data);
            prop_assert!(ours == theirs, "{}", String::from_utf8_lossy(&ours));
        }
    }
}
