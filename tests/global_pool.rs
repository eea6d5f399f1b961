//! Building an analyzer has no global side effect on rayon: its global pool is made
//! on first use, and if the build had used it, configuring it afterwards would fail.
//! (A test binary of its own, so that no other test touches the global pool first.)

#[test]
fn building_an_analyzer_leaves_the_global_pool_unbuilt() {
    let analyzer = newslens::Analyzer::new();
    rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build_global()
        .expect("the global pool is still free to configure");
    assert_eq!(rayon::current_num_threads(), 3);
    let doc = analyzer.analyze_document("a", "Vladimir Putin said the talks failed.");
    assert_eq!(doc.claims.len(), 1);
}
