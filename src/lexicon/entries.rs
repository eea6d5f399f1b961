//! The entity lexicon's rows: names lists, entries, roles with their dates, and the
//! parallel parse of the bundled and user files.

use std::borrow::Cow;

use super::tsv::{fields_into, items, opt, parse_table, split_byte, trim, Own, Table};
use crate::error::LexiconError;
use crate::types::{date_cmp, EntityType, LexStr, Role};

/// A `|`-separated list of a lexicon row (aliases, demonyms, codes), kept as one
/// string: its trimmed, non-empty items joined by `|`, split when asked for.
///
/// Kept whole because most lists are never split: the bundled lexicons' gazetteer is
/// compiled ahead of time, so at start-up their 70k entries' lists are only
/// borrowed from the embedded text, where a vector per list had cost a fifth of the
/// lexicon parse in splitting and allocation.
///
/// ```
/// use newslens::lexicon::Names;
/// let mut n: Names = ["Russian", "Russians"].into_iter().collect();
/// n.push("Rus");
/// assert_eq!(n.iter().collect::<Vec<_>>(), ["Russian", "Russians", "Rus"]);
/// assert_eq!((n.len(), n.first()), (3, Some("Russian")));
/// assert!(n.contains("Russians") && !n.contains("Russ"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names(pub(super) LexStr);

impl Names {
    /// The list of a `|`-separated field: borrowed through `own` when the field is
    /// already in normal form (no empty item, no space around a `|`), else rebuilt.
    pub(super) fn parse<'t>(field: &'t str, own: Own<'t>) -> Names {
        let b = field.as_bytes();
        // Printable ASCII other than `|` on both sides of every `|`.
        let solid = |c: u8| (b'!'..0x80).contains(&c) && c != b'|';
        let tight = |i: usize| i > 0 && i + 1 < b.len() && solid(b[i - 1]) && solid(b[i + 1]);
        let normal = trim(field).len() == field.len() && memchr::memchr_iter(b'|', b).all(tight);
        if normal {
            Names(own(field))
        } else {
            items(field).collect()
        }
    }

    /// The items, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let s: &str = &self.0;
        split_byte(s, b'|').filter(move |_| !s.is_empty())
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        if self.0.is_empty() {
            0
        } else {
            memchr::memchr_iter(b'|', self.0.as_bytes()).count() + 1
        }
    }

    /// True when the list has no item.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first item.
    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    /// True when `name` is an item.
    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }

    /// Appends an item (trimmed; nothing for an empty one).
    pub fn push(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let s = self.0.to_mut();
        if !s.is_empty() {
            s.push('|');
        }
        s.push_str(name);
    }
}

/// Normalizes an article date to `YYYY[-MM[-DD]]` (a timestamp keeps its date part);
/// anything else is no date.
pub fn normalize_date(date: &str) -> Option<&str> {
    let d = date.trim();
    let cut = d
        .get(..10)
        .filter(|p| is_date(p))
        .or_else(|| d.get(..7).filter(|p| is_date(p)))
        .or_else(|| d.get(..4).filter(|p| is_date(p)))?;
    let rest = &d[cut.len()..];
    (rest.is_empty() || rest.starts_with(['T', ' '])).then_some(cut)
}

/// One canonical entry of an entity lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable unique id.
    pub id: LexStr,
    /// Entity type.
    pub entity_type: EntityType,
    /// Subtype (free token; empty when unknown).
    pub subtype: LexStr,
    /// Canonical name.
    pub canonical: LexStr,
    /// Surface forms (the canonical name is matched too, without being listed).
    pub aliases: Names,
    /// Demonyms that resolve to this entry.
    pub demonyms: Names,
    /// Associated country (ISO alpha-3).
    pub country: Option<LexStr>,
    /// Roles with dates.
    pub roles: Vec<Role>,
    /// Wikidata QID.
    pub qid: Option<LexStr>,
    /// Codes (ISO and others).
    pub codes: Names,
    /// Every alias is ambiguous (also a common word, name or place).
    pub ambiguous: bool,
    /// These aliases alone are ambiguous.
    pub ambiguous_aliases: Vec<LexStr>,
    /// Source tags.
    pub source: LexStr,
}

impl Entry {
    /// A minimal entry; the other fields empty.
    pub fn new(id: &str, entity_type: EntityType, canonical: &str) -> Entry {
        Entry::with(
            Cow::Owned(id.to_string()),
            entity_type,
            Cow::Owned(canonical.to_string()),
        )
    }

