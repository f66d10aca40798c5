//! The Bluetooth Heart Rate Measurement characteristic (0x2A37), read from its bytes: a
//! flags byte, the rate in 8 or 16 bits, an optional energy field, then RR intervals in
//! 1/1024 s. Plain Rust, so the default build and its tests need no Bluetooth library.

/// Flag bits, as the Bluetooth Heart Rate Service defines them.
const RATE_16_BIT: u8 = 0x01;
const CONTACT_DETECTED: u8 = 0x02;
const CONTACT_SUPPORTED: u8 = 0x04;
const ENERGY_PRESENT: u8 = 0x08;
const RR_PRESENT: u8 = 0x10;

/// One measurement as a strap sent it.
#[derive(Clone, Debug, PartialEq)]
pub struct Measurement {
    pub bpm: u16,
    /// Whether the strap touches the skin; None when the strap cannot tell.
    pub contact: Option<bool>,
    /// Energy expended since the strap's last reset, in kilojoules.
    pub energy_kj: Option<u16>,
    /// The intervals carried, in milliseconds, oldest first.
    pub rr_ms: Vec<f64>,
}

/// Why a packet could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PacketError {
    /// Shorter than its flags say it must be (`needed` bytes, `found` bytes).
    Truncated { needed: usize, found: usize },
    /// The RR part ends in half a value.
    OddRr,
}

/// Read one Heart Rate Measurement packet.
pub fn parse(bytes: &[u8]) -> Result<Measurement, PacketError> {
    let flags = *bytes.first().ok_or(PacketError::Truncated {
        needed: 2,
        found: 0,
    })?;
    let rate_len = if flags & RATE_16_BIT != 0 { 2 } else { 1 };
    let energy_len = if flags & ENERGY_PRESENT != 0 { 2 } else { 0 };
    let needed = 1 + rate_len + energy_len;
    if bytes.len() < needed {
        return Err(PacketError::Truncated {
            needed,
            found: bytes.len(),
        });
    }
    let bpm = if rate_len == 2 {
        u16::from_le_bytes([bytes[1], bytes[2]])
    } else {
        u16::from(bytes[1])
    };
    let energy_kj =
        (energy_len == 2).then(|| u16::from_le_bytes([bytes[1 + rate_len], bytes[2 + rate_len]]));
    let contact = (flags & CONTACT_SUPPORTED != 0).then_some(flags & CONTACT_DETECTED != 0);
    let rest = &bytes[needed..];
    let mut rr_ms = Vec::new();
    if flags & RR_PRESENT != 0 {
        if !rest.len().is_multiple_of(2) {
            return Err(PacketError::OddRr);
        }
        // 1/1024 s units, so 1024 is one second.
        rr_ms.extend(
            rest.chunks_exact(2)
                .map(|c| f64::from(u16::from_le_bytes([c[0], c[1]])) * 1000.0 / 1024.0),
        );
    }
    Ok(Measurement {
        bpm,
        contact,
        energy_kj,
        rr_ms,
    })
}

/// A packet as lines in the "rr" format, one interval a line in whole milliseconds; a packet
/// that cannot be read gives none (a strap's glitch, not worth a word).
pub fn rr_lines(bytes: &[u8]) -> Vec<String> {
    parse(bytes).map_or_else(
        |_| Vec::new(),
        |m| {
            m.rr_ms
                .iter()
                .map(|ms| format!("{:.0}\n", ms.round()))
                .collect()
        },
    )
}

