//! Colours as the workbook stores them: `#rrggbb` text, read into red, green and blue.

/// `#rrggbb` (the `#` optional) as red, green and blue; `None` for anything else. Each caller picks its own
/// colour for `None`.
pub fn rgb_from_hex(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.trim_start_matches('#');
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_hex_digits_after_an_optional_hash() {
        assert_eq!(rgb_from_hex("#2E5EAA"), Some([0x2E, 0x5E, 0xAA]));
        assert_eq!(rgb_from_hex("2e5eaa"), Some([0x2E, 0x5E, 0xAA]));
        assert_eq!(rgb_from_hex("##000000"), Some([0, 0, 0]), "every leading # is skipped, as before");
        for refused in ["blue", "#2E5EAA00", "#2E5", "", "#", "12+345", "+12345", "#2E5EA\u{e9}"] {
            assert_eq!(rgb_from_hex(refused), None, "{refused:?}");
        }
    }
}
