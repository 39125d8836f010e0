//! The demo's random numbers: splitmix64, small and fully determined by the seed, so the same
//! seed gives the same school on every machine (no dependency, no global state).

/// A splitmix64 generator (Steele, Lea and Flood 2014; the seeding generator of xoshiro).
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Mixed once so that seeds 1, 2, 3… do not start from neighbouring states.
        let mut rng = Rng {
            state: seed ^ 0x5DEE_CE66_D1CE_4E5B,
        };
        rng.next_u64();
        rng
    }

    /// A generator for one part of the school, independent of how many numbers the other parts
    /// drew: adding a visitor does not reshuffle every incident after it.
    pub fn fork(&mut self, stream: u64) -> Rng {
        Rng::new(self.next_u64() ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), without modulo bias worth speaking of (Lemire).
    pub fn below(&mut self, n: usize) -> usize {
        let wide = u128::from(self.next_u64()) * (n as u128);
        (wide >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        let wide = u128::from(self.next_u64()) * u128::from(span);
        lo.saturating_add_unsigned((wide >> 64) as u64)
    }

    /// A number in `[0, 1)` with 32 bits of precision: plenty for the odds used here.
    pub fn unit(&mut self) -> f64 {
        f64::from((self.next_u64() >> 32) as u32) / 4_294_967_296.0
    }

    /// A random part of `whole`, between `lo` and `hi` thousandths of it.
    pub fn part(&mut self, whole: i64, lo: i64, hi: i64) -> i64 {
        whole.saturating_mul(self.range(lo, hi)) / 1000
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice (`None` for an empty one).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }

    /// An index chosen with the given weights (`None` if none is positive).
    pub fn weighted(&mut self, weights: &[f64]) -> Option<usize> {
        let total: f64 = weights.iter().filter(|w| **w > 0.0).sum();
        if total <= 0.0 {
            return None;
        }
        let mut left = self.unit() * total;
        let mut last = None;
        for (i, w) in weights.iter().enumerate() {
            if *w <= 0.0 {
                continue;
            }
            last = Some(i);
            if left < *w {
                return Some(i);
            }
            left -= w;
        }
        last
    }

    /// A Poisson-distributed count with mean `mean` (Knuth's method: the means here are small).
    pub fn poisson(&mut self, mean: f64) -> u32 {
        if mean <= 0.0 {
            return 0;
        }
        let limit = (-mean.min(30.0)).exp();
        let mut k = 0;
        let mut p = self.unit();
        while p > limit && k < 200 {
            k += 1;
            p *= self.unit();
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let (mut a, mut b, mut c) = (Rng::new(7), Rng::new(7), Rng::new(8));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        let zs: Vec<u64> = (0..5).map(|_| c.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn ranges_stay_in_bounds() {
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            assert!(r.below(7) < 7);
            let v = r.range(-3, 3);
            assert!((-3..=3).contains(&v));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.weighted(&[0.0, 0.0]), None);
        assert_eq!(r.weighted(&[0.0, 1.0]), Some(1));
        let mean = f64::from((0..2000).map(|_| r.poisson(3.0)).sum::<u32>()) / 2000.0;
        assert!((2.7..3.3).contains(&mean), "{mean}");
    }
}
