//! Map aggregation: events close together at the current zoom become one mark, and
//! events outside the frame become edge markers pointing toward them.
//!
//! Works in screen pixels on event indices; the number of marks is bounded whatever
//! the corpus size, which keeps the page's DOM small.

use crate::corpus::transfer::MAX_EVENTS;
use std::f64::consts::TAU;

/// A mark standing for one or more events.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean screen position of the members.
    pub x: f64,
    pub y: f64,
    /// Event indices, in increasing order.
    pub members: Vec<u32>,
}

/// Events outside the frame in one direction.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeMarker {
    /// Where the marker sits, just inside the frame.
    pub x: f64,
    pub y: f64,
    /// Direction toward the events, radians, screen coordinates (0 = east, π/2 = south).
    pub angle: f64,
    pub members: Vec<u32>,
}

/// The frame and aggregation parameters.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Grid cell size in pixels: points closer than about this merge.
    pub cell: f64,
    /// Edge markers sit this far inside the frame.
    pub inset: f64,
    /// More clusters than this and the cell grows until they fit.
    pub max_clusters: usize,
    /// The drawn radius of a mark of n events: marks whose circles would overlap merge.
    pub radius: fn(usize) -> f64,
}

/// A radius that is always zero: points only merge by the grid cell.
pub fn no_radius(_: usize) -> f64 {
    0.0
}

/// The marks of one frame: clusters inside it, edge markers for events outside it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marks {
    pub clusters: Vec<Cluster>,
    pub edges: Vec<EdgeMarker>,
}

/// Number of direction sectors for edge markers.
pub const SECTORS: usize = 16;

/// Groups screen points `(event, x, y)` into clusters (inside the frame) and edge markers.
/// One pass over the points into a dense grid of cells, so it stays fast at any corpus size:
/// cells merge as counts and positions only, and each point joins its mark's members once,
/// at the end, rather than member lists being copied at every merge.
pub fn aggregate(points: impl IntoIterator<Item = (u32, f64, f64)>, frame: Frame) -> Marks {
    let points = points.into_iter();
    // Room for as many points as there may be, up to as many events as a corpus may hold
    // (an iterator's bound can be far above what it yields).
    let room = points.size_hint().1.unwrap_or(0).min(MAX_EVENTS);
    let mut gather = Gather::new(frame, room);
    for (i, x, y) in points {
        gather.add(i, x, y);
    }
    gather.marks()
}

/// Points gathered into the cells of a frame.
struct Gather {
    frame: Frame,
    cell: f64,
    per_cell: f64,
    cols: usize,
    /// Per cell: the sums of x and y and the number of points.
    grid: Vec<(f64, f64, usize)>,
    /// Each point inside the frame with its cell, in the order given.
    inside: Vec<(u32, u32)>,
    outside: Vec<(u32, f64, f64)>,
}

impl Gather {
    /// An empty grid, with room for `points` inside it (growing it was a tenth of the work
    /// at 1,000,000 events).
    fn new(frame: Frame, points: usize) -> Self {
        let cell = frame.cell.max(1.0);
        let cols = (frame.width / cell).floor() as usize + 1;
        let rows = (frame.height / cell).floor() as usize + 1;
        Gather {
            frame,
            cell,
            per_cell: 1.0 / cell,
            cols,
            grid: vec![(0.0, 0.0, 0); cols * rows],
            inside: Vec::with_capacity(points),
            outside: Vec::new(),
        }
    }

    // Forced: at the size-first optimisation of release builds it was a call per point.
    #[inline(always)]
    fn add(&mut self, i: u32, x: f64, y: f64) {
        let f = &self.frame;
        // Not a number, and infinities, fail these tests too.
        if x >= 0.0 && y >= 0.0 && x <= f.width && y <= f.height {
            let k = (y * self.per_cell) as usize * self.cols + (x * self.per_cell) as usize;
            if let Some(c) = self.grid.get_mut(k) {
                c.0 += x;
                c.1 += y;
                c.2 += 1;
                self.inside.push((i, k as u32));
            }
        } else if x.is_finite() && y.is_finite() {
            self.outside.push((i, x, y));
        }
    }

