//! Lambert conformal conic projection (spherical) and fitting it to a screen rectangle.
//!
//! Formulas follow John P. Snyder (1987), *Map Projections: A Working Manual*,
//! U.S. Geological Survey Professional Paper 1395, chapter 15 "Lambert Conformal Conic",
//! "Formulas for the sphere": forward (15-1), (15-1a), (15-2), (15-3) with the general
//! conic equations (14-1), (14-2), (14-4); inverse (15-5) with (14-9), (14-10), (14-11);
//! scale factor (15-4).
//!
//! [`Lcc`] works on the unit sphere (R = 1): `forward` gives x east and y north.
//! [`Fitted`] scales and shifts that plane onto screen pixels, with y pointing down.
//!
//! Pure: std only, no allocation in the hot path, never panics. Any non-finite input
//! gives NaN output.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

/// Latitudes closer than this (radians) to the pole opposite the cone's apex are
/// clamped to it: that pole maps to infinity, so it is drawn at a far but finite point.
const POLE_EPS: f64 = 1e-9;

/// Wrap an angle in radians to [-PI, PI].
fn wrap_pi(a: f64) -> f64 {
    if (-PI..=PI).contains(&a) {
        return a;
    }
    let w = (a + PI).rem_euclid(2.0 * PI) - PI;
    // rem_euclid can return 2*PI for tiny negative inputs through rounding.
    if w > PI {
        w - 2.0 * PI
    } else {
        w
    }
}

/// `tan(PI/4 + phi/2)`, the isometric-latitude term of Snyder (15-1) and (15-2).
fn t_of(phi: f64) -> f64 {
    (FRAC_PI_4 + phi / 2.0).tan()
}

/// A spherical Lambert conformal conic projection on the unit sphere.
///
/// Constructed from two standard parallels, the latitude of origin and the central
/// meridian (Snyder 1987, USGS PP 1395, pp. 104-110). Degrees at the API, radians inside.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lcc {
    /// Cone constant n, Snyder (15-3) (or sin(phi1) when phi1 == phi2).
    n: f64,
    /// F, Snyder (15-2): `cos(phi1) * tan^n(PI/4 + phi1/2) / n`.
    f: f64,
    /// rho0, Snyder (15-1a): radius of the origin latitude's arc.
    rho0: f64,
    /// Central meridian lambda0, radians.
    lon0: f64,
}

impl Lcc {
    /// A projection with standard parallels `phi1_deg` and `phi2_deg`, origin latitude
    /// `lat0_deg` and central meridian `lon0_deg`, all in degrees.
    ///
    /// The cone constant is Snyder (1987) eq. (15-3),
    /// `n = ln(cos phi1 / cos phi2) / ln(tan(PI/4 + phi2/2) / tan(PI/4 + phi1/2))`,
    /// or `n = sin phi1` when the two parallels coincide (a tangent cone).
    /// Parallels should be on the same side of the equator and not at a pole; for
    /// unusable parameters (NaN, a pole, a cone constant of 0) the projection's
    /// results are NaN rather than a panic.
    pub fn new(phi1_deg: f64, phi2_deg: f64, lat0_deg: f64, lon0_deg: f64) -> Lcc {
        let phi1 = phi1_deg.to_radians();
        let phi2 = phi2_deg.to_radians();
        let phi0 = lat0_deg.to_radians();
        let n = if (phi1 - phi2).abs() < 1e-12 {
            phi1.sin()
        } else {
            (phi1.cos() / phi2.cos()).ln() / (t_of(phi2) / t_of(phi1)).ln()
        };
        // Snyder (15-2) with R = 1.
        let f = phi1.cos() * t_of(phi1).powf(n) / n;
        // Snyder (15-1a).
        let rho0 = f / t_of(phi0).powf(n);
        Lcc {
            n,
            f,
            rho0,
            lon0: lon0_deg.to_radians(),
        }
    }

    /// The projection used for Central Asia: standard parallels 40 N and 50 N,
    /// origin latitude 45 N, central meridian 68 E.
    pub fn central_asia() -> Lcc {
        Lcc::new(40.0, 50.0, 45.0, 68.0)
    }

    /// The cone constant n (Snyder 15-3).
    pub fn cone_constant(&self) -> f64 {
        self.n
    }

