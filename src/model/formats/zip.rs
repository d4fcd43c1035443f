//! A minimal ZIP codec for brat exports: writes stored (uncompressed) archives and reads
//! stored ones back. Compressed archives from other tools are refused with a message.

/// CRC-32 (IEEE), as ZIP requires.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn push16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn push32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// A stored ZIP archive of `(name, contents)` files. Names are UTF-8 (flag bit 11); the time
/// stamp is fixed (1980-01-01) so that the same files always give the same bytes.
pub fn write_stored(files: &[(String, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, contents) in files {
        let (name, data) = (name.as_bytes(), contents.as_bytes());
        let offset = out.len() as u32;
        let crc = crc32(data);
        let header = |out: &mut Vec<u8>, signature: u32, central: bool| {
            push32(out, signature);
            if central {
                push16(out, 20); // made by
            }
            push16(out, 20); // version needed
            push16(out, 0x0800); // UTF-8 names
            push16(out, 0); // stored
            push16(out, 0); // time
            push16(out, 0x21); // date: 1980-01-01
            push32(out, crc);
            push32(out, data.len() as u32);
            push32(out, data.len() as u32);
            push16(out, name.len() as u16);
            push16(out, 0); // extra
        };
        header(&mut out, 0x0403_4b50, false);
        out.extend_from_slice(name);
        out.extend_from_slice(data);
        header(&mut central, 0x0201_4b50, true);
        push16(&mut central, 0); // comment
        push16(&mut central, 0); // disk
        push16(&mut central, 0); // internal attributes
        push32(&mut central, 0); // external attributes
        push32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    push32(&mut out, 0x0605_4b50);
    push16(&mut out, 0);
    push16(&mut out, 0);
    push16(&mut out, files.len() as u16);
    push16(&mut out, files.len() as u16);
    push32(&mut out, central_size);
    push32(&mut out, central_offset);
    push16(&mut out, 0);
    out
}

fn read16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn read32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The files of a ZIP archive whose entries are stored, as `(name, bytes)`.
pub fn read_stored(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let broken = || "the ZIP archive is damaged".to_string();
    let end = (0..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| read32(bytes, i) == Some(0x0605_4b50))
        .ok_or_else(|| "this is not a ZIP archive".to_string())?;
    let count = read16(bytes, end + 10).ok_or_else(broken)? as usize;
    let mut at = read32(bytes, end + 16).ok_or_else(broken)? as usize;
    let mut files = Vec::with_capacity(count);
    for _ in 0..count {
        if read32(bytes, at) != Some(0x0201_4b50) {
            return Err(broken());
        }
        let method = read16(bytes, at + 10).ok_or_else(broken)?;
        let size = read32(bytes, at + 20).ok_or_else(broken)? as usize;
        let name_len = read16(bytes, at + 28).ok_or_else(broken)? as usize;
        let extra_len = read16(bytes, at + 30).ok_or_else(broken)? as usize;
        let comment_len = read16(bytes, at + 32).ok_or_else(broken)? as usize;
        let local = read32(bytes, at + 42).ok_or_else(broken)? as usize;
        let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(broken)?;
        let name = String::from_utf8_lossy(name).into_owned();
        if method != 0 {
            return Err(format!(
                "{name} in the ZIP archive is compressed; claimmark reads stored archives only — unzip it and choose the .txt and .ann files instead"
            ));
        }
        let local_name = read16(bytes, local + 26).ok_or_else(broken)? as usize;
        let local_extra = read16(bytes, local + 28).ok_or_else(broken)? as usize;
        let data_at = local + 30 + local_name + local_extra;
        let data = bytes.get(data_at..data_at + size).ok_or_else(broken)?;
        files.push((name, data.to_vec()));
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn stored_archives_round_trip() {
        let files = vec![
            (
                "doc 🙂.txt".to_string(),
                "Kabul accused Islamabad.\r\n".to_string(),
            ),
            (
                "doc 🙂.ann".to_string(),
                "T1\tallegation 0 5\tKabul\n".to_string(),
            ),
        ];
        let bytes = write_stored(&files);
        let back = read_stored(&bytes).unwrap();
        let back: Vec<(String, String)> = back
            .into_iter()
            .map(|(n, b)| (n, String::from_utf8(b).unwrap()))
            .collect();
        assert_eq!(back, files);
        assert_eq!(
            write_stored(&files),
            bytes,
            "the same files give the same bytes"
        );
    }

    #[test]
    fn damaged_archives_are_refused_with_a_message() {
        assert_eq!(
            read_stored(b"not a zip"),
            Err("this is not a ZIP archive".to_string())
        );
        let mut bytes = write_stored(&[("a".into(), "b".into())]);
        bytes.truncate(bytes.len() - 30);
        assert!(read_stored(&bytes).is_err());
    }
}
