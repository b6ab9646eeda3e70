//! Numbers with a fixed number of decimals for SVG attributes and path data, written with
//! integer arithmetic: `format!("{:.1}")` goes through the general float formatter, and a
//! first render writes tens of thousands of coordinates.

use std::fmt::Write;

/// Appends `v` with `decimals` decimals (at most 6), as `format!("{v:.decimals$}")` does:
/// the nearest, an exact tie to even. Non-finite and huge values go through the formatter.
pub fn push_fixed(out: &mut String, v: f64, decimals: u32) {
    let decimals = decimals.min(6);
    let unit = 10u64.pow(decimals);
    let product = v.abs() * unit as f64;
    let mut scaled = product.round();
    if product - product.trunc() == 0.5 {
        // The rounded product sits on a tie; the exact one may be either side of it, or
        // on it (then to even, as the formatter does). A fused multiply-add gives the
        // product's rounding error exactly; it is slow without hardware, so only here.
        let error = v.abs().mul_add(unit as f64, -product);
        let down = product.trunc();
        scaled = if error < 0.0 || (error == 0.0 && down % 2.0 == 0.0) {
            down
        } else {
            down + 1.0
        };
    }
    // Beyond 2^53 an f64 holds no fraction anyway; there the formatter is exact and cheap enough.
    if !(scaled.is_finite() && scaled < 9.0e15) {
        let _ = write!(out, "{v:.*}", decimals as usize);
        return;
    }
    let n = scaled as u64;
    if v.is_sign_negative() {
        out.push('-');
    }
    push_u64(out, n / unit);
    if decimals > 0 {
        out.push('.');
        let frac = n % unit;
        // Leading zeros of the fraction, then its digits.
        let mut width = unit / 10;
        while width > 1 && frac < width {
            out.push('0');
            width /= 10;
        }
        push_u64(out, frac);
    }
}

/// `v` with `decimals` decimals as a new string ([`push_fixed`]).
pub fn fixed(v: f64, decimals: u32) -> String {
    let mut s = String::with_capacity(12);
    push_fixed(&mut s, v, decimals);
    s
}

/// Appends the decimal digits of `n`.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(b) = buf.get_mut(i) {
            *b = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for &b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_the_formatter_writes() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut values = vec![
            0.0,
            -0.0,
            0.04,
            -0.04,
            0.05,
            0.95,
            9.95,
            99.96,
            -1.25,
            1e-7,
            123456.789,
            5e15,
            1e300,
            -1e300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.125,
            2.5,
            0.5,
            1.5,
            21.25,
            21.35,
            0.375,
            1.0 / 3.0,
        ];
        for _ in 0..200_000 {
            let r = next();
            let mag = 10f64.powi((r % 9) as i32 - 3);
            values.push(((r >> 11) as f64 / (1u64 << 53) as f64 - 0.3) * mag);
            // Exact ties: multiples of 1/8.
            values.push((r % 100_000) as f64 / 8.0 - 1000.0);
        }
        for v in values {
            for d in 0..=3 {
                let want = format!("{v:.*}", d as usize);
                let got = fixed(v, d);
                assert_eq!(got, want, "{v} with {d}");
            }
        }
    }

    #[test]
    fn integers() {
        for n in [0, 1, 9, 10, 99, 100, 12345, u64::MAX] {
            let mut s = String::new();
            push_u64(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
