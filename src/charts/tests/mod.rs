//! Tests of the charts, by chart kind: the SVG helpers they share.

mod finance;
mod readiness;

use super::{scale_of, with_min_scale};

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

#[test]
fn a_minimum_scale_holds_inside_its_call_and_files_drawn_outside_keep_theirs() {
    // 720x405: the short side 405 / 480.
    assert!((scale_of(720, 405) - 0.84375).abs() < 1e-9);
    let inside = with_min_scale(2.46, || scale_of(720, 405));
    assert!((inside - 2.46).abs() < 1e-9, "raised to the minimum: {inside}");
    assert!((with_min_scale(0.5, || scale_of(1200, 960)) - 2.0).abs() < 1e-9, "never lowered");
    assert!((scale_of(720, 405) - 0.84375).abs() < 1e-9, "back to the picture's own after the call");
}
