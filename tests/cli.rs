//! The `newslens` binary: inputs, output records, error records and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn newslens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newslens");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("invalid JSON line {l:?}: {e}")))
        .collect()
}

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("newslens-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn plain_text_from_stdin() {
    let out = newslens(&["analyze"], "The U.S. said no. Russia agreed.".as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = lines(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    assert_eq!(recs[0]["schema_version"], 1);
    assert_eq!(recs[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(recs[0]["entities"][0]["canonical"], "United States");
}

#[test]
fn jsonl_keeps_order_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Russia said yes.\", \"title\": \"T\", \"date\": \"2024-01-02\"}\n",
        "{\"id\": \"b\", \"text\": \n",
        "\n",
        "{\"id\": \"c\"}\n",
        "[1, 2]\n",
        "{\"id\": 7, \"text\": \"Ukraine.\"}\n",
    );
    let out = newslens(&["analyze", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "error records give exit code 1");
    let recs = lines(&out);
    assert_eq!(recs.len(), 5, "one record per non-blank line");
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["title"], "T");
    assert_eq!(recs[0]["date"], "2024-01-02");
    assert_eq!(recs[1]["line"], 2);
    assert_eq!(recs[1]["error"]["kind"], "invalid_json");
    assert_eq!(recs[2]["id"], "c");
    assert_eq!(recs[2]["line"], 4);
    assert_eq!(recs[2]["error"]["kind"], "missing_text");
    assert_eq!(recs[3]["error"]["kind"], "not_an_object");
    assert_eq!(recs[4]["id"], "7");
    assert!(recs[4]["error"].is_null());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "stderr names the line: {err}");
}

#[test]
fn output_identical_across_thread_counts() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/us-withdraws-from-icpa.txt"
    ))
    .unwrap();
    let mut input = String::new();
    for i in 0..40 {
        let t = serde_json::to_string(
            &text[..text.len() * (i + 1) / 40].trim_end_matches(|c: char| !c.is_ascii()),
        )
        .unwrap();
        input.push_str(&format!("{{\"id\": \"d{i}\", \"text\": {t}}}\n"));
    }
    let one = newslens(&["analyze", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = newslens(&["analyze", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(lines(&one).len(), 40);
    assert!(
        one.stdout == two.stdout,
        "output differs between 1 and 2 threads"
    );
}

#[test]
fn files_directories_and_missing_files() {
    let d = tmpdir("files");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::write(d.join("b.txt"), "Russia spoke.").unwrap();
    std::fs::write(d.join("a.txt"), "Ukraine spoke.").unwrap();
    std::fs::write(
        d.join("sub/c.jsonl"),
        "{\"id\":\"x\",\"text\":\"France.\"}\n{\"id\":\"y\",\"text\":\"Spain.\"}\n",
    )
    .unwrap();
    std::fs::write(d.join("bin.dat"), b"\xff\xfe\x00junk").unwrap();
    std::fs::write(d.join(".hidden"), "skip me").unwrap();
    let missing = d.join("missing.txt");
    let out = newslens(
        &["analyze", d.to_str().unwrap(), missing.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    let ids: Vec<String> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let name = |f: &str| d.join(f).display().to_string();
    assert_eq!(
        ids,
        vec![
            name("a.txt"),
            name("b.txt"),
            name("bin.dat"),
            "x".into(),
            "y".into(),
            missing.display().to_string()
        ]
    );
    assert_eq!(recs[2]["error"]["kind"], "invalid_utf8");
    assert_eq!(recs[5]["error"]["kind"], "unreadable");
}

#[test]
fn lossy_reads_invalid_utf8() {
    let out = newslens(&["analyze", "--lossy"], b"Russia \xff spoke.");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out)[0]["entities"][0]["canonical"], "Russia");
    let out = newslens(&["analyze"], b"Russia \xff spoke.");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out)[0]["error"]["kind"], "invalid_utf8");
}

#[test]
fn max_bytes_makes_an_error_record() {
    let input =
        "{\"id\":\"big\",\"text\":\"0123456789abcdef\"}\n{\"id\":\"ok\",\"text\":\"short\"}\n";
    let out = newslens(
        &["analyze", "--jsonl", "--max-bytes", "8"],
        input.as_bytes(),
    );
    let recs = lines(&out);
    assert_eq!(recs[0]["error"]["kind"], "too_large");
    assert_eq!(recs[1]["id"], "ok");
}

#[test]
fn empty_input_is_one_empty_record() {
    let out = newslens(&["analyze"], b"");
    assert_eq!(out.status.code(), Some(0));
    let recs = lines(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["sentences"].as_array().unwrap().len(), 0);
}

#[test]
fn pretty_output() {
    let out = newslens(&["analyze", "--pretty"], b"Russia.");
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.lines().count() > 3);
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["id"], "stdin");
}

