//! The entity lexicon's rows: names lists, entries, roles with their dates, and the
//! parallel parse of the bundled and user files.

use std::borrow::Cow;

use super::check::{bad_country, common_word, CheckOptions};
use super::tsv::{fields_into, items, opt, parse_table, split_byte, trim, Own, Table};
use crate::error::LexiconError;
use crate::types::{date_cmp, Date, DateError, EntityType, LexStr, Role};

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

/// Normalizes an article date to `YYYY[-MM[-DD]]` (a date-time keeps its date part,
/// `March 5, 2025` becomes `2025-03-05`; see [`crate::Date::parse`]); an unreadable
/// or impossible date (`2025-13-45`) is no date.
pub fn normalize_date(date: &str) -> Option<String> {
    crate::types::Date::parse(date).ok().map(|d| d.to_string())
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
            return Err(LexiconError::in_field(
                name,
                line,
                "roles",
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
            return Err(LexiconError::in_field(
                name,
                line,
                "roles",
                format!("role `{part}` has more than four `@` fields"),
            ));
        }
        for d in [&role.start, &role.end].into_iter().flatten() {
            if let Err(e) = Date::parse_iso(d) {
                let why = match e {
                    DateError::Impossible(why) => format!("`{d}` is no real date ({why})"),
                    DateError::Unreadable => format!("`{d}` is not a YYYY[-MM[-DD]] date"),
                };
                return Err(LexiconError::in_field(
                    name,
                    line,
                    "roles",
                    format!("role `{part}`: {why}"),
                ));
            }
        }
        roles.push(role);
    }
    Ok(roles)
}

/// Parses the rows of an entity lexicon; `own` makes the entries' strings. With
/// `strict`, rows are checked by meaning too (see [`parse_files_checked`]).
pub(super) fn parse_entries<'t>(
    name: &str,
    text: &'t str,
    own: Own<'t>,
    strict: Option<CheckOptions>,
) -> Result<Vec<Entry>, LexiconError> {
    parse_files_checked(&[(name, text)], own, strict).map_err(first)
}

/// The first of a non-empty list of errors.
fn first(mut errors: Vec<LexiconError>) -> LexiconError {
    errors.swap_remove(0)
}