/// Whether a strap named `name` is the one asked for: any strap when none is asked for,
/// else one whose name holds `wanted`, whatever the case.
pub fn name_matches(name: Option<&str>, wanted: Option<&str>) -> bool {
    match (wanted.map(str::trim), name) {
        (None | Some(""), _) => true,
        (Some(w), Some(n)) => n.to_lowercase().contains(&w.to_lowercase()),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A packet for `flags` holding rate 0x0148 (72 in 8 bits), energy 300 and RR 1024.
    fn packet(flags: u8) -> Vec<u8> {
        let mut b = vec![flags];
        if flags & RATE_16_BIT != 0 {
            b.extend_from_slice(&328u16.to_le_bytes());
        } else {
            b.push(72);
        }
        if flags & ENERGY_PRESENT != 0 {
            b.extend_from_slice(&300u16.to_le_bytes());
        }
        if flags & RR_PRESENT != 0 {
            b.extend_from_slice(&[0x00, 0x04, 0x00, 0x02]);
        }
        b
    }

    #[test]
    fn every_flag_combination_reads() {
        for flags in 0u8..32 {
            let m = parse(&packet(flags)).unwrap();
            let bpm = if flags & RATE_16_BIT != 0 { 328 } else { 72 };
            assert_eq!(m.bpm, bpm, "flags {flags:#04x}");
            let contact = match flags & 0x06 {
                0x04 => Some(false),
                0x06 => Some(true),
                _ => None,
            };
            assert_eq!(m.contact, contact, "flags {flags:#04x}");
            let energy = (flags & ENERGY_PRESENT != 0).then_some(300);
            assert_eq!(m.energy_kj, energy, "flags {flags:#04x}");
            let rr = if flags & RR_PRESENT != 0 {
                vec![1000.0, 500.0]
            } else {
                vec![]
            };
            assert_eq!(m.rr_ms, rr, "flags {flags:#04x}");
        }
    }

    #[test]
    fn reserved_flag_bits_are_ignored() {
        let m = parse(&[0xE0 | RR_PRESENT, 60, 0x00, 0x04]).unwrap();
        assert_eq!((m.bpm, m.rr_ms), (60, vec![1000.0]));
    }

    #[test]
    fn nine_rr_values_fill_one_packet() {
        // A 20-byte payload (the default ATT MTU): flags, 8-bit rate, nine intervals.
        let mut b = vec![RR_PRESENT, 64];
        let raw: Vec<u16> = (0..9).map(|i| 900 + i * 16).collect();
        for v in &raw {
            b.extend_from_slice(&v.to_le_bytes());
        }
        assert_eq!(b.len(), 20);
        let m = parse(&b).unwrap();
        assert_eq!(m.rr_ms.len(), 9);
        for (got, v) in m.rr_ms.iter().zip(&raw) {
            assert!((got - f64::from(*v) * 1000.0 / 1024.0).abs() < 1e-9);
        }
        assert!((m.rr_ms[0] - 878.90625).abs() < 1e-9);
    }

    #[test]
    fn a_truncated_packet_is_refused() {
        assert_eq!(
            parse(&[]),
            Err(PacketError::Truncated {
                needed: 2,
                found: 0
            })
        );
        assert_eq!(
            parse(&[RATE_16_BIT, 0x48]),
            Err(PacketError::Truncated {
                needed: 3,
                found: 2
            })
        );
        assert_eq!(
            parse(&[ENERGY_PRESENT, 72, 0x2C]),
            Err(PacketError::Truncated {
                needed: 4,
                found: 3
            })
        );
        assert_eq!(parse(&[RR_PRESENT, 72, 0x00, 0x04, 0x00]), Err(PacketError::OddRr));
    }

    #[test]
    fn a_packet_becomes_whole_millisecond_lines() {
        // 1024 -> 1000 ms, 512 -> 500 ms, 900 -> 878.9 ms, rounded to 879.
        let b = [RR_PRESENT, 64, 0x00, 0x04, 0x00, 0x02, 0x84, 0x03];
        assert_eq!(rr_lines(&b), ["1000\n", "500\n", "879\n"]);
        assert!(rr_lines(&[0x00, 72]).is_empty(), "no RR values, no lines");
        assert!(rr_lines(&[RR_PRESENT, 72, 0x00]).is_empty(), "a broken packet, no lines");
    }

    #[test]
    fn a_name_matches_in_part_and_in_any_case() {
        assert!(name_matches(Some("Polar H10 12345678"), Some("h10")));
        assert!(name_matches(Some("TICKR 1A2B"), Some("Tickr")));
        assert!(!name_matches(Some("Polar H10 12345678"), Some("tickr")));
        assert!(name_matches(None, None));
        assert!(name_matches(Some("anything"), Some("  ")));
        assert!(!name_matches(None, Some("h10")), "a nameless strap is not the named one");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(0u8.., 0..40)) {
            let _ = parse(&bytes);
        }
    }
}
