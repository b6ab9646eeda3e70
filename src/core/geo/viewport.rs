//! The map's viewport: from lon/lat to screen pixels for a given size and [`MapView`].
//!
//! The base map is projected once into fixed "world" units ([`WORLD`]); zoom and pan are
//! then one SVG transform on it, while marks are placed in screen pixels so they keep
//! their size at any zoom.

use crate::geo::projection::{fit_extent, Fitted, Lcc};

/// The map's viewport: the centre in degrees and a zoom factor (1 = the whole region).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

/// Zoom limits: the map clamps to them and the URL reader rejects views outside them.
pub const MIN_ZOOM: f64 = 0.5;
pub const MAX_ZOOM: f64 = 64.0;

/// The region the map frames at zoom 1: min lon, min lat, max lon, max lat.
pub const REGION: [f64; 4] = [46.0, 33.0, 90.0, 55.5];
/// Size of the world coordinate space the region is fitted into.
pub const WORLD: (f64, f64) = (1000.0, 640.0);

/// A map of `width` x `height` pixels showing `view`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub world: Fitted,
    pub width: f64,
    pub height: f64,
    pub view: MapView,
}

/// The region's projection into world units.
pub fn world() -> Fitted {
    fit_extent(Lcc::central_asia(), REGION, WORLD.0, WORLD.1, 0.0)
}

/// The view that frames the whole region.
pub fn home() -> MapView {
    let (lon, lat) = world().to_lonlat(WORLD.0 / 2.0, WORLD.1 / 2.0);
    MapView {
        lon,
        lat,
        zoom: 1.0,
    }
}

impl Viewport {
    /// A viewport of the given pixel size (at least 1 x 1).
    pub fn new(width: f64, height: f64, view: MapView) -> Self {
        let ok = |v: f64| if v.is_finite() { v.max(1.0) } else { 1.0 };
        Viewport {
            world: world(),
            width: ok(width),
            height: ok(height),
            view,
        }
    }

    fn base_k(&self) -> f64 {
        (self.width / WORLD.0).min(self.height / WORLD.1)
    }

    /// Screen pixels per world unit.
    pub fn k(&self) -> f64 {
        self.base_k() * self.view.zoom
    }

    fn center_world(&self) -> (f64, f64) {
        self.world.to_screen(self.view.lon, self.view.lat)
    }

    /// Screen position of a world point.
    pub fn world_to_screen(&self, wx: f64, wy: f64) -> (f64, f64) {
        let (cx, cy) = self.center_world();
        let k = self.k();
        (
            (wx - cx) * k + self.width / 2.0,
            (wy - cy) * k + self.height / 2.0,
        )
    }

    /// The affine map from world units to screen pixels, `(k, dx, dy)`: `screen = world * k + d`.
    /// Computed once per view so that placing many points costs no projection.
    pub fn world_affine(&self) -> (f64, f64, f64) {
        let (cx, cy) = self.center_world();
        let k = self.k();
        (k, self.width / 2.0 - cx * k, self.height / 2.0 - cy * k)
    }

