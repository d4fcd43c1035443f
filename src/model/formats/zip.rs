//! ZIP archives for brat: claimmark writes stored (uncompressed) archives itself, byte for byte
//! the same for the same files, and reads archives with the maintained `zip` crate (deflate by
//! `miniz_oxide`, as Finder, Explorer and `zip` make them), checking every entry's CRC-32.
//! Folders, `__MACOSX/` entries and dot-files (`.DS_Store`) are skipped.

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

/// Entries that are not documents: folders, macOS resource forks and dot-files.
fn skipped(name: &str) -> bool {
    name.ends_with('/')
        || name.starts_with("__MACOSX/")
        || name
            .rsplit('/')
            .next()
            .is_some_and(|base| base.starts_with('.'))
}

/// The files of a ZIP archive (stored or deflated) as `(name, bytes)`, at most `limit` bytes
/// in all once unpacked.
pub fn read(bytes: &[u8], limit: usize) -> Result<Vec<(String, Vec<u8>)>, String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "this is not a ZIP archive (or it is damaged)".to_string())?;
    let mut files = Vec::new();
    let mut total = 0usize;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| {
            format!(
                "entry {} of the ZIP archive cannot be read ({e})",
                index + 1
            )
        })?;
        let name = entry.name().to_string();
        if skipped(&name) {
            continue;
        }
        if entry.compression() != zip::CompressionMethod::Stored
            && entry.compression() != zip::CompressionMethod::Deflated
        {
            return Err(format!(
                "{name} is compressed with {}, which claimmark does not read; unzip it and choose the .txt and .ann files",
                entry.compression()
            ));
        }
        let mut data = Vec::new();
        let room = limit.saturating_sub(total) as u64 + 1;
        entry
            .by_ref()
            .take(room)
            .read_to_end(&mut data)
            .map_err(|e| format!("{name} in the ZIP archive is damaged ({e})"))?;
        total += data.len();
        if total > limit {
            return Err(format!(
                "the ZIP archive unpacks to more than {} MB; claimmark opens up to {} MB",
                limit / (1024 * 1024),
                limit / (1024 * 1024)
            ));
        }
        files.push((name, data));
    }
    Ok(files)
}

/// The files of a ZIP archive, as [`read`] with no limit (tests and fuzzing).
pub fn read_stored(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    read(bytes, usize::MAX / 2)
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
            Err("this is not a ZIP archive (or it is damaged)".to_string())
        );
        let mut bytes = write_stored(&[("a".into(), "b".into())]);
        bytes.truncate(bytes.len() - 30);
        assert!(read_stored(&bytes).is_err());
    }

    /// A deflated archive as other tools make it, with a folder and the debris macOS adds.
    fn deflated(files: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, contents) in files {
            if name.ends_with('/') {
                writer.add_directory(*name, options).unwrap();
            } else {
                writer.start_file(*name, options).unwrap();
                writer.write_all(contents.as_bytes()).unwrap();
            }
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn deflated_archives_read_without_their_debris() {
        let bytes = deflated(&[
            ("docs/", ""),
            ("docs/статья.txt", "Захарова заявила.\n"),
            ("docs/статья.ann", "T1\tclaim 0 8\tЗахарова\n"),
            ("__MACOSX/docs/._статья.txt", "junk"),
            ("docs/.DS_Store", "junk"),
        ]);
        let names: Vec<String> = read_stored(&bytes)
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["docs/статья.txt", "docs/статья.ann"]);
    }

    #[test]
    fn a_wrong_crc_or_too_much_is_refused() {
        let mut bytes = write_stored(&[("a.txt".into(), "Kabul accused Islamabad.".into())]);
        // Flip a byte of the stored data: its CRC no longer matches.
        let at = bytes.windows(5).position(|w| w == b"Kabul").unwrap();
        bytes[at] = b'k';
        assert!(read_stored(&bytes).unwrap_err().contains("damaged"));
        let big = deflated(&[("big.txt", &"x".repeat(100_000))]);
        assert!(read(&big, 1000)
            .unwrap_err()
            .contains("unpacks to more than"));
    }
}