    /// Radius rho of the parallel at latitude `phi` (radians), Snyder (15-1):
    /// `rho = F / tan^n(PI/4 + phi/2)`, with the apex pole at rho = 0 and the opposite
    /// pole clamped to a far, finite radius.
    fn rho(&self, phi: f64) -> f64 {
        // The apex is the pole on the side of the cone (north for n > 0).
        let apex = FRAC_PI_2.copysign(self.n);
        if (phi - apex).abs() < POLE_EPS {
            return 0.0;
        }
        let far = -apex;
        let phi = if (phi - far).abs() < POLE_EPS {
            far + POLE_EPS.copysign(apex)
        } else {
            phi
        };
        self.f / t_of(phi).powf(self.n)
    }

    /// Project `lon`, `lat` (degrees) to the unit-sphere plane: x east, y north, with
    /// (0, 0) at the origin latitude on the central meridian.
    ///
    /// Snyder (1987) eqs. (15-1) for rho, (14-4) `theta = n (lambda - lambda0)` with
    /// lambda - lambda0 brought into [-180, 180], (14-1) `x = rho sin theta` and
    /// (14-2) `y = rho0 - rho cos theta`. Longitudes are taken modulo 360.
    /// Latitudes outside [-90, 90] and non-finite inputs give (NaN, NaN).
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        if !lon.is_finite() || !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return (f64::NAN, f64::NAN);
        }
        let rho = self.rho(lat.to_radians());
        let theta = self.n * wrap_pi(lon.to_radians() - self.lon0);
        let (s, c) = theta.sin_cos();
        let x = rho * s;
        let y = self.rho0 - rho * c;
        if x.is_finite() && y.is_finite() {
            (x, y)
        } else {
            (f64::NAN, f64::NAN)
        }
    }

    /// Inverse of [`Lcc::forward`]: unit-sphere `x`, `y` back to (lon, lat) in degrees,
    /// lon in [-180, 180].
    ///
    /// Snyder (1987) eqs. (14-10) `rho = sgn(n) sqrt(x^2 + (rho0 - y)^2)`, (14-11)
    /// `theta = atan2(sgn(n) x, sgn(n) (rho0 - y))` (signs reversed for n < 0, as Snyder
    /// prescribes for ATAN2), (15-5) `phi = 2 atan((F / rho)^(1/n)) - PI/2` and (14-9)
    /// `lambda = lambda0 + theta / n`. At rho = 0 Snyder's note applies: phi = +-90 deg
    /// with the sign of n. Non-finite inputs give (NaN, NaN).
    pub fn inverse(&self, x: f64, y: f64) -> (f64, f64) {
        if !x.is_finite() || !y.is_finite() || !self.n.is_finite() || self.n == 0.0 {
            return (f64::NAN, f64::NAN);
        }
        let sign = self.n.signum();
        let dy = self.rho0 - y;
        let rho = sign * x.hypot(dy);
        let theta = (sign * x).atan2(sign * dy);
        let phi = if rho == 0.0 {
            FRAC_PI_2.copysign(self.n)
        } else {
            2.0 * (self.f / rho).powf(1.0 / self.n).atan() - FRAC_PI_2
        };
        let lambda = wrap_pi(theta / self.n + self.lon0);
        let (lon, lat) = (lambda.to_degrees(), phi.to_degrees());
        if lon.is_finite() && lat.is_finite() {
            (lon, lat.clamp(-90.0, 90.0))
        } else {
            (f64::NAN, f64::NAN)
        }
    }

    /// The scale factor k = h at latitude `lat` degrees (conformal: the same in every
    /// direction), Snyder (1987) eq. (15-4), written as `k = rho n / cos(phi)` (R = 1).
    /// It is 1 on the standard parallels, below 1 between them, above 1 outside.
    /// NaN at the poles and for bad input.
    pub fn scale_factor(&self, lat: f64) -> f64 {
        if !lat.is_finite() || lat.abs() >= 90.0 {
            return f64::NAN;
        }
        let phi = lat.to_radians();
        self.rho(phi) * self.n / phi.cos()
    }
}

