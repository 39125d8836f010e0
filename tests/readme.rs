//! The config example in the README must load: documentation that does not work is a bug.

use std::path::Path;

#[test]
fn the_readme_config_example_loads() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("```toml\n")
        .expect("a toml block in the README")
        + "```toml\n".len();
    let end = start + readme[start..].find("```").expect("the block ends");
    let example = &readme[start..end];
    let cfg = dutydesk::config::load(Some((Path::new("README.md"), example)))
        .unwrap_or_else(|e| panic!("the README example does not load: {e}"));
    assert_eq!(cfg.school.zh, "城南中学");
    assert_eq!(cfg.places.len(), 2);
    assert_eq!(cfg.place("dorm_1").expect("dorm_1").checklist.len(), 3);
    let night = cfg.slot("night").expect("night slot");
    assert_eq!(night.every_minutes, Some(60));
    assert_eq!(night.days.len(), 7, "a slot without days runs every day");
    assert_eq!(cfg.lang, Some(dutydesk::i18n::Lang::Zh));
    // Categories were not given, so the defaults stay.
    assert!(cfg.categories.iter().any(|c| c.id == "fight"));
}