    /// A minimal entry from lexicon strings; the other fields empty.
    pub(super) fn with(id: LexStr, entity_type: EntityType, canonical: LexStr) -> Entry {
        Entry {
            id,
            entity_type,
            subtype: Cow::Borrowed(""),
            canonical,
            aliases: Names::default(),
            demonyms: Names::default(),
            country: None,
            roles: Vec::new(),
            qid: None,
            codes: Names::default(),
            ambiguous: false,
            ambiguous_aliases: Vec::new(),
            source: Cow::Borrowed(""),
        }
    }

    /// True when `alias` should only be matched with supporting context.
    pub fn is_ambiguous(&self, alias: &str) -> bool {
        self.ambiguous || self.ambiguous_aliases.iter().any(|a| a == alias)
    }

    /// The roles held on `date` (`YYYY[-MM[-DD]]`), or without a date the latest known:
    /// those still open, else the one that ended last. Partial dates compare on their
    /// common precision (a role ending `2021` is held on `2021-06-01`).
    ///
    /// An open-ended role is ignored when the same title in the same country is also
    /// listed with an end from the same start or later (one source knew it ended).
    pub fn roles_on(&self, date: Option<&str>) -> Vec<&Role> {
        let superseded = |r: &Role| {
            r.end.is_none()
                && self.roles.iter().any(|o| {
                    o.end.is_some()
                        && o.title.eq_ignore_ascii_case(&r.title)
                        && o.country == r.country
                        && date_cmp(
                            o.start.as_deref().unwrap_or(""),
                            r.start.as_deref().unwrap_or(""),
                        )
                        .is_ge()
                })
        };
        let roles = self.roles.iter().filter(|r| !superseded(r));
        match date {
            Some(d) => roles.filter(|r| r.held_on(d)).collect(),
            None => {
                let roles: Vec<&Role> = roles.collect();
                let open: Vec<&Role> = roles.iter().copied().filter(|r| r.end.is_none()).collect();
                if !open.is_empty() {
                    return open;
                }
                roles
                    .into_iter()
                    .max_by(|a, b| a.end.cmp(&b.end).then(b.start.cmp(&a.start)))
                    .into_iter()
                    .collect()
            }
        }
    }

    /// True for heads of state or government (their surnames are known without
    /// introduction; see the resolve stage).
    pub fn is_leader(&self) -> bool {
        matches!(&*self.subtype, "head_of_state" | "head_of_government")
    }
}

pub(super) fn parse_roles<'t>(
    name: &str,
    line: usize,
    s: &'t str,
    own: Own<'t>,
) -> Result<Vec<Role>, LexiconError> {
    let mut roles = Vec::new();
    if s.is_empty() {
        return Ok(roles);
    }
    for part in split_byte(s, b';').map(trim).filter(|p| !p.is_empty()) {
        let mut it = split_byte(part, b'@');
        let title = trim(it.next().unwrap_or(""));
        if title.is_empty() {
            return Err(LexiconError::at(
                name,
                line,
                format!("role `{part}` has no title"),
            ));
        }
        let role = Role {
            title: own(title),
            country: it.next().and_then(|s| opt(s, own)),
            start: it.next().and_then(|s| opt(s, own)),
            end: it.next().and_then(|s| opt(s, own)),
        };
        if it.next().is_some() {
            return Err(LexiconError::at(
                name,
                line,
                format!("role `{part}` has more than four `@` fields"),
            ));
        }
        for d in [&role.start, &role.end].into_iter().flatten() {
            if !is_date(d) {
                return Err(LexiconError::at(
                    name,
                    line,
                    format!("role `{part}`: `{d}` is not a YYYY[-MM[-DD]] date"),
                ));
            }
        }
        roles.push(role);
    }
    Ok(roles)
}

pub(super) fn is_date(d: &str) -> bool {
    // YYYY, YYYY-MM or YYYY-MM-DD, digits only (no allocation: start-up parses ~60k).
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Parses the rows of an entity lexicon; `own` makes the entries' strings.
pub(super) fn parse_entries<'t>(
    name: &str,
    text: &'t str,
    own: Own<'t>,
) -> Result<Vec<Entry>, LexiconError> {
    parse_files(&[(name, text)], own)
}