/// An [`Lcc`] fitted to a screen rectangle: lon/lat to pixels with y pointing DOWN.
///
/// `screen_x = tx + scale * x`, `screen_y = ty - scale * y`, where (x, y) is
/// [`Lcc::forward`]'s unit-sphere output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fitted {
    /// The projection.
    pub proj: Lcc,
    /// Pixels per unit-sphere unit (1 unit = one Earth radius at the standard parallels).
    pub scale: f64,
    /// Screen x of the projection's origin (x = 0).
    pub tx: f64,
    /// Screen y of the projection's origin (y = 0).
    pub ty: f64,
}

/// Samples per bbox edge in [`fit_extent`] (parallels are arcs, so the corners alone
/// do not bound the projected box).
const EDGE_SAMPLES: usize = 64;

/// Projected bounds [min_x, min_y, max_x, max_y] of a lon/lat box, from samples along
/// its four edges plus the central meridian's crossings of its two parallels (where a
/// parallel's arc reaches its extreme y). None when no sample projects to finite values.
pub fn projected_bounds(proj: &Lcc, bbox_lonlat: [f64; 4]) -> Option<[f64; 4]> {
    let [min_lon, min_lat, max_lon, max_lat] = bbox_lonlat;
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    let mut any = false;
    let mut add = |lon: f64, lat: f64| {
        let (x, y) = proj.forward(lon, lat);
        if x.is_finite() && y.is_finite() {
            any = true;
            b[0] = b[0].min(x);
            b[1] = b[1].min(y);
            b[2] = b[2].max(x);
            b[3] = b[3].max(y);
        }
    };
    for i in 0..=EDGE_SAMPLES {
        let t = i as f64 / EDGE_SAMPLES as f64;
        let lon = min_lon + (max_lon - min_lon) * t;
        let lat = min_lat + (max_lat - min_lat) * t;
        add(lon, min_lat);
        add(lon, max_lat);
        add(min_lon, lat);
        add(max_lon, lat);
    }
    // A parallel is an arc centred on the apex: its point farthest from (or nearest to)
    // the apex in y is on the central meridian, which the samples may straddle.
    let lon0 = proj.lon0.to_degrees();
    for c in [lon0 - 360.0, lon0, lon0 + 360.0] {
        if (min_lon..=max_lon).contains(&c) {
            add(c, min_lat);
            add(c, max_lat);
        }
    }
    if any {
        Some(b)
    } else {
        None
    }
}

/// Fit the lon/lat box `bbox_lonlat` = [min_lon, min_lat, max_lon, max_lat] into a
/// `width` x `height` pixel rectangle with `padding` pixels on every side, preserving
/// the aspect ratio, centred; the box touches the padding on its constraining axis.
///
/// Degenerate input (NaN, an empty box, a rectangle smaller than its padding) gives a
/// usable fallback rather than a panic: scale 1 and the origin at the centre when
/// nothing can be fitted.
pub fn fit_extent(
    proj: Lcc,
    bbox_lonlat: [f64; 4],
    width: f64,
    height: f64,
    padding: f64,
) -> Fitted {
    let pad = if padding.is_finite() {
        padding.max(0.0)
    } else {
        0.0
    };
    let w = if width.is_finite() {
        width.max(0.0)
    } else {
        0.0
    };
    let h = if height.is_finite() {
        height.max(0.0)
    } else {
        0.0
    };
    let avail_w = (w - 2.0 * pad).max(0.0);
    let avail_h = (h - 2.0 * pad).max(0.0);
    let Some([min_x, min_y, max_x, max_y]) = projected_bounds(&proj, bbox_lonlat) else {
        return Fitted {
            proj,
            scale: 1.0,
            tx: w / 2.0,
            ty: h / 2.0,
        };
    };
    let (bw, bh) = (max_x - min_x, max_y - min_y);
    let sx = if bw > 0.0 {
        avail_w / bw
    } else {
        f64::INFINITY
    };
    let sy = if bh > 0.0 {
        avail_h / bh
    } else {
        f64::INFINITY
    };
    let mut scale = sx.min(sy);
    if !(scale.is_finite() && scale > 0.0) {
        scale = 1.0;
    }
    // Centre the projected box in the rectangle (y flipped: screen y grows downward).
    let cx = (min_x + max_x) / 2.0;
    let cy = (min_y + max_y) / 2.0;
    Fitted {
        proj,
        scale,
        tx: w / 2.0 - scale * cx,
        ty: h / 2.0 + scale * cy,
    }
}

