//! Character ranges already taken by an earlier, surer pass.

use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Claims {
    /// start -> end, non-overlapping.
    spans: BTreeMap<usize, usize>,
}

impl Claims {
    /// Does `[start, end)` overlap anything claimed?
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        if let Some((_, &e)) = self.spans.range(..=start).next_back() {
            if e > start {
                return true;
            }
        }
        self.spans.range(start..end).next().is_some()
    }

    /// Claim `[start, end)` unless it overlaps a claim; says whether it did.
    pub fn claim(&mut self, start: usize, end: usize) -> bool {
        if start >= end || self.overlaps(start, end) {
            return false;
        }
        self.spans.insert(start, end);
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
    }
}
