//! The fitted confidence table of the rule-found mentions (`models/confidence.tsv`,
//! measured by `scripts/train/fit_confidence.py`), read through
//! [`crate::model::ModelFile`] into one value per (`found_by`, type) pair.

use std::sync::LazyLock;

use crate::types::EntityType;
use crate::types::FoundBy;

/// Every [`FoundBy`] and every [`EntityType`], in declaration order (the index of
/// each is `as usize`).
const FOUND_BY: &[FoundBy] = FoundBy::ALL;
const TYPES: &[EntityType] = EntityType::ALL;

/// The confidence of the pairs no row covers: not measured (no training split marks
/// pronoun or nominal coreference).
const NOT_MEASURED: f32 = 0.5;

/// Confidence by `found_by` and type.
type Table = [[f32; TYPES.len()]; FOUND_BY.len()];

/// The bundled table, read on first use.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    parse(
        "confidence.tsv",
        include_str!("../../models/confidence.tsv"),
    )
    .expect("the bundled confidence table is validated by the test suite")
});

/// Parses a model file (`models/README.md`) with the columns `found_by`, `type` and
/// `confidence`: for each pair, the first row that matches it (`*` matches any
/// value), else [`NOT_MEASURED`].
fn parse(name: &str, text: &str) -> Result<Table, crate::LexiconError> {
    let file = crate::model::ModelFile::parse(name, text)?;
    file.expect_columns(&["found_by", "type", "confidence"])?;
    let mut table = [[None; TYPES.len()]; FOUND_BY.len()];
    for row in file.rows() {
        let [f, t, c] = file.fields(row)?;
        let c = file.number(row, c)?;
        let fs: Vec<usize> = (0..FOUND_BY.len())
            .filter(|&i| f == "*" || FOUND_BY[i].as_str() == f)
            .collect();
        let ts: Vec<usize> = (0..TYPES.len())
            .filter(|&i| t == "*" || TYPES[i].as_str() == t)
            .collect();
        if fs.is_empty() || ts.is_empty() {
            return Err(file.error(row, format!("unknown found_by `{f}` or type `{t}`")));
        }
        for &i in &fs {
            for &j in &ts {
                table[i][j].get_or_insert(c);
            }
        }
    }
    Ok(table.map(|r| r.map(|c| c.unwrap_or(NOT_MEASURED))))
}

/// The confidence of a mention found by the rules (see
/// [`crate::entities::confidence_of`]).
#[inline]
pub(crate) fn lookup(found_by: FoundBy, entity_type: EntityType) -> f32 {
    TABLE[found_by as usize][entity_type as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_the_fitted_one() {
        use EntityType::*;
        use FoundBy::*;
        // The match `confidence_of` was before the table became a file.
        let old = |f: FoundBy, t: EntityType| -> f32 {
            match (f, t) {
                (Lexicon, Person) => 0.99,
                (Lexicon, Organization) => 0.91,
                (Lexicon, Country) => 0.97,
                (Lexicon, Location) => 0.98,
                (Pattern, Person) => 0.97,
                (Pattern, Organization) => 0.88,
                (Pattern, Country | Location) => 0.95,
                (Acronym, Person | Organization | Country | Location) => 0.88,
                (Surname, Person | Organization | Country | Location) => 0.91,
                (Model, Person | Organization | Country) => 0.98,
                (Model, Location) => 0.97,
                (Coreference, Person | Organization | Country | Location) => 0.92,
                (Demonym, _) | (_, Nationality) => 0.97,
                (Coreference, _) | (_, Pronoun | Nominal) => 0.5,
            }
        };
        for &f in FOUND_BY {
            for &t in TYPES {
                assert_eq!(lookup(f, t).to_bits(), old(f, t).to_bits(), "{f:?} {t:?}");
            }
        }
    }

    #[test]
    fn bad_rows_are_errors() {
        let head = "# model: m\n# what: w\n# trained on: t\n# script: s\n# figure: f\n\
                    found_by\ttype\tconfidence\n";
        assert!(parse("c", &format!("{head}lexicon\tplanet\t0.5\n")).is_err());
        assert!(parse("c", &format!("{head}lexicon\tperson\tx\n")).is_err());
        let t = parse("c", &format!("{head}*\tperson\t0.25\n")).unwrap();
        assert_eq!(t[FoundBy::Model as usize][0], 0.25);
        assert_eq!(t[FoundBy::Model as usize][1], NOT_MEASURED);
    }
}