impl Fitted {
    /// Screen pixels (x right, y DOWN) of `lon`, `lat` in degrees; NaN for bad input.
    pub fn to_screen(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = self.proj.forward(lon, lat);
        (self.tx + self.scale * x, self.ty - self.scale * y)
    }

    /// Lon/lat in degrees of screen pixel (`x`, `y`); NaN for bad input.
    pub fn to_lonlat(&self, x: f64, y: f64) -> (f64, f64) {
        if !(self.scale.is_finite() && self.scale != 0.0) {
            return (f64::NAN, f64::NAN);
        }
        self.proj
            .inverse((x - self.tx) / self.scale, (self.ty - y) / self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Great-circle distance on the unit sphere (haversine), degrees in.
    fn great_circle(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let dp = p2 - p1;
        let dl = (lon2 - lon1).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * a.sqrt().asin()
    }

    fn lon_diff(a: f64, b: f64) -> f64 {
        let d = (a - b).rem_euclid(360.0);
        d.min(360.0 - d)
    }

    #[test]
    fn round_trip_table() {
        let p = Lcc::central_asia();
        let named = [
            ("Almaty", 76.92861, 43.25667),
            ("Astana", 71.44598, 51.1801),
            ("Aktau", 51.16667, 43.65),
            ("Tashkent", 69.2401, 41.2995),
            ("Moscow", 37.6173, 55.7558),
            ("Beijing", 116.39723, 39.9075),
            ("Washington", -77.0369, 38.9072),
            ("Geneva", 6.1432, 46.2044),
            ("Origin", 68.0, 45.0),
            ("Box SW", 25.0, 22.0),
            ("Box NE", 110.0, 62.0),
            ("Equator", 68.0, 0.0),
            ("Southern", 150.0, -45.0),
            ("Antimeridian-", -179.999, 10.0),
            ("Antimeridian+", 179.999, 10.0),
            ("Opposite meridian", -112.0 + 0.001, 70.0),
            ("Near north pole", 10.0, 89.9),
        ];
        let mut cases: Vec<(String, f64, f64)> = named
            .iter()
            .map(|&(n, lon, lat)| (n.to_string(), lon, lat))
            .collect();
        for lon in (-180..=180).step_by(15) {
            for lat in (-80..=85).step_by(5) {
                cases.push((format!("grid {lon} {lat}"), lon as f64, lat as f64));
            }
        }
        for (name, lon, lat) in cases {
            let (x, y) = p.forward(lon, lat);
            assert!(
                x.is_finite() && y.is_finite(),
                "{name}: not finite ({x}, {y})"
            );
            let (lon2, lat2) = p.inverse(x, y);
            assert!((lat2 - lat).abs() < 1e-9, "{name}: lat {lat} -> {lat2}");
            assert!(lon_diff(lon2, lon) < 1e-9, "{name}: lon {lon} -> {lon2}");
        }
    }

    #[test]
    fn washington_far_outside_stays_finite() {
        let p = Lcc::central_asia();
        let (x, y) = p.forward(-77.0369, 38.9072);
        assert!(x.is_finite() && y.is_finite());
        let f = fit_extent(p, [25.0, 22.0, 110.0, 62.0], 800.0, 600.0, 10.0);
        let (sx, sy) = f.to_screen(-77.0369, 38.9072);
        assert!(sx.is_finite() && sy.is_finite());
    }

    #[test]
    fn central_meridian_maps_to_x_zero() {
        let p = Lcc::central_asia();
        for lat in [-60.0, 0.0, 22.0, 40.0, 45.0, 50.0, 62.0, 89.0] {
            let (x, _) = p.forward(68.0, lat);
            assert!(x.abs() < 1e-12, "lat {lat}: x = {x}");
        }
        // North is up: y grows with latitude along the central meridian.
        let (_, y1) = p.forward(68.0, 40.0);
        let (_, y2) = p.forward(68.0, 50.0);
        assert!(y2 > y1);
        // East is +x.
        assert!(p.forward(80.0, 45.0).0 > 0.0);
        assert!(p.forward(50.0, 45.0).0 < 0.0);
    }

    #[test]
    fn origin_maps_to_zero() {
        let p = Lcc::central_asia();
        let (x, y) = p.forward(68.0, 45.0);
        assert!(x.abs() < 1e-12 && y.abs() < 1e-12, "({x}, {y})");
        let (lon, lat) = p.inverse(0.0, 0.0);
        assert!((lon - 68.0).abs() < 1e-12 && (lat - 45.0).abs() < 1e-12);
    }

    #[test]
    fn standard_parallels_have_unit_scale() {
        let p = Lcc::central_asia();
        for lat in [40.0, 50.0] {
            for lon in [30.0, 68.0, 100.0] {
                let d = 1e-4;
                let (x1, y1) = p.forward(lon, lat);
                let (x2, y2) = p.forward(lon + d, lat);
                let planar = (x2 - x1).hypot(y2 - y1);
                let sphere = great_circle(lon, lat, lon + d, lat);
                assert!(
                    (planar / sphere - 1.0).abs() < 1e-6,
                    "lat {lat} lon {lon}: {}",
                    planar / sphere
                );
                // Conformal: the same along the meridian.
                let (x3, y3) = p.forward(lon, lat + d);
                let merid = (x3 - x1).hypot(y3 - y1) / great_circle(lon, lat, lon, lat + d);
                assert!((merid - 1.0).abs() < 1e-4, "meridian scale {merid}");
            }
            assert!((p.scale_factor(lat) - 1.0).abs() < 1e-12);
        }
        // Between the standard parallels the scale is below 1, outside above 1.
        assert!(p.scale_factor(45.0) < 1.0);
        assert!(p.scale_factor(30.0) > 1.0 && p.scale_factor(60.0) > 1.0);
    }

    #[test]
    fn tangent_cone_and_southern_cone() {
        // phi1 == phi2 uses n = sin(phi1) (Snyder's note under (15-3)).
        let t = Lcc::new(45.0, 45.0, 45.0, 0.0);
        assert!((t.cone_constant() - 45f64.to_radians().sin()).abs() < 1e-15);
        assert!((t.scale_factor(45.0) - 1.0).abs() < 1e-12);
        // A southern-hemisphere cone (n < 0) round-trips too.
        let s = Lcc::new(-40.0, -20.0, -30.0, 130.0);
        assert!(s.cone_constant() < 0.0);
        for (lon, lat) in [(130.0, -30.0), (150.0, -10.0), (110.0, -60.0), (0.0, 20.0)] {
            let (x, y) = s.forward(lon, lat);
            let (lon2, lat2) = s.inverse(x, y);
            assert!(
                lon_diff(lon, lon2) < 1e-9 && (lat - lat2).abs() < 1e-9,
                "{lon} {lat}"
            );
        }
        // Its apex is the south pole.
        let (x, y) = s.forward(0.0, -90.0);
        let (_, lat) = s.inverse(x, y);
        assert!((lat + 90.0).abs() < 1e-12);
    }

    #[test]
    fn poles_are_safe() {
        let p = Lcc::central_asia();
        // The apex pole is a single point for every longitude.
        let a = p.forward(0.0, 90.0);
        let b = p.forward(120.0, 90.0);
        assert!(a.0.is_finite() && a.1.is_finite());
        assert!((a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12);
        let (_, lat) = p.inverse(a.0, a.1);
        assert_eq!(lat, 90.0);
        // The opposite pole is at infinity: clamped to a far but finite point.
        let (x, y) = p.forward(68.0, -90.0);
        assert!(x.is_finite() && y.is_finite());
        assert!(y < -10.0, "south pole should be far south: {y}");
        let (lon, lat) = p.inverse(x, y);
        assert!(lon.is_finite() && lat < -89.9);
        assert!(p.scale_factor(90.0).is_nan());
    }

    #[test]
    fn nan_and_inf_give_nan_without_panic() {
        let p = Lcc::central_asia();
        let bad = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
        for &v in &bad {
            let (x, y) = p.forward(v, 45.0);
            assert!(x.is_nan() && y.is_nan());
            let (x, y) = p.forward(68.0, v);
            assert!(x.is_nan() && y.is_nan());
            let (a, b) = p.inverse(v, 0.0);
            assert!(a.is_nan() && b.is_nan());
            let (a, b) = p.inverse(0.0, v);
            assert!(a.is_nan() && b.is_nan());
        }
        // Latitude beyond a pole is not a place.
        assert!(p.forward(0.0, 91.0).0.is_nan());
        assert!(p.forward(0.0, -90.5).1.is_nan());
        // Longitudes are taken modulo 360.
        let (x1, y1) = p.forward(190.0, 40.0);
        let (x2, y2) = p.forward(-170.0, 40.0);
        assert!((x1 - x2).abs() < 1e-12 && (y1 - y2).abs() < 1e-12);
        // A broken projection yields NaN, not a panic.
        let broken = Lcc::new(f64::NAN, 50.0, 45.0, 68.0);
        assert!(broken.forward(68.0, 45.0).0.is_nan());
        assert!(broken.inverse(0.0, 0.0).0.is_nan());
        let zero = Lcc::new(0.0, 0.0, 0.0, 0.0); // n = sin 0 = 0
        let _ = zero.forward(10.0, 10.0);
        assert!(zero.inverse(0.1, 0.1).0.is_nan());
        // Fitting and screen transforms with NaN do not panic either.
        let f = fit_extent(p, [f64::NAN; 4], f64::NAN, 100.0, f64::INFINITY);
        let _ = f.to_screen(f64::NAN, 0.0);
        let _ = f.to_lonlat(f64::INFINITY, 0.0);
        assert!(f.scale.is_finite());
    }

    #[test]
    fn fit_extent_fills_constraining_axis() {
        let p = Lcc::central_asia();
        let bbox = [25.0, 22.0, 110.0, 62.0];
        for &(w, h, pad) in &[
            (1000.0, 600.0, 20.0),
            (400.0, 800.0, 10.0),
            (1280.0, 720.0, 0.0),
        ] {
            let f = fit_extent(p, bbox, w, h, pad);
            let mut min = (f64::INFINITY, f64::INFINITY);
            let mut max = (f64::NEG_INFINITY, f64::NEG_INFINITY);
            // Every 0.1 degree along the edges (this includes the central meridian, 68 E).
            for i in 0..=850 {
                let lon = 25.0 + i as f64 / 10.0;
                let lat = 22.0 + (i.min(400)) as f64 / 10.0;
                for (a, b) in [(lon, 22.0), (lon, 62.0), (25.0, lat), (110.0, lat)] {
                    let (x, y) = f.to_screen(a, b);
                    min = (min.0.min(x), min.1.min(y));
                    max = (max.0.max(x), max.1.max(y));
                }
            }
            let eps = 1e-6;
            assert!(
                min.0 >= pad - eps && min.1 >= pad - eps,
                "{w}x{h}: min {min:?}"
            );
            assert!(
                max.0 <= w - pad + eps && max.1 <= h - pad + eps,
                "{w}x{h}: max {max:?}"
            );
            // Touches both sides of at least one axis.
            let fills_x = (min.0 - pad).abs() < 1e-6 && (w - pad - max.0).abs() < 1e-6;
            let fills_y = (min.1 - pad).abs() < 1e-6 && (h - pad - max.1).abs() < 1e-6;
            assert!(fills_x || fills_y, "{w}x{h}: {min:?} {max:?}");
            // Centred on the other axis.
            let gap_x = (min.0 - pad) - (w - pad - max.0);
            let gap_y = (min.1 - pad) - (h - pad - max.1);
            assert!(gap_x.abs() < 1e-6 && gap_y.abs() < 1e-6);
            // North up: a northern point is higher on screen (smaller y).
            assert!(f.to_screen(68.0, 60.0).1 < f.to_screen(68.0, 30.0).1);
        }
    }

    #[test]
    fn screen_round_trip() {
        let f = fit_extent(
            Lcc::central_asia(),
            [25.0, 22.0, 110.0, 62.0],
            1000.0,
            700.0,
            16.0,
        );
        for (lon, lat) in [(76.9, 43.3), (25.0, 22.0), (110.0, 62.0), (37.6, 55.8)] {
            let (x, y) = f.to_screen(lon, lat);
            let (lon2, lat2) = f.to_lonlat(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
    }
}
