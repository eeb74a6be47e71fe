//! Measuring a piece of work as the hostile-input suites judge it: its time, and the most memory
//! the process held at once while it ran, counted exactly by a counting global allocator (so the
//! figure does not depend on the allocator's caching). A suite that includes this module gets the
//! allocator for its whole test binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Counts the bytes live and the most that were live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one piece of work took.
pub struct Measured<T> {
    pub seconds: f64,
    pub peak_bytes: usize,
    pub result: T,
}

/// Runs `work` on a thread of its own and measures it; `None` if it has not finished after
/// `limit` (the thread is left running: the caller reports the hang and exits).
pub fn measure<T: Send + 'static>(
    name: &str,
    limit: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<Measured<T>> {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(16 << 20)
        .spawn(move || {
            let base = LIVE.load(Ordering::Relaxed);
            PEAK.store(base, Ordering::Relaxed);
            let started = Instant::now();
            let result = work();
            let _ = done.send(Measured {
                seconds: started.elapsed().as_secs_f64(),
                peak_bytes: PEAK.load(Ordering::Relaxed).saturating_sub(base),
                result,
            });
        })
        .expect("a thread for the work");
    let measured = finished.recv_timeout(limit).ok()?;
    worker.join().expect("the work's thread");
    Some(measured)
}
