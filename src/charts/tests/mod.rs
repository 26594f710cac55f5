//! Tests of the charts, by chart kind: the SVG helpers they share.

mod finance;
mod readiness;

const DIMENSIONS: [&str; 6] =
    ["Smart Governance", "Smart Branding", "Smart Economy", "Smart Living", "Smart Society", "Smart Environment"];
const BLUE_: [u8; 3] = [0x2E, 0x5E, 0xAA];
const ORANGE: [u8; 3] = [0xD9, 0x82, 0x2B];

/// `text` as it appears inside SVG markup.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn assert_svg_has(svg: &str, texts: &[&str]) {
    assert!(svg.starts_with("<svg"), "not an SVG document");
    for text in texts {
        assert!(svg.contains(&escaped(text)), "{text:?} is missing from the SVG");
    }
}

/// The texts of an SVG document, trimmed.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let body = &rest[rest.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().replace("&amp;", "&"))
        })
        .collect()
}