/// Parses the rows of several entity lexicons, `(file name, text)`, into one vector in
/// file order (no entry is moved after it is parsed); `own` makes the strings. The
/// first error in file and line order is returned.
pub(super) fn parse_files<'t>(
    files: &[(&str, &'t str)],
    own: Own<'t>,
) -> Result<Vec<Entry>, LexiconError> {
    // Headers checked in file order (each is a few lines).
    let tables: Vec<Result<Table<'t>, LexiconError>> = files
        .iter()
        .map(|&(name, text)| parse_table(name, text, &["id", "type", "canonical"]))
        .collect();
    let tables = tables.into_iter().collect::<Result<Vec<_>, _>>()?;
    let columns: Vec<[Option<usize>; 12]> = tables
        .iter()
        .map(|table| {
            [
                "id",
                "type",
                "canonical",
                "subtype",
                "aliases",
                "demonyms",
                "country",
                "roles",
                "qid",
                "codes",
                "flags",
                "source",
            ]
            .map(|c| table.columns.get(c).copied())
        })
        .collect();
    let parse_row = |file: usize,
                     line: usize,
                     raw: &'t str,
                     row: &mut Vec<&'t str>|
     -> Result<Entry, LexiconError> {
        let (name, table) = (files[file].0, &tables[file]);
        let [c_id, c_type, c_canonical, c_subtype, c_aliases, c_demonyms, c_country, c_roles, c_qid, c_codes, c_flags, c_source] =
            columns[file];
        fields_into(raw, row);
        table.check_width(name, line, row)?;
        let get = |c: Option<usize>| c.and_then(|i| row.get(i)).map_or("", |s| trim(s));
        let id = get(c_id);
        if id.is_empty() {
            return Err(LexiconError::at(name, line, "empty `id`"));
        }
        let ty = get(c_type);
        let entity_type = EntityType::parse_lexicon_type(ty).ok_or_else(|| {
            LexiconError::at(
                name,
                line,
                format!("unknown type `{ty}` (expected person, organization, country or location)"),
            )
        })?;
        let canonical = get(c_canonical);
        if canonical.is_empty() {
            return Err(LexiconError::at(
                name,
                line,
                format!("entry `{id}` has an empty `canonical`"),
            ));
        }
        let mut entry = Entry::with(own(id), entity_type, own(canonical));
        entry.subtype = own(get(c_subtype));
        entry.aliases = Names::parse(get(c_aliases), own);
        entry.demonyms = Names::parse(get(c_demonyms), own);
        entry.country = opt(get(c_country), own);
        entry.roles = parse_roles(name, line, get(c_roles), own)?;
        entry.qid = opt(get(c_qid), own);
        entry.codes = Names::parse(get(c_codes), own);
        for flag in items(get(c_flags)) {
            if flag == "ambiguous" {
                entry.ambiguous = true;
            } else if let Some(alias) = flag.strip_prefix("ambiguous=") {
                entry.ambiguous_aliases.push(own(alias));
            }
            // Unknown flags are kept for forward compatibility and ignored.
        }
        entry.source = own(get(c_source));
        Ok(entry)
    };
    // Rows parse in parallel (start-up time), each entry written straight into its
    // slot of the result; a row in error leaves a placeholder and files its error
    // aside, and the first error in file and line order wins.
    let rows: Vec<(usize, usize, &'t str)> = tables
        .iter()
        .enumerate()
        .flat_map(|(file, table)| table.rows.iter().map(move |&(line, raw)| (file, line, raw)))
        .collect();
    let first_error: std::sync::Mutex<Option<((usize, usize), LexiconError)>> = Default::default();
    // The bundled entries fill 19 MB, written once.
    let mut out = crate::util::strmap::with_capacity_in_huge_pages(rows.len());
    crate::util::par::map_into(rows.len(), &mut out, Vec::new, |row, i| {
        let (file, line, raw) = rows[i];
        parse_row(file, line, raw, row).unwrap_or_else(|e| {
            let mut first = first_error.lock().unwrap_or_else(|p| p.into_inner());
            if first.as_ref().is_none_or(|(at, _)| (file, line) < *at) {
                *first = Some(((file, line), e));
            }
            Entry::with(Cow::Borrowed(""), EntityType::Person, Cow::Borrowed(""))
        })
    });
    match first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        Some((_, e)) => Err(e),
        None => Ok(out),
    }
}