#[test]
fn user_lexicon_wins_and_bad_lexicon_is_refused() {
    let d = tmpdir("lex");
    let good = d.join("good.tsv");
    std::fs::write(
        &good,
        "id\ttype\tcanonical\taliases\nmy:us\torganization\tUnited Steelworkers\tUS\n",
    )
    .unwrap();
    let out = newslens(
        &["analyze", "--lexicon", good.to_str().unwrap()],
        b"US workers struck.",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out)[0]["entities"][0]["entity_id"], "my:us");

    let bad = d.join("bad.tsv");
    std::fs::write(&bad, "id\ttype\tcanonical\nx\tplanet\tMars\n").unwrap();
    let out = newslens(&["analyze", "--lexicon", bad.to_str().unwrap()], b"text");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.tsv:2:") && err.contains("planet"),
        "{err}"
    );

    let out = newslens(&["lexicons", "--check", bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = newslens(&["lexicons", "--check", good.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_lexicon_file_is_reported_once() {
    let d = tmpdir("lex-missing");
    let missing = d.join("missing.tsv");
    let out = newslens(
        &["analyze", "--lexicon", missing.to_str().unwrap()],
        b"text",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    // One line, `newslens: FILE: reason`, the reason not repeated.
    assert_eq!(err.lines().count(), 1, "{err}");
    let line = err.lines().next().unwrap();
    let prefix = format!("newslens: {}: ", missing.display());
    assert!(line.starts_with(&prefix), "{line}");
    let reason = &line[prefix.len()..];
    assert!(!reason.is_empty() && !reason.contains(": "), "{line}");
}

#[test]
fn no_default_lexicons() {
    let out = newslens(
        &["analyze", "--no-default-lexicons"],
        b"Russia and the U.S. spoke.",
    );
    assert_eq!(lines(&out)[0]["entities"].as_array().unwrap().len(), 0);
}

#[test]
fn lexicon_counts() {
    let out = newslens(&["lexicons"], b"");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    let count = |k: &str| -> usize {
        s.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}\t")))
            .unwrap_or_else(|| panic!("no {k} in {s}"))
            .parse()
            .unwrap()
    };
    assert!(count("country") >= 195);
    assert!(count("person") > 1000);
    assert!(count("organization") > 500);
}

#[test]
fn bad_arguments_exit_2() {
    let out = newslens(&["analyze", "--threads", "0"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = newslens(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(&format!(
            "{{\"id\":\"{i}\",\"text\":\"Russia and Ukraine met in Geneva on Monday.\"}}\n"
        ));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(["analyze", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let w = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // like `| head -c 100`
    let status = child.wait().unwrap();
    w.join().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn failed_write_is_reported_with_exit_3() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let mut input = String::new();
    for i in 0..50 {
        input.push_str(&format!(
            "{{\"id\":\"{i}\",\"text\":\"Russia and Ukraine met.\"}}\n"
        ));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(["analyze", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("writing output"), "{err}");
}

#[test]
fn odd_content_is_analyzed_or_refused_cleanly() {
    // Control characters, NUL, bidi and zero-width characters are text like any other.
    let text = "Russia\u{0}said \u{202E}no\u{202C} to\u{200B} Ukraine\u{7}.\u{FEFF}";
    let line = serde_json::json!({"id": "odd", "text": text}).to_string();
    // A lone surrogate cannot be a Rust string: it is an error record.
    let input = format!("{line}\n{{\"id\":\"sur\",\"text\":\"a \\ud800 b\"}}\n");
    let out = newslens(&["analyze", "--jsonl"], input.as_bytes());
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "odd");
    let names: Vec<&str> = recs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["canonical"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Russia") && names.contains(&"Ukraine"),
        "{names:?}"
    );
    assert_eq!(recs[1]["error"]["kind"], "invalid_json");
    assert_eq!(recs[1]["line"], 2);
}

#[test]
fn interrupted_run_leaves_whole_lines() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(["analyze", "--jsonl", "--threads", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An endless stream: the run only ends by the signal.
    let feeder = std::thread::spawn(move || {
        let line = "{\"id\":\"x\",\"text\":\"Russia and Ukraine met in Geneva, officials said on Monday.\"}\n".repeat(200);
        while stdin.write_all(line.as_bytes()).is_ok() {}
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap(); // output has started
    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(killed.success());
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(130));
    let mut all = first.to_vec();
    all.extend(rest);
    assert_eq!(all.last(), Some(&b'\n'), "output ends inside a record");
    for l in String::from_utf8(all).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("every line is a whole record");
        assert_eq!(v["id"], "x");
    }
}

/// A minimal RFC 4180 reader: rows of fields (quotes doubled inside quoted fields).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && row.is_empty(),
        "last row without a newline"
    );
    rows
}

#[test]
fn csv_and_tsv_tables_hold_every_mention_and_claim() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"“We will leave, \\\"now\\\",” President Joe Biden said.\\nRussia agreed, Putin said.\"}\n",
        "{\"id\": \"bad\"}\n",
        "{\"id\": \"c\", \"text\": \"The U.S. and Russia.\\tTabs\\tand, commas.\"}\n",
    );
    let json = newslens(&["analyze", "--jsonl"], input.as_bytes());
    let recs = lines(&json);
    for (table, key) in [("entities", "entities"), ("claims", "claims")] {
        let out = newslens(
            &["analyze", "--jsonl", "--format", "csv", "--table", table],
            input.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(1), "an error record means exit 1");
        let rows = parse_csv(&String::from_utf8(out.stdout).unwrap());
        let width = rows[0].len();
        assert_eq!(rows[0][0], "id");
        assert_eq!(rows[0][width - 1], "error");
        assert!(
            rows.iter().all(|r| r.len() == width),
            "ragged CSV: {rows:?}"
        );
        // One row per mention/claim of each good record, one for the bad one.
        let want: usize = recs
            .iter()
            .map(|r| r.get(key).and_then(|v| v.as_array()).map_or(1, Vec::len))
            .sum();
        assert_eq!(rows.len() - 1, want, "{table}: {rows:?}");
        let bad: Vec<_> = rows.iter().filter(|r| r[0] == "bad").collect();
        assert_eq!(bad.len(), 1);
        assert!(bad[0][width - 1].contains("no `text` field"), "{bad:?}");
        // Texts survive quoting: every row's text equals the JSON's.
        let text_col = if table == "entities" { 2 } else { 17 };
        let json_text = |r: &serde_json::Value, i: usize| -> String {
            let v = &r[key][i];
            let t = if table == "entities" {
                &v["text"]
            } else {
                &v["content"]["text"]
            };
            t.as_str().unwrap_or("").to_string()
        };
        for row in rows.iter().skip(1).filter(|r| r[0] != "bad") {
            let rec = recs.iter().find(|r| r["id"] == row[0].as_str()).unwrap();
            let i: usize = row[1].parse().unwrap();
            assert_eq!(row[text_col], json_text(rec, i), "{table} row {row:?}");
        }
        let tsv = newslens(
            &["analyze", "--jsonl", "--format", "tsv", "--table", table],
            input.as_bytes(),
        );
        let tsv = String::from_utf8(tsv.stdout).unwrap();
        assert_eq!(tsv.lines().count(), rows.len());
        assert!(tsv.lines().all(|l| l.split('\t').count() == width), "{tsv}");
    }
    let out = newslens(&["analyze", "--format", "csv", "--pretty"], b"x");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn progress_goes_to_stderr_only() {
    let input = "{\"id\": \"a\", \"text\": \"Russia said yes.\"}\n";
    let plain = newslens(&["analyze", "--jsonl"], input.as_bytes());
    let out = newslens(&["analyze", "--jsonl", "--progress"], input.as_bytes());
    assert_eq!(out.stdout, plain.stdout);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("1 documents, 0 errors"), "{err}");
    // Piped and not asked for: nothing on stderr.
    assert!(plain.stderr.is_empty());
}

#[test]
fn lexicon_only_keeps_lexicon_entities_alone() {
    let text = b"Eurojust President Michael Schmid met Vladimir Putin. Schmid said the \
        University of Southern Indiana (USI) and Russian officials agreed. He left.";
    let full = lines(&newslens(&["analyze"], text));
    let lex = lines(&newslens(&["analyze", "--lexicon-only"], text));
    let found = |v: &serde_json::Value| -> Vec<String> {
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{}:{}", e["text"], e["found_by"]))
            .collect()
    };
    let (full, lex) = (found(&full[0]), found(&lex[0]));
    // The full pipeline finds the pattern name; lexicon-only does not.
    assert!(full.iter().any(|e| e == "\"Michael Schmid\":\"pattern\""));
    assert!(lex.iter().any(|e| e == "\"Vladimir Putin\":\"lexicon\""));
    assert!(lex.iter().any(|e| e == "\"Russian\":\"demonym\""));
    assert!(lex.iter().all(|e| e.ends_with(":\"lexicon\"")
        || e.ends_with(":\"demonym\"")
        || e.ends_with(":\"coreference\"")));
    assert!(lex.len() < full.len());
}