/// Parses the rows of several entity lexicons, `(file name, text)`, into one vector in
/// file order (no entry is moved after it is parsed); `own` makes the strings. The
/// first error in file and line order is returned.
pub(super) fn parse_files<'t>(
    files: &[(&str, &'t str)],
    own: Own<'t>,
) -> Result<Vec<Entry>, LexiconError> {
    parse_files_checked(files, own, None).map_err(first)
}

/// Like [`parse_files`], returning every error in file and line order (at least one).
/// With `strict` (user lexicons), rows are also checked by meaning: `country` and a
/// role's country ISO 3166-1 alpha-3, no alias, canonical name or demonym that is a
/// stop word or a single character unless forced, no id twice among `files`. Role
/// dates are always real dates.
pub(super) fn parse_files_checked<'t>(
    files: &[(&str, &'t str)],
    own: Own<'t>,
    strict: Option<CheckOptions>,
) -> Result<Vec<Entry>, Vec<LexiconError>> {
    let mut errors: Vec<((usize, usize), LexiconError)> = Vec::new();
    // Headers checked in file order (each is a few lines); a file whose header is bad
    // has no rows to read.
    let tables: Vec<Table<'t>> = files
        .iter()
        .enumerate()
        .map(|(file, &(name, text))| {
            parse_table(name, text, &["id", "type", "canonical"]).unwrap_or_else(|e| {
                errors.push(((file, e.line().unwrap_or(0)), e));
                Table::empty()
            })
        })
        .collect();
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
     -> Result<Entry, Vec<LexiconError>> {
        let (name, table) = (files[file].0, &tables[file]);
        let [c_id, c_type, c_canonical, c_subtype, c_aliases, c_demonyms, c_country, c_roles, c_qid, c_codes, c_flags, c_source] =
            columns[file];
        fields_into(raw, row);
        table.check_width(name, line, row).map_err(|e| vec![e])?;
        let get = |c: Option<usize>| c.and_then(|i| row.get(i)).map_or("", |s| trim(s));
        let id = get(c_id);
        if id.is_empty() {
            return Err(vec![LexiconError::in_field(name, line, "id", "empty `id`")]);
        }
        let ty = get(c_type);
        let entity_type = EntityType::parse_lexicon_type(ty).ok_or_else(|| {
            vec![LexiconError::in_field(
                name,
                line,
                "type",
                format!("unknown type `{ty}` (expected person, organization, country or location)"),
            )]
        })?;
        let canonical = get(c_canonical);
        if canonical.is_empty() {
            return Err(vec![LexiconError::in_field(
                name,
                line,
                "canonical",
                format!("entry `{id}` has an empty `canonical`"),
            )]);
        }
        let mut entry = Entry::with(own(id), entity_type, own(canonical));
        entry.subtype = own(get(c_subtype));
        entry.aliases = Names::parse(get(c_aliases), own);
        entry.demonyms = Names::parse(get(c_demonyms), own);
        entry.country = opt(get(c_country), own);
        // A bad role is reported with the row's other problems.
        let mut problems = Vec::new();
        entry.roles = parse_roles(name, line, get(c_roles), own).unwrap_or_else(|e| {
            problems.push(e);
            Vec::new()
        });
        entry.qid = opt(get(c_qid), own);
        entry.codes = Names::parse(get(c_codes), own);
        for flag in items(get(c_flags)) {
            if flag == "ambiguous" {
                entry.ambiguous = true;
            } else if let Some(alias) = flag.strip_prefix("ambiguous=") {
                entry.ambiguous_aliases.push(own(alias));
            }
            // `force`/`force=Alias` is read by the meaning checks; unknown flags are
            // kept for forward compatibility and ignored.
        }
        entry.source = own(get(c_source));
        if let Some(opts) = strict {
            problems.extend(meaning_problems(name, line, &entry, get(c_flags), opts));
        }
        if problems.is_empty() {
            Ok(entry)
        } else {
            Err(problems)
        }
    };
    // Rows parse in parallel (start-up time), each entry written straight into its
    // slot of the result; a row in error leaves a placeholder and files its error
    // aside, and the first error in file and line order wins.
    let rows: Vec<(usize, usize, &'t str)> = tables
        .iter()
        .enumerate()
        .flat_map(|(file, table)| table.rows.iter().map(move |&(line, raw)| (file, line, raw)))
        .collect();
    let row_errors: std::sync::Mutex<Vec<((usize, usize), LexiconError)>> = Default::default();
    // The bundled entries fill 19 MB, written once.
    let mut out = crate::util::strmap::with_capacity_in_huge_pages(rows.len());
    crate::util::par::map_into(rows.len(), &mut out, Vec::new, |row, i| {
        let (file, line, raw) = rows[i];
        parse_row(file, line, raw, row).unwrap_or_else(|es| {
            let mut all = row_errors.lock().unwrap_or_else(|p| p.into_inner());
            all.extend(es.into_iter().map(|e| ((file, line), e)));
            Entry::with(Cow::Borrowed(""), EntityType::Person, Cow::Borrowed(""))
        })
    });
    errors.extend(row_errors.into_inner().unwrap_or_else(|p| p.into_inner()));
    if strict.is_some() {
        // An id twice among the files, rows in error included.
        let mut seen: rustc_hash::FxHashMap<&str, (usize, usize)> = Default::default();
        let mut row = Vec::new();
        for &(file, line, raw) in &rows {
            fields_into(raw, &mut row);
            let id = Table::get(&row, columns[file][0]);
            if id.is_empty() {
                continue;
            }
            if let Some(&(f0, l0)) = seen.get(id) {
                let before = if f0 == file {
                    format!("line {l0}")
                } else {
                    format!("{}:{l0}", files[f0].0)
                };
                let msg = format!("id `{id}` is already the id of {before}");
                errors.push((
                    (file, line),
                    LexiconError::in_field(files[file].0, line, "id", msg),
                ));
            } else {
                seen.insert(id, (file, line));
            }
        }
    }
    if errors.is_empty() {
        return Ok(out);
    }
    // In file and line order (a row's own errors in column order, as found).
    errors.sort_by_key(|(at, _)| *at);
    Err(errors.into_iter().map(|(_, e)| e).collect())
}

/// The meaning checks of one parsed row of a user lexicon: its countries, and names
/// that are common words unless forced (`flags` holds `force` or `force=Name`).
fn meaning_problems(
    name: &str,
    line: usize,
    entry: &Entry,
    flags: &str,
    opts: CheckOptions,
) -> Vec<LexiconError> {
    let mut problems = Vec::new();
    if let Some(c) = &entry.country {
        if let Some(why) = bad_country(c) {
            problems.push(LexiconError::in_field(name, line, "country", why));
        }
    }
    for r in &entry.roles {
        if let Some(why) = r.country.as_deref().and_then(bad_country) {
            let msg = format!("role `{}`: {why}", r.title);
            problems.push(LexiconError::in_field(name, line, "roles", msg));
        }
    }
    let force_all = opts.force_aliases || items(flags).any(|f| f == "force");
    if !force_all {
        let forced = |n: &str| items(flags).any(|f| f.strip_prefix("force=") == Some(n));
        let names = std::iter::once(("canonical", &*entry.canonical))
            .chain(entry.aliases.iter().map(|a| ("aliases", a)))
            .chain(entry.demonyms.iter().map(|d| ("demonyms", d)));
        for (field, n) in names {
            if let Some(why) = common_word(n).filter(|_| !forced(n)) {
                let msg =
                    format!("{why}; refused unless forced (flag `force={n}`, or --force-aliases)");
                problems.push(LexiconError::in_field(name, line, field, msg));
            }
        }
    }
    problems
}
