//! Running per-page work on every core (compiling pages, drawing them, compressing files): a
//! site of thousands of pages is built in seconds rather than minutes.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The stack of each build thread.
pub const STACK_SIZE: usize = 16 << 20;

/// `f` applied to every item, on as many threads as the machine has cores, results in order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    // Items are handed out one at a time, so that a few slow ones do not hold up a whole chunk.
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                // Drawing a page recurses once per level of its content, which the compiler
                // bounds (100 levels of blocks, 100 of spans); this stack has room to spare.
                std::thread::Builder::new()
                    .stack_size(STACK_SIZE)
                    .spawn_scoped(scope, || {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = items.get(i) else { break };
                            done.push((i, f(item)));
                        }
                        done
                    })
                    .expect("a build thread")
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a build thread panicked"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&items, |n| n * 2),
            items.iter().map(|n| n * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(&[] as &[u32], |n| *n), Vec::<u32>::new());
    }
}