    /// Screen position of `lon`, `lat`.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (wx, wy) = self.world.to_screen(lon, lat);
        self.world_to_screen(wx, wy)
    }

    /// Lon/lat under screen pixel (`x`, `y`).
    pub fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        let (cx, cy) = self.center_world();
        let k = self.k();
        self.world.to_lonlat(
            (x - self.width / 2.0) / k + cx,
            (y - self.height / 2.0) / k + cy,
        )
    }

    /// The SVG transform that draws world units at this view.
    pub fn transform(&self) -> String {
        let (cx, cy) = self.center_world();
        let k = self.k();
        format!(
            "translate({:.2} {:.2}) scale({:.5})",
            self.width / 2.0 - cx * k,
            self.height / 2.0 - cy * k,
            k
        )
    }

    fn with_center_world(&self, wx: f64, wy: f64, zoom: f64) -> MapView {
        let (lon, lat) = self.world.to_lonlat(wx, wy);
        if lon.is_finite() && lat.is_finite() {
            MapView {
                lon: lon.clamp(-180.0, 180.0),
                lat: lat.clamp(-89.0, 89.0),
                zoom,
            }
        } else {
            self.view
        }
    }

    /// Whether the place at `lon`, `lat` is inside the frame.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let (x, y) = self.project(lon, lat);
        x >= 0.0 && y >= 0.0 && x <= self.width && y <= self.height
    }

    /// Zooms by `factor` keeping the point under (`x`, `y`) fixed on screen.
    pub fn zoom_at(&self, factor: f64, x: f64, y: f64) -> MapView {
        if !(factor.is_finite() && factor > 0.0) {
            return self.view;
        }
        let zoom = (self.view.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (cx, cy) = self.center_world();
        let k = self.k();
        // World point under the cursor stays under it at the new scale.
        let (px, py) = (
            (x - self.width / 2.0) / k + cx,
            (y - self.height / 2.0) / k + cy,
        );
        let k2 = self.base_k() * zoom;
        self.with_center_world(
            px - (x - self.width / 2.0) / k2,
            py - (y - self.height / 2.0) / k2,
            zoom,
        )
    }

    /// Moves the content by (`dx`, `dy`) screen pixels.
    pub fn pan(&self, dx: f64, dy: f64) -> MapView {
        let (cx, cy) = self.center_world();
        let k = self.k();
        self.with_center_world(cx - dx / k, cy - dy / k, self.view.zoom)
    }

    /// The view framing all `points` (lon, lat) with `padding` pixels, or home if none.
    pub fn fit(&self, points: impl IntoIterator<Item = (f64, f64)>, padding: f64) -> MapView {
        let world = self.world;
        self.fit_bounds(
            world_bounds(
                points
                    .into_iter()
                    .map(|(lon, lat)| world.to_screen(lon, lat)),
            ),
            padding,
        )
    }

    /// The view framing `bounds` in world units (as [`world_bounds`] gives them) with
    /// `padding` pixels, or home if `None`. Framing costs nothing per point, so bounds
    /// computed once per corpus serve every map size.
    pub fn fit_bounds(&self, bounds: Option<[f64; 4]>, padding: f64) -> MapView {
        let Some(b) = bounds else {
            return home();
        };
        let (bw, bh) = ((b[2] - b[0]).max(1.0), (b[3] - b[1]).max(1.0));
        let avail = (
            (self.width - 2.0 * padding).max(10.0),
            (self.height - 2.0 * padding).max(10.0),
        );
        let zoom =
            ((avail.0 / bw).min(avail.1 / bh) / self.base_k()).clamp(MIN_ZOOM, MAX_ZOOM.min(16.0));
        self.with_center_world((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0, zoom)
    }
}

/// The bounds `[min x, min y, max x, max y]` of the finite `points` (world units), or
/// `None` if there are none.
pub fn world_bounds(points: impl IntoIterator<Item = (f64, f64)>) -> Option<[f64; 4]> {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for (x, y) in points {
        if x.is_finite() && y.is_finite() {
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
    }
    b[0].is_finite().then_some(b)
}

/// The points a default frame should fit: all but the few far from the rest.
///
/// A corpus about Kazakhstan also holds statements from Moscow, Beijing or Geneva; fitting
/// those too would show half the world. Points farther from the median centre than three
/// times the median distance (and at least 3 degrees) are left to the edge markers. The
/// distance is in degrees with longitude scaled by the cosine of the latitude.
pub fn core_points(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let keep = core_test(points);
    points
        .iter()
        .copied()
        .filter(|p| p.0.is_finite() && p.1.is_finite() && keep(p))
        .collect()
}

/// The `k`-th smallest of `v` (as a sort by [`f64::total_cmp`] would place it), in linear
/// time: a default frame is computed from every event, and sorting 100,000 of them three
/// times showed in the first render.
fn nth(mut v: Vec<f64>, k: usize) -> Option<f64> {
    if k >= v.len() {
        return None;
    }
    v.select_nth_unstable_by(k, f64::total_cmp);
    v.get(k).copied()
}

/// Beyond this many points the medians are taken from an even sample of them: they only
/// frame the map, and at a million events exact ones took a tenth of a second.
const MEDIAN_SAMPLE: usize = 65_536;

/// Whether a finite point is among the core ones ([`core_points`]) of `points`.
fn core_test(points: &[(f64, f64)]) -> impl Fn(&(f64, f64)) -> bool {
    // Every `step`-th point: all of them up to the sample size.
    let step = points.len().div_ceil(MEDIAN_SAMPLE).max(1);
    let sample = || {
        points
            .iter()
            .step_by(step)
            .copied()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
    };
    let n = sample().count();
    let median = |v: Vec<f64>| nth(v, n / 2);
    let centre = match (
        median(sample().map(|p| p.0).collect()),
        median(sample().map(|p| p.1).collect()),
    ) {
        (Some(lon), Some(lat)) => {
            let scale = lat.to_radians().cos().abs().max(0.1);
            // Squared distances: they order the same, without a square root per point.
            let dist2 = move |p: &(f64, f64)| ((p.0 - lon) * scale).powi(2) + (p.1 - lat).powi(2);
            median(sample().map(|p| dist2(&p)).collect()).map(|typical2| {
                let limit = (3.0 * typical2.sqrt()).max(3.0);
                (dist2, limit * limit)
            })
        }
        _ => None,
    };
    move |p: &(f64, f64)| {
        centre
            .as_ref()
            .is_none_or(|(dist2, limit2)| dist2(p) <= *limit2)
    }
}

/// The world-unit bounds a corpus' default frame fits: those of its core points
/// ([`core_points`]). `world` holds each point of `points` already projected
/// ([`world`]`().to_screen`), so a corpus is projected once for its marks and its frame.
pub fn core_bounds(points: &[(f64, f64)], world: &[(f64, f64)]) -> Option<[f64; 4]> {
    let keep = core_test(points);
    world_bounds(
        points
            .iter()
            .zip(world)
            .filter(|(p, _)| p.0.is_finite() && p.1.is_finite() && keep(p))
            .map(|(_, &w)| w),
    )
}

impl Viewport {
    /// The frame a corpus opens on: its events without the distant few ([`core_points`]),
    /// never closer than zoom 8 (a one-place corpus still shows its surroundings); the
    /// whole region when there are no events.
    pub fn default_frame(&self, points: &[(f64, f64)]) -> MapView {
        let world = self.world;
        let projected: Vec<(f64, f64)> = points
            .iter()
            .map(|&(lon, lat)| world.to_screen(lon, lat))
            .collect();
        self.default_frame_of(core_bounds(points, &projected))
    }

    /// [`Viewport::default_frame`] from the bounds [`core_bounds`] gave.
    pub fn default_frame_of(&self, bounds: Option<[f64; 4]>) -> MapView {
        if bounds.is_none() {
            return home();
        }
        let v = self.fit_bounds(bounds, 30.0);
        MapView {
            zoom: v.zoom.min(8.0),
            ..v
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_corpus_frames_its_core_from_a_sample() {
        // 300,000 points around Almaty, 2,000 from Moscow: beyond the sample size the
        // medians come from every few points, and the far ones still go to the edges.
        let mut pts: Vec<(f64, f64)> = (0..300_000)
            .map(|i| {
                let a = f64::from(i) * 0.618;
                (76.9 + a.cos() * 1.5, 43.2 + a.sin() * 1.0)
            })
            .collect();
        pts.extend((0..2_000).map(|_| (37.62, 55.75)));
        let core = core_points(&pts);
        assert_eq!(core.len(), 300_000);
        assert!(core.iter().all(|p| p.0 > 70.0));
    }

    #[test]
    fn default_frame_leaves_distant_events_to_the_edges() {
        // A corpus about Uzbekistan with one statement each from Moscow and Washington.
        let mut pts = vec![
            (69.24, 41.30), // Tashkent
            (64.42, 39.77), // Bukhara
            (59.61, 42.46), // Nukus
            (66.96, 39.65), // Samarkand
            (71.78, 40.38), // Fergana
        ];
        pts.push((37.62, 55.75)); // Moscow
        pts.push((-77.04, 38.90)); // Washington
        let core = core_points(&pts);
        assert_eq!(core.len(), 5);
        assert!(core.iter().all(|p| p.0 > 50.0));
        let vp = Viewport::new(390.0, 300.0, home());
        let frame = vp.default_frame(&pts);
        let fitted = Viewport::new(390.0, 300.0, frame);
        for (lon, lat) in &pts[..5] {
            assert!(fitted.contains(*lon, *lat), "{lon},{lat}");
        }
        assert!(!fitted.contains(37.62, 55.75));
        // Zoomed in on Uzbekistan: India is out of the frame.
        assert!(!fitted.contains(77.2, 28.6));
        assert!(frame.zoom > 1.5);
    }

    #[test]
    fn default_frame_of_few_or_no_points() {
        let vp = Viewport::new(800.0, 500.0, home());
        assert_eq!(vp.default_frame(&[]), home());
        let one = vp.default_frame(&[(71.4, 51.1)]);
        assert!(one.zoom <= 8.0);
        assert!((one.lon - 71.4).abs() < 0.5 && (one.lat - 51.1).abs() < 0.5);
        // Two far-apart places are both kept (nothing to call "the rest").
        let two = core_points(&[(71.4, 51.1), (116.4, 39.9)]);
        assert_eq!(two.len(), 2);
        assert!(core_points(&[(f64::NAN, 1.0)]).is_empty());
    }

    #[test]
    fn contains_what_the_frame_shows() {
        let vp = Viewport::new(800.0, 500.0, home());
        assert!(vp.contains(71.43, 51.13), "Astana is in the region");
        assert!(!vp.contains(-77.04, 38.9), "Washington is not");
        let close = Viewport::new(
            800.0,
            500.0,
            MapView {
                lon: 76.9,
                lat: 43.25,
                zoom: 16.0,
            },
        );
        assert!(close.contains(76.9, 43.25) && !close.contains(71.43, 51.13));
    }

    fn close(a: (f64, f64), b: (f64, f64), eps: f64) -> bool {
        (a.0 - b.0).abs() < eps && (a.1 - b.1).abs() < eps
    }

    #[test]
    fn home_centres_the_region_and_round_trips() {
        let v = Viewport::new(800.0, 512.0, home());
        let c = v.project(v.view.lon, v.view.lat);
        assert!(close(c, (400.0, 256.0), 1e-6), "{c:?}");
        let almaty = v.project(76.93, 43.26);
        let (k, dx, dy) = v.world_affine();
        let (wx, wy) = v.world.to_screen(76.93, 43.26);
        assert!(close((wx * k + dx, wy * k + dy), almaty, 1e-9));
        assert!(
            almaty.0 > 400.0 && almaty.0 < 800.0 && almaty.1 > 0.0 && almaty.1 < 512.0,
            "{almaty:?}"
        );
        assert!(close(v.unproject(almaty.0, almaty.1), (76.93, 43.26), 1e-9));
    }

    #[test]
    fn zoom_keeps_the_cursor_point_fixed() {
        let v = Viewport::new(800.0, 500.0, home());
        let p = v.project(76.93, 43.26);
        let z = Viewport::new(800.0, 500.0, v.zoom_at(4.0, p.0, p.1));
        assert!((z.view.zoom - 4.0).abs() < 1e-12);
        assert!(close(z.project(76.93, 43.26), p, 1e-6));
        let clamped = v.zoom_at(1e9, 0.0, 0.0);
        assert_eq!(clamped.zoom, MAX_ZOOM);
        assert_eq!(v.zoom_at(f64::NAN, 0.0, 0.0), v.view);
    }

    #[test]
    fn pan_moves_content_with_the_pointer() {
        let v = Viewport::new(800.0, 500.0, home());
        let before = v.project(69.24, 41.3);
        let p = Viewport::new(800.0, 500.0, v.pan(30.0, -20.0));
        assert!(close(
            p.project(69.24, 41.3),
            (before.0 + 30.0, before.1 - 20.0),
            1e-6
        ));
    }

    /// The default frame as it was computed before [`core_bounds`]: three full sorts and a
    /// second projection of every point. The new way must give exactly the same view.
    fn default_frame_by_sorting(vp: &Viewport, points: &[(f64, f64)]) -> MapView {
        let finite: Vec<(f64, f64)> = points
            .iter()
            .copied()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect();
        let median = |mut v: Vec<f64>| -> Option<f64> {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied()
        };
        let core = match (
            median(finite.iter().map(|p| p.0).collect()),
            median(finite.iter().map(|p| p.1).collect()),
        ) {
            (Some(lon), Some(lat)) => {
                let scale = lat.to_radians().cos().abs().max(0.1);
                let dist = |p: &(f64, f64)| ((p.0 - lon) * scale).hypot(p.1 - lat);
                match median(finite.iter().map(dist).collect()) {
                    Some(typical) => {
                        let limit = (3.0 * typical).max(3.0);
                        finite.into_iter().filter(|p| dist(p) <= limit).collect()
                    }
                    None => finite,
                }
            }
            _ => finite,
        };
        if core.is_empty() {
            return home();
        }
        let v = vp.fit(core, 30.0);
        MapView {
            zoom: v.zoom.min(8.0),
            ..v
        }
    }

    fn places(c: &crate::corpus::Corpus) -> Vec<(f64, f64)> {
        c.events
            .iter()
            .filter_map(|e| e.place.as_ref().map(|p| (p.lon, p.lat)))
            .collect()
    }

    #[test]
    fn default_frame_is_unchanged_for_the_bundled_and_a_generated_corpus() {
        let (bundled, _) = crate::corpus::parse(include_str!("../../../public/corpus.json"));
        let generated = crate::corpus::Corpus::new(
            crate::corpus::generate::generate(20_000, 42),
            Default::default(),
        );
        let mut odd = places(&bundled);
        odd.extend([(f64::NAN, 40.0), (70.0, f64::INFINITY), (-77.04, 38.9)]);
        for pts in [
            places(&bundled),
            places(&generated),
            odd,
            vec![],
            vec![(1.0, 2.0)],
        ] {
            for (w, h) in [(800.0, 480.0), (1280.0, 520.0), (390.0, 300.0)] {
                let vp = Viewport::new(w, h, home());
                let before = default_frame_by_sorting(&vp, &pts);
                assert_eq!(vp.default_frame(&pts), before, "{} points", pts.len());
                let world: Vec<(f64, f64)> =
                    pts.iter().map(|&(x, y)| vp.world.to_screen(x, y)).collect();
                assert_eq!(vp.default_frame_of(core_bounds(&pts, &world)), before);
            }
        }
    }

    #[test]
    fn fit_frames_every_point() {
        let v = Viewport::new(400.0, 300.0, home());
        let pts = [(76.93, 43.26), (51.17, 43.65), (71.45, 51.18)];
        let f = Viewport::new(400.0, 300.0, v.fit(pts, 20.0));
        for (lon, lat) in pts {
            let (x, y) = f.project(lon, lat);
            assert!(
                (19.0..=381.0).contains(&x) && (19.0..=281.0).contains(&y),
                "{x} {y}"
            );
        }
        assert_eq!(v.fit(std::iter::empty(), 20.0), home());
    }
}
