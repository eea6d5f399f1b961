//! Tests of the batch runner: reading, rendering and ordering.

use super::*;

#[test]
fn a_panic_in_one_article_becomes_its_error_record() {
    let doc = Article {
        id: "d7".to_string(),
        text: "text".to_string(),
        title: None,
        date: None,
        line: Some(7),
        file: Some("in.jsonl".to_string()),
        warnings: Vec::new(),
    };
    let mut out = b"{\"id\":\"before\"}\n".to_vec();
    let s = guarded(&doc, false, &mut out, |out| {
        out.extend_from_slice(b"{\"partial");
        panic!("a bug");
    });
    assert_eq!(s.errors, 1);
    assert_eq!(s.documents, 0);
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("{\"id\":\"before\"}"));
    let rec: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(rec["id"], "d7");
    assert_eq!(rec["line"], 7);
    assert_eq!(rec["file"], "in.jsonl");
    assert_eq!(rec["error"]["kind"], "internal_error");
    assert!(lines.next().is_none());
    // Without a panic, the record is the closure's.
    let mut out = Vec::new();
    let s = guarded(&doc, false, &mut out, |out| {
        out.extend_from_slice(b"ok\n");
        Summary {
            documents: 1,
            ..Summary::default()
        }
    });
    assert_eq!(
        (s.documents, s.errors, out.as_slice()),
        (1, 0, &b"ok\n"[..])
    );
}

fn parse(line: &str) -> Item {
    parse_jsonl_line(line.as_bytes(), 7, &Options::default())
}

fn kind(item: &Item) -> Option<ErrorKind> {
    match item {
        Item::Error(e) => Some(e.kind),
        Item::Doc(_) => None,
    }
}

#[test]
fn line_errors() {
    let cases = [
        (r#"{"id": "a", "text": "x"}"#, None),
        (
            r#"{"id": 5, "text": "x", "extra": [1, {"deep": true}]}"#,
            None,
        ),
        (r#"{"id": "a", "text": "x""#, Some(ErrorKind::InvalidJson)),
        (r#"[1, 2]"#, Some(ErrorKind::NotAnObject)),
        (r#""just a string""#, Some(ErrorKind::NotAnObject)),
        (r#"{"text": "x"}"#, Some(ErrorKind::MissingId)),
        (r#"{"id": null, "text": "x"}"#, Some(ErrorKind::MissingId)),
        (
            r#"{"id": {"a": 1}, "text": "x"}"#,
            Some(ErrorKind::InvalidId),
        ),
        (r#"{"id": "a"}"#, Some(ErrorKind::MissingText)),
        (r#"{"id": "a", "text": 3}"#, Some(ErrorKind::InvalidText)),
    ];
    for (line, want) in cases {
        assert_eq!(kind(&parse(line)), want, "{line}");
    }
    // Extreme nesting hits serde_json's recursion limit: an error, not a crash.
    let deep = format!(
        "{{\"id\":\"a\",\"text\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(kind(&parse(&deep)), Some(ErrorKind::InvalidJson));
    // Deep nesting in an ignored field is skipped without recursion trouble.
    let deep = format!(
        "{{\"id\":\"a\",\"text\":\"t\",\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(kind(&parse(&deep)), None);
}

#[test]
fn invalid_utf8_line() {
    let item = parse_jsonl_line(
        b"{\"id\": \"a\", \"text\": \"\xff\"}",
        3,
        &Options::default(),
    );
    assert_eq!(kind(&item), Some(ErrorKind::InvalidUtf8));
    let lossy = Options {
        lossy: true,
        ..Options::default()
    };
    let item = parse_jsonl_line(b"{\"id\": \"a\", \"text\": \"\xff\"}", 3, &lossy);
    assert!(matches!(item, Item::Doc(d) if d.text == "\u{FFFD}"));
}

#[test]
fn reader_lines_bom_crlf_blank() {
    let data = b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"one\"}\r\n\n  \nnot json\n{\"id\":\"b\",\"text\":\"two\"}";
    let items: Vec<Item> = JsonlReader::new(&data[..], "t", &Options::default()).collect();
    assert_eq!(items.len(), 3);
    assert!(matches!(&items[0], Item::Doc(d) if d.id == "a" && d.line == Some(1)));
    assert!(
        matches!(&items[1], Item::Error(e) if e.line == Some(4) && e.kind == ErrorKind::InvalidJson)
    );
    assert!(matches!(&items[2], Item::Doc(d) if d.id == "b" && d.line == Some(5)));
}

#[test]
fn reader_caps_long_lines() {
    let opts = Options {
        max_bytes: 10,
        ..Options::default()
    };
    let long = format!(
        "{{\"id\":\"a\",\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"ok\"}}\n",
        "x".repeat(200_000)
    );
    let items: Vec<Item> = JsonlReader::new(long.as_bytes(), "t", &opts).collect();
    assert_eq!(kind(&items[0]), Some(ErrorKind::TooLarge));
    assert!(matches!(&items[1], Item::Doc(d) if d.id == "b"));
}

#[test]
fn text_too_large_and_invalid() {
    let opts = Options {
        max_bytes: 4,
        ..Options::default()
    };
    assert_eq!(
        kind(&read_text(&b"12345"[..], "f", &opts)),
        Some(ErrorKind::TooLarge)
    );
    assert_eq!(
        kind(&read_text(&b"\xff"[..], "f", &opts)),
        Some(ErrorKind::InvalidUtf8)
    );
    assert!(kind(&read_text(&b"1234"[..], "f", &opts)).is_none());
}