    /// The marks: cells merged until they fit and no two overlap, then their members.
    fn marks(self) -> Marks {
        let mut groups: Vec<Group> = self
            .grid
            .iter()
            .enumerate()
            .filter(|(_, c)| c.2 > 0)
            .map(|(k, &(sx, sy, n))| Group {
                x: sx / n as f64,
                y: sy / n as f64,
                n,
                cells: vec![k as u32],
            })
            .collect();
        let f = self.frame;
        let mut radius = self.cell;
        groups = merge(groups, radius);
        // Too many marks: merge at growing distances until they fit.
        while groups.len() > f.max_clusters.max(1) && radius < f.width.max(f.height) {
            radius *= 1.5;
            groups = merge(groups, radius);
        }
        groups = separate(groups, f.radius);
        Marks {
            clusters: members(groups, self.grid.len(), &self.inside),
            edges: edges(&self.outside, f),
        }
    }
}

/// Cells merged into one mark: their count, mean position and the cells themselves.
struct Group {
    x: f64,
    y: f64,
    n: usize,
    cells: Vec<u32>,
}

/// The clusters of `groups`: every point of `inside` (event, cell) joins its cell's group,
/// in the order given, which is usually increasing (else the members are sorted).
fn members(groups: Vec<Group>, cells: usize, inside: &[(u32, u32)]) -> Vec<Cluster> {
    let mut group_of = vec![usize::MAX; cells];
    for (g, group) in groups.iter().enumerate() {
        for &k in &group.cells {
            if let Some(slot) = group_of.get_mut(k as usize) {
                *slot = g;
            }
        }
    }
    let mut clusters: Vec<Cluster> = groups
        .iter()
        .map(|g| Cluster {
            x: g.x,
            y: g.y,
            members: Vec::with_capacity(g.n),
        })
        .collect();
    for &(i, k) in inside {
        let g = group_of.get(k as usize).copied().unwrap_or(usize::MAX);
        if let Some(c) = clusters.get_mut(g) {
            c.members.push(i);
        }
    }
    for c in &mut clusters {
        if !c.members.is_sorted() {
            c.members.sort_unstable();
        }
    }
    clusters
}

/// Merges `g` into `into`: the cells join, the position moves to their weighted mean.
fn absorb(into: &mut Group, g: Group) {
    let (a, b) = (into.n as f64, g.n as f64);
    into.x = (into.x * a + g.x * b) / (a + b);
    into.y = (into.y * a + g.y * b) / (a + b);
    into.n += g.n;
    into.cells.extend(g.cells);
}

/// One pass, biggest first: each group joins the first kept one it `touches`, else is
/// kept (neighbours split by a cell boundary end up together).
fn merge_pass(mut groups: Vec<Group>, touches: impl Fn(&Group, &Group) -> bool) -> Vec<Group> {
    groups.sort_by(|a, b| {
        b.n.cmp(&a.n)
            .then(a.x.total_cmp(&b.x))
            .then(a.y.total_cmp(&b.y))
    });
    let mut kept: Vec<Group> = Vec::with_capacity(groups.len());
    for g in groups {
        match kept.iter_mut().find(|k| touches(k, &g)) {
            Some(k) => absorb(k, g),
            None => kept.push(g),
        }
    }
    kept
}

fn distance2(a: &Group, b: &Group) -> f64 {
    (a.x - b.x).powi(2) + (a.y - b.y).powi(2)
}

/// Merges clusters closer than `radius`.
fn merge(groups: Vec<Group>, radius: f64) -> Vec<Group> {
    merge_pass(groups, |a, b| distance2(a, b) < radius * radius)
}

