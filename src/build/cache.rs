//! The folders under `target/` where the build keeps what is slow to make (compressed files,
//! encoded images) from one build to the next, by content: how a file gets in, and how the
//! folder forgets what no build uses any more, so that editing a site all year does not fill the
//! disk.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The file `key` of `cache`, or, made by `make`, kept there for the next build. For files read
/// out of the cache (encoded images), which are marked as used (see [`used`]). A cache that
/// cannot be written only makes the next build slower.
pub fn read_or_make<E>(
    cache: &Path,
    key: &str,
    make: impl FnOnce() -> Result<Vec<u8>, E>,
) -> Result<Vec<u8>, E> {
    let file = cache.join(key);
    if let Ok(bytes) = fs::read(&file) {
        used(&file);
        return Ok(bytes);
    }
    let bytes = make()?;
    let _ = fs::create_dir_all(cache).and_then(|()| keep(&file, &bytes));
    Ok(bytes)
}

/// Writes `bytes` into a cache as the file `cached`, whole: written under another name and then
/// renamed, so that no other build (or thread) reads or links it half-written, and a file of the
/// same name already linked into an output folder is not written through.
pub fn keep(cached: &Path, bytes: &[u8]) -> io::Result<()> {
    static WRITTEN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITTEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let partial =
        super::output::with_suffix(cached, &format!("{}-{n}.partial", std::process::id()));
    fs::write(&partial, bytes)?;
    fs::rename(&partial, cached)
}

/// Marks a cached file as used now (its modification time), so that [`prune`] keeps it. For
/// files that are read from the cache rather than linked out of it. A file that cannot be dated
/// is only forgotten sooner.
fn used(cached: &Path) {
    let _ = super::output::date(cached, SystemTime::now());
}

/// Removes from `cache` the files that are neither linked into an output folder (a second link)
/// nor made or used (see [`used`]) within `unused_for` before `now`. How many. A file that
/// cannot be looked at or removed stays: a cache only saves time. Looking at every file takes
/// 0.1 s for a cache of 20,000 files, so this is done at most once an hour, which the file
/// [`PRUNED`]'s time records.
pub fn prune(cache: &Path, now: SystemTime, unused_for: Duration) -> usize {
    use std::os::unix::fs::MetadataExt;
    let stamp = cache.join(PRUNED);
    let recently = fs::metadata(&stamp)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|pruned| now.duration_since(pruned).ok())
        .is_some_and(|since| since < Duration::from_secs(60 * 60));
    if recently {
        return 0;
    }
    let Ok(entries) = fs::read_dir(cache) else {
        return 0;
    };
    if fs::File::create(&stamp)
        .and_then(|file| file.set_modified(now))
        .is_err()
    {
        return 0;
    }
    let mut removed = 0;
    for entry in entries.flatten() {
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let old = metadata
            .modified()
            .ok()
            .and_then(|made| now.duration_since(made).ok())
            .is_some_and(|age| age > unused_for);
        if metadata.is_file()
            && metadata.nlink() == 1
            && old
            && entry.file_name() != PRUNED
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// A cache's file whose time is when it was last pruned.
const PRUNED: &str = "pruned";

/// `bytes` in hexadecimal, for file names and cache keys.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Duration = Duration::from_secs(24 * 60 * 60);

    #[test]
    fn a_cache_forgets_files_neither_linked_nor_used_lately() {
        let dir = std::env::temp_dir().join(format!("scc-prune-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let cache = dir.join("cache");
        fs::create_dir_all(&cache).unwrap();
        let old = SystemTime::now() - 2 * DAY;
        for name in ["linked", "unlinked", "read", "recent"] {
            keep(&cache.join(name), name.as_bytes()).unwrap();
        }
        for name in ["linked", "unlinked", "read"] {
            super::super::output::date(&cache.join(name), old).unwrap();
        }
        fs::hard_link(cache.join("linked"), dir.join("index.html.br")).unwrap();
        used(&cache.join("read"));
        assert_eq!(prune(&cache, SystemTime::now(), DAY), 1);
        let left: Vec<_> = ["linked", "unlinked", "read", "recent"]
            .into_iter()
            .filter(|name| cache.join(name).exists())
            .collect();
        assert_eq!(left, ["linked", "read", "recent"]);
        assert_eq!(
            fs::read_dir(&cache).unwrap().count(),
            4,
            "no partial file is left, only the three and the stamp"
        );
        // Not again within the hour; a day later, what is neither linked nor used since.
        fs::remove_file(dir.join("index.html.br")).unwrap();
        assert_eq!(prune(&cache, SystemTime::now(), DAY), 0);
        let later = SystemTime::now() + 2 * DAY;
        assert_eq!(prune(&cache, later, DAY), 3);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_is_made_once_and_then_read_and_kept() {
        let dir = std::env::temp_dir().join(format!("scc-read-or-make-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let cache = dir.join("cache");
        let mut made = 0;
        let mut make = || -> Result<Vec<u8>, ()> {
            made += 1;
            Ok(b"encoded".to_vec())
        };
        assert_eq!(read_or_make(&cache, "key", &mut make).unwrap(), b"encoded");
        super::super::output::date(&cache.join("key"), SystemTime::now() - 2 * DAY).unwrap();
        assert_eq!(read_or_make(&cache, "key", &mut make).unwrap(), b"encoded");
        assert_eq!(made, 1, "the second time, read from the cache");
        assert_eq!(prune(&cache, SystemTime::now(), DAY), 0, "used, so kept");
        assert_eq!(
            read_or_make(&cache, "other", || Err::<Vec<u8>, _>("unreadable")),
            Err("unreadable")
        );
        assert!(!cache.join("other").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
