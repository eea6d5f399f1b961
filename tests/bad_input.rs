//! Every bad input of issue 19, named: one row per input, with the exit code and the
//! messages (stdout records, stderr lines) it must give. Each runs the `newslens`
//! binary in a directory of its own files, so messages name them as given.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

struct Case {
    /// What the row checks.
    name: &'static str,
    /// Files written in the run's directory: (name, bytes).
    files: &'static [(&'static str, &'static [u8])],
    args: &'static [&'static str],
    stdin: &'static [u8],
    code: i32,
    /// Each must occur in stdout.
    stdout: &'static [&'static str],
    /// Each must occur in stderr.
    stderr: &'static [&'static str],
    /// None may occur in stdout.
    not_stdout: &'static [&'static str],
}

const BAD_LINE_3: &[u8] = b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n{\"id\": null, \"text\": \"x\"}\n";

/// A lexicon with problems on every row: a role date (line 2), a country (3), a
/// stop-word alias (4), a repeated id (5), a role country and a one-letter alias (6),
/// an impossible day (7).
const BAD_LEXICON: &[u8] = b"id\ttype\tcanonical\taliases\tcountry\troles\n\
p:1\tperson\tJane Roe\t\tUSA\tPresident@USA@2020-13-45@\n\
p:2\tperson\tJohn Roe\t\tUS\t\n\
p:3\tperson\tAnn Lee\tthe\tUSA\t\n\
p:1\tperson\tBo Li\t\tCHN\t\n\
p:4\tperson\tAl Bo\tA\tGBR\tMinister@UK@2019@2020\n\
p:5\tperson\tCy Do\t\tUSA\tSenator@USA@2019@2020-02-30\n";

const THE_ALIAS: &[u8] = b"id\ttype\tcanonical\taliases\nmy:the\torganization\tThe Group\tthe\n";
const THE_FORCED: &[u8] =
    b"id\ttype\tcanonical\taliases\tflags\nmy:the\torganization\tThe Group\tthe\tforce=the\n";

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "two JSON Lines files with a bad line 3 each: error records name the file",
            files: &[("a.jsonl", BAD_LINE_3), ("b.jsonl", BAD_LINE_3)],
            args: &["analyze", "a.jsonl", "b.jsonl"],
            stdin: b"",
            code: 1,
            stdout: &[
                r#"{"id":null,"schema_version":1,"file":"a.jsonl","line":3,"error":{"kind":"missing_id""#,
                r#"{"id":null,"schema_version":1,"file":"b.jsonl","line":3,"error":{"kind":"missing_id""#,
            ],
            stderr: &[
                "newslens: a.jsonl: line 3: no `id` field",
                "newslens: b.jsonl: line 3: no `id` field",
            ],
            not_stdout: &[],
        },
        Case {
            name: "stdin JSON Lines: error records have no file",
            files: &[],
            args: &["analyze", "--jsonl"],
            stdin: BAD_LINE_3,
            code: 1,
            stdout: &[r#"{"id":null,"schema_version":1,"line":3,"error""#],
            stderr: &["newslens: line 3: no `id` field"],
            not_stdout: &["\"file\""],
        },
        Case {
            name: "lexicons --check reports every problem, with file, line and field",
            files: &[("bad.tsv", BAD_LEXICON)],
            args: &["lexicons", "--check", "bad.tsv"],
            stdin: b"",
            code: 2,
            stdout: &[],
            stderr: &[
                "bad.tsv:2: roles: role `President@USA@2020-13-45@`: `2020-13-45` is no real date (no month 13)",
                "bad.tsv:3: country: `US` is not an ISO 3166-1 alpha-3 code (did you mean `USA`?)",
                "bad.tsv:4: aliases: `the` is a stop word: it would tag every `the` in every article; refused unless forced (flag `force=the`, or --force-aliases)",
                "bad.tsv:5: id: id `p:1` is already the id of line 2",
                "bad.tsv:6: aliases: `A` is a single character",
                "bad.tsv:6: roles: role `Minister`: `UK` is not an ISO 3166-1 alpha-3 code (did you mean `GBR`?)",
                "bad.tsv:7: roles: role `Senator@USA@2019@2020-02-30`: `2020-02-30` is no real date (February 2020 has 29 days)",
                "newslens: 7 problems in the lexicons checked",
            ],
            not_stdout: &["ok"],
        },
        Case {
            name: "lexicons --check: an id repeated among the files checked together",
            files: &[("a.tsv", THE_FORCED), ("b.tsv", THE_FORCED)],
            args: &["lexicons", "--check", "a.tsv", "b.tsv"],
            stdin: b"",
            code: 2,
            stdout: &["a.tsv: ok, 1 entries"],
            stderr: &["b.tsv:2: id: id `my:the` is already the id of a.tsv:2"],
            not_stdout: &["b.tsv: ok"],
        },
        Case {
            name: "lexicons --check: a stop-word alias is accepted when its row forces it",
            files: &[("forced.tsv", THE_FORCED)],
            args: &["lexicons", "--check", "forced.tsv"],
            stdin: b"",
            code: 0,
            stdout: &["forced.tsv: ok, 1 entries"],
            stderr: &[],
            not_stdout: &[],
        },
        Case {
            name: "lexicons --check --force-aliases accepts every stop-word alias",
            files: &[("the.tsv", THE_ALIAS)],
            args: &["lexicons", "--force-aliases", "--check", "the.tsv"],
            stdin: b"",
            code: 0,
            stdout: &["the.tsv: ok, 1 entries"],
            stderr: &[],
            not_stdout: &[],
        },
        Case {
            name: "analyze --lexicon with a stop-word alias fails to load",
            files: &[("the.tsv", THE_ALIAS)],
            args: &["analyze", "--lexicon", "the.tsv"],
            stdin: b"The talks failed.",
            code: 2,
            stdout: &[],
            stderr: &["newslens: the.tsv:2: aliases: `the` is a stop word"],
            not_stdout: &["{"],
        },
        Case {
            name: "analyze --lexicon --force-aliases loads it (and tags `the`)",
            files: &[("the.tsv", THE_ALIAS)],
            args: &[
                "analyze",
                "--no-default-lexicons",
                "--lexicon-only",
                "--force-aliases",
                "--lexicon",
                "the.tsv",
            ],
            stdin: b"Officials said the talks failed.",
            code: 0,
            stdout: &[r#""entity_id":"my:the""#],
            stderr: &[],
            not_stdout: &[],
        },
        Case {
            name: "an impossible date is a warning, not used",
            files: &[],
            args: &["analyze", "--jsonl"],
            stdin: b"{\"id\":\"a\",\"text\":\"Joe Biden said it.\",\"date\":\"2025-13-45\"}\n",
            code: 0,
            stdout: &[
                r#""date":"2025-13-45","warnings":[{"field":"date","kind":"impossible_date","message":"`2025-13-45` is no real date (no month 13); ignored"}]"#,
            ],
            stderr: &["newslens: warning: line 1 (id a): date: `2025-13-45` is no real date"],
            not_stdout: &[],
        },
        Case {
            name: "an unreadable date is a warning",
            files: &[("d.jsonl", b"{\"id\":\"a\",\"text\":\"It rained.\",\"date\":\"7/23/17\"}\n")],
            args: &["analyze", "d.jsonl"],
            stdin: b"",
            code: 0,
            stdout: &[r#""warnings":[{"field":"date","kind":"unreadable_date","message":"`7/23/17` is not a date newslens reads"#],
            stderr: &["newslens: warning: d.jsonl: line 1 (id a): date: `7/23/17` is not a date"],
            not_stdout: &[],
        },
        Case {
            name: "a compact ISO 8601 date (YYYYMMDD) is read, no warning",
            files: &[],
            args: &["analyze", "--jsonl"],
            stdin: b"{\"id\":\"a\",\"text\":\"Joe Biden said it.\",\"date\":\"20220105\"}\n",
            code: 0,
            stdout: &[r#""roles":[{"title":"government","country":"USA","start":"2009-01-20","end":null},{"title":"President","country":"USA","start":"2021-01-20","end":"2025-01-20"}]"#],
            stderr: &[],
            not_stdout: &["warnings"],
        },
        Case {
            name: "a news-style date is read, no warning",
            files: &[],
            args: &["analyze", "--jsonl"],
            stdin: b"{\"id\":\"a\",\"text\":\"Joe Biden said it.\",\"date\":\"Mar. 5, 2022\"}\n",
            code: 0,
            stdout: &[r#""start":"2021-01-20","end":"2025-01-20""#],
            stderr: &[],
            not_stdout: &["warnings"],
        },
        Case {
            name: "a date that is not a string is a warning",
            files: &[],
            args: &["analyze", "--jsonl"],
            stdin: b"{\"id\":\"a\",\"text\":\"It rained.\",\"date\":20250101}\n",
            code: 0,
            stdout: &[r#""warnings":[{"field":"date","kind":"not_a_string","message":"`date` must be a string, found a number; ignored"}]"#],
            stderr: &[],
            not_stdout: &[],
        },
        Case {
            name: "--lossy repair is said in the record",
            files: &[],
            args: &["analyze", "--lossy"],
            stdin: b"Caf\xe9 owners said prices rose.",
            code: 0,
            stdout: &[r#""warnings":[{"field":"text","kind":"repaired_utf8","message":"invalid UTF-8 was replaced with U+FFFD; offsets refer to the repaired text"}]"#],
            stderr: &["newslens: warning: stdin: text: invalid UTF-8 was replaced"],
            not_stdout: &[],
        },
        Case {
            name: "without --lossy, invalid UTF-8 is an error record",
            files: &[("bad.txt", b"Caf\xe9 owners said prices rose.")],
            args: &["analyze", "bad.txt"],
            stdin: b"",
            code: 1,
            stdout: &[r#"{"id":"bad.txt","schema_version":1,"file":"bad.txt","error":{"kind":"invalid_utf8""#],
            stderr: &["newslens: bad.txt: invalid UTF-8 at byte 3 (use --lossy to replace it)"],
            not_stdout: &[],
        },
        Case {
            name: "--table without --format csv|tsv is an error",
            files: &[],
            args: &["analyze", "--table", "claims"],
            stdin: b"The talks failed.",
            code: 2,
            stdout: &[],
            stderr: &["newslens: --table applies to --format csv or tsv only; add --format csv or --format tsv"],
            not_stdout: &["{"],
        },
        Case {
            name: "--help documents what --lossy does to offsets",
            files: &[],
            args: &["analyze", "--help"],
            stdin: b"",
            code: 0,
            stdout: &["Offsets then refer to the repaired text", "repaired_utf8"],
            stderr: &[],
            not_stdout: &[],
        },
    ]
}

fn run_dir(i: usize) -> PathBuf {
    let d = std::env::temp_dir().join(format!("newslens-bad-input-{}-{i}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_bad_input_gives_its_message() {
    let mut failures = Vec::new();
    for (i, case) in cases().iter().enumerate() {
        let dir = run_dir(i);
        for (name, bytes) in case.files {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
            .args(case.args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run newslens");
        let mut input = child.stdin.take().unwrap();
        let data = case.stdin.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = input.write_all(&data);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut wrong = Vec::new();
        if out.status.code() != Some(case.code) {
            wrong.push(format!("exit {:?}, want {}", out.status.code(), case.code));
        }
        wrong.extend(
            case.stdout
                .iter()
                .filter(|s| !stdout.contains(*s))
                .map(|s| format!("stdout lacks {s:?}")),
        );
        wrong.extend(
            case.stderr
                .iter()
                .filter(|s| !stderr.contains(*s))
                .map(|s| format!("stderr lacks {s:?}")),
        );
        wrong.extend(
            case.not_stdout
                .iter()
                .filter(|s| stdout.contains(*s))
                .map(|s| format!("stdout has {s:?}")),
        );
        if !wrong.is_empty() {
            failures.push(format!(
                "{}:\n  {}\n  stdout: {}\n  stderr: {}",
                case.name,
                wrong.join("\n  "),
                stdout.chars().take(600).collect::<String>(),
                stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn error_records_read_back_with_their_file() {
    let line = r#"{"id":null,"schema_version":1,"file":"a.jsonl","line":3,"error":{"kind":"missing_id","message":"no `id` field"}}"#;
    let rec: newslens::Record = serde_json::from_str(line).unwrap();
    match &rec {
        newslens::Record::Error(e) => assert_eq!(e.file.as_deref(), Some("a.jsonl")),
        newslens::Record::Document(_) => panic!("an error record"),
    }
    assert_eq!(serde_json::to_string(&rec).unwrap(), line);
}

#[test]
fn documents_with_warnings_read_back() {
    let analyzer = newslens::Analyzer::builder().build().unwrap();
    let doc = analyzer.analyze_dated_document("a", "It rained.", None, Some("2025-02-29"));
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(doc.warnings[0].kind, newslens::WarningKind::ImpossibleDate);
    assert!(doc.warnings[0]
        .message
        .contains("February 2025 has 28 days"));
    let json = serde_json::to_string(&doc).unwrap();
    let back: newslens::Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    // No warning, no key.
    let doc = analyzer.analyze_dated_document("a", "It rained.", None, Some("2025-02-28"));
    assert!(!serde_json::to_string(&doc).unwrap().contains("warnings"));
}