/// Merges marks whose drawn circles would overlap (with a 2 px gap) until none do: a
/// merged mark is bigger and may reach a neighbour, so it repeats (each pass that changes
/// anything removes a mark, so it ends).
fn separate(mut groups: Vec<Group>, radius: fn(usize) -> f64) -> Vec<Group> {
    loop {
        let before = groups.len();
        groups = merge_pass(groups, |a, b| {
            let reach = radius(a.n) + radius(b.n) + 2.0;
            distance2(a, b) < reach * reach
        });
        if groups.len() == before {
            return groups;
        }
    }
}

fn edges(points: &[(u32, f64, f64)], f: Frame) -> Vec<EdgeMarker> {
    let (cx, cy) = (f.width / 2.0, f.height / 2.0);
    let mut sectors: Vec<Vec<u32>> = vec![Vec::new(); SECTORS];
    let mut sums = vec![(0.0f64, 0.0f64); SECTORS];
    for &(i, x, y) in points {
        let a = (y - cy).atan2(x - cx).rem_euclid(TAU);
        let s = ((a / TAU * SECTORS as f64).round() as usize) % SECTORS;
        if let (Some(sector), Some(sum)) = (sectors.get_mut(s), sums.get_mut(s)) {
            sector.push(i);
            sum.0 += a.cos();
            sum.1 += a.sin();
        }
    }
    let (hw, hh) = ((cx - f.inset).max(1.0), (cy - f.inset).max(1.0));
    sectors
        .into_iter()
        .zip(sums)
        .filter(|(m, _)| !m.is_empty())
        .map(|(mut members, (sx, sy))| {
            let angle = sy.atan2(sx);
            // Where the ray from the centre leaves the inset frame.
            let (dx, dy) = (angle.cos(), angle.sin());
            let t = (hw / dx.abs().max(1e-9)).min(hh / dy.abs().max(1e-9));
            members.sort_unstable();
            EdgeMarker {
                x: cx + dx * t,
                y: cy + dy * t,
                angle,
                members,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 800.0,
        height: 600.0,
        cell: 40.0,
        inset: 20.0,
        max_clusters: 300,
        radius: no_radius,
    };

    #[test]
    fn members_come_out_in_order_after_many_merges() {
        // Scattered points over a small frame: cells merge many times, members of one mark
        // come from many cells, each a run in order.
        let mut seed = 7u64;
        let mut unit = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<(u32, f64, f64)> = (0..20_000)
            .map(|i| (i, unit() * 420.0 - 10.0, unit() * 320.0 - 10.0))
            .collect();
        let marks = aggregate(
            points.iter().copied(),
            crate::geo::marks::frame(400.0, 300.0),
        );
        let mut all: Vec<u32> = Vec::new();
        for m in marks
            .clusters
            .iter()
            .map(|c| &c.members)
            .chain(marks.edges.iter().map(|e| &e.members))
        {
            assert!(m.windows(2).all(|w| w[0] < w[1]));
            all.extend(m);
        }
        all.sort_unstable();
        assert_eq!(all, (0..20_000).collect::<Vec<u32>>());
    }

    #[test]
    fn members_are_in_order_whatever_order_the_points_come_in() {
        let points: Vec<(u32, f64, f64)> = (0..500u32)
            .rev()
            .map(|i| {
                (
                    i,
                    f64::from(i % 7) * 3.0 + 100.0,
                    f64::from(i % 5) * 3.0 + 100.0,
                )
            })
            .collect();
        let marks = aggregate(points, FRAME);
        assert_eq!(marks.clusters.len(), 1);
        assert_eq!(marks.clusters[0].members, (0..500).collect::<Vec<u32>>());
    }

    #[test]
    fn drawn_marks_never_overlap() {
        let radius = crate::geo::marks::radius;
        // 100,000 events piled around two cities 60 px apart, with a few outliers.
        let pts: Vec<(u32, f64, f64)> = (0..100_000u32)
            .map(|i| {
                let (cx, cy) = if i % 2 == 0 {
                    (300.0, 300.0)
                } else {
                    (360.0, 300.0)
                };
                let a = f64::from(i) * 0.618;
                let d = f64::from(i % 97);
                (i, cx + d * a.cos(), cy + d * a.sin())
            })
            .collect();
        let marks = aggregate(pts, Frame { radius, ..FRAME }).clusters;
        assert_eq!(
            marks.iter().map(|c| c.members.len()).sum::<usize>(),
            100_000
        );
        for (i, a) in marks.iter().enumerate() {
            for b in marks.iter().skip(i + 1) {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                let reach = radius(a.members.len()) + radius(b.members.len());
                assert!(
                    d >= reach,
                    "marks of {} and {} overlap: {d:.1} < {reach:.1}",
                    a.members.len(),
                    b.members.len()
                );
            }
        }
        // Two single events just far enough apart stay two marks; closer, they merge.
        let apart = 2.0 * radius(1) + 3.0;
        let sep = Frame {
            radius,
            cell: 1.0,
            ..FRAME
        };
        assert_eq!(
            aggregate([(0, 100.0, 100.0), (1, 100.0 + apart, 100.0)], sep)
                .clusters
                .len(),
            2
        );
        assert_eq!(
            aggregate([(0, 100.0, 100.0), (1, 100.0 + apart - 2.0, 100.0)], sep)
                .clusters
                .len(),
            1
        );
    }

    #[test]
    fn same_place_is_one_cluster_and_far_places_are_not() {
        let pts = [
            (0, 100.0, 100.0),
            (1, 100.0, 100.0),
            (2, 105.0, 98.0),
            (3, 400.0, 300.0),
        ];
        let Marks {
            clusters: c,
            edges: e,
        } = aggregate(pts, FRAME);
        assert!(e.is_empty());
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].members, [0, 1, 2]);
        assert!((c[0].x - 305.0 / 3.0).abs() < 1e-9);
        assert_eq!(c[1].members, [3]);
    }

    #[test]
    fn neighbours_across_a_cell_boundary_merge() {
        let c = aggregate([(0, 79.0, 10.0), (1, 81.0, 10.0)], FRAME).clusters;
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn zooming_in_splits_a_cluster() {
        // The same two places, 30 px apart at one zoom, 120 px apart at 4x.
        let c = aggregate([(0, 100.0, 100.0), (1, 130.0, 100.0)], FRAME).clusters;
        assert_eq!(c.len(), 1);
        let c = aggregate([(0, 100.0, 100.0), (1, 220.0, 100.0)], FRAME).clusters;
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn cluster_count_is_bounded() {
        let pts: Vec<(u32, f64, f64)> = (0..100_000u32)
            .map(|i| (i, f64::from(i % 800), f64::from((i / 800) % 600)))
            .collect();
        let c = aggregate(
            pts,
            Frame {
                max_clusters: 200,
                ..FRAME
            },
        )
        .clusters;
        assert!(c.len() <= 200, "{}", c.len());
        assert_eq!(c.iter().map(|c| c.members.len()).sum::<usize>(), 100_000);
    }

    #[test]
    fn off_frame_points_become_edge_markers_never_dropped() {
        let pts = [
            (0, -500.0, 300.0),
            (1, -900.0, 310.0),
            (2, 400.0, -2000.0),
            (3, 5000.0, 5000.0),
            (4, f64::NAN, 0.0),
        ];
        let Marks {
            clusters: c,
            edges: e,
        } = aggregate(pts, FRAME);
        assert!(c.is_empty());
        assert_eq!(e.len(), 3);
        let west = e.iter().find(|m| m.members == [0, 1]).unwrap();
        assert!(
            (west.x - 20.0).abs() < 1.0 && (west.y - 300.0).abs() < 10.0,
            "{west:?}"
        );
        let north = e.iter().find(|m| m.members == [2]).unwrap();
        assert!((north.y - 20.0).abs() < 1e-6);
        for m in &e {
            assert!(m.x >= 19.9 && m.x <= 780.1 && m.y >= 19.9 && m.y <= 580.1);
        }
    }
}
