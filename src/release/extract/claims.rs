//! Character ranges already taken by an earlier, surer pass.

use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Claims {
    /// start -> end, non-overlapping.
    spans: BTreeMap<usize, usize>,
    /// The furthest end claimed: a pass reads its text in order, so most of its ranges start past it.
    reach: usize,
}

impl Claims {
    /// Does `[start, end)` overlap anything claimed?
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        if start >= self.reach {
            return false;
        }
        // Claims are disjoint, so their ends rise with their starts: of those that start before
        // `end` (or at `start`, for an empty range), only the last can reach past `start`.
        self.spans.range(..end.max(start + 1)).next_back().is_some_and(|(_, &e)| e > start)
    }

    /// Claim `[start, end)` unless it overlaps a claim; says whether it did.
    pub fn claim(&mut self, start: usize, end: usize) -> bool {
        if start >= end || self.overlaps(start, end) {
            return false;
        }
        self.spans.insert(start, end);
        self.reach = self.reach.max(end);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::Claims;

    #[test]
    fn overlap_rules() {
        let mut c = Claims::default();
        assert!(c.claim(10, 20));
        assert!(c.overlaps(15, 16));
        assert!(c.overlaps(5, 11));
        assert!(c.overlaps(19, 30));
        assert!(!c.overlaps(20, 30));
        assert!(!c.overlaps(0, 10));
        assert!(!c.claim(12, 14));
        assert!(c.claim(20, 25));
        // an empty range overlaps the claim it sits inside, not one it only touches
        assert!(c.overlaps(22, 22));
        assert!(!c.overlaps(25, 25));
        assert!(c.overlaps(20, 20));
        // out of order: a range before the furthest claim, between two claims
        assert!(c.claim(100, 110));
        assert!(!c.overlaps(30, 90));
        assert!(c.claim(30, 90));
        assert!(c.overlaps(85, 101));
        assert!(!c.overlaps(90, 100));
        assert!(c.overlaps(0, 200));
    }

    /// Against the plain reading of the rule: a range overlaps a claim when they share a place.
    #[test]
    fn overlaps_as_sharing_a_place() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut c = Claims::default();
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for _ in 0..5_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let start = (seed % 2_000) as usize;
            let end = start + (seed >> 20) as usize % 12;
            let shares = |&(s, e): &(usize, usize)| {
                if start == end {
                    s <= start && start < e
                } else {
                    s < end && start < e
                }
            };
            let expected = taken.iter().any(shares);
            assert_eq!(c.overlaps(start, end), expected, "{start}..{end}");
            if c.claim(start, end) {
                taken.push((start, end));
            }
        }
    }
}
