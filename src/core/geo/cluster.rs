//! Map aggregation: events close together at the current zoom become one mark, and
//! events outside the frame become edge markers pointing toward them.
//!
//! Works in screen pixels on event indices; the number of marks is bounded whatever
//! the corpus size, which keeps the page's DOM small.

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
/// One pass over the points into a dense grid of cells, so it stays fast at any corpus size.
pub fn aggregate(points: impl IntoIterator<Item = (u32, f64, f64)>, frame: Frame) -> Marks {
    let cell = frame.cell.max(1.0);
    let cols = (frame.width / cell).floor() as usize + 1;
    let rows = (frame.height / cell).floor() as usize + 1;
    let mut grid: Vec<(f64, f64, Vec<u32>)> = vec![(0.0, 0.0, Vec::new()); cols * rows];
    let mut outside = Vec::new();
    for (i, x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        if x >= 0.0 && y >= 0.0 && x <= frame.width && y <= frame.height {
            if let Some(c) = grid.get_mut((y / cell) as usize * cols + (x / cell) as usize) {
                c.0 += x;
                c.1 += y;
                c.2.push(i);
            }
        } else {
            outside.push((i, x, y));
        }
    }
    let mut clusters: Vec<Cluster> = grid
        .into_iter()
        .filter(|c| !c.2.is_empty())
        .map(|(sx, sy, members)| {
            let n = members.len() as f64;
            Cluster {
                x: sx / n,
                y: sy / n,
                members,
            }
        })
        .collect();
    let mut radius = cell;
    clusters = merge(clusters, radius);
    // Too many marks: merge at growing distances until they fit.
    while clusters.len() > frame.max_clusters.max(1) && radius < frame.width.max(frame.height) {
        radius *= 1.5;
        clusters = merge(clusters, radius);
    }
    clusters = separate(clusters, frame.radius);
    for c in &mut clusters {
        // Members arrive as runs already in order (a cell's points come in the order
        // given, merges append whole cells): the stable sort merges runs it finds, where
        // the unstable one sorted 100,000 members from scratch.
        c.members.sort();
    }
    Marks {
        clusters,
        edges: edges(&outside, frame),
    }
}

/// Merges `c` into `into`: the members join, the position moves to their weighted mean.
fn absorb(into: &mut Cluster, c: Cluster) {
    let (a, b) = (into.members.len() as f64, c.members.len() as f64);
    into.x = (into.x * a + c.x * b) / (a + b);
    into.y = (into.y * a + c.y * b) / (a + b);
    into.members.extend(c.members);
}

/// One pass, biggest first: each cluster joins the first kept one it `touches`, else is
/// kept (neighbours split by a cell boundary end up together).
fn merge_pass(
    mut clusters: Vec<Cluster>,
    touches: impl Fn(&Cluster, &Cluster) -> bool,
) -> Vec<Cluster> {
    clusters.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.x.total_cmp(&b.x))
            .then(a.y.total_cmp(&b.y))
    });
    let mut kept: Vec<Cluster> = Vec::with_capacity(clusters.len());
    for c in clusters {
        match kept.iter_mut().find(|k| touches(k, &c)) {
            Some(k) => absorb(k, c),
            None => kept.push(c),
        }
    }
    kept
}

fn distance2(a: &Cluster, b: &Cluster) -> f64 {
    (a.x - b.x).powi(2) + (a.y - b.y).powi(2)
}

/// Merges clusters closer than `radius`.
fn merge(clusters: Vec<Cluster>, radius: f64) -> Vec<Cluster> {
    merge_pass(clusters, |a, b| distance2(a, b) < radius * radius)
}

/// Merges marks whose drawn circles would overlap (with a 2 px gap) until none do: a
/// merged mark is bigger and may reach a neighbour, so it repeats (each pass that changes
/// anything removes a mark, so it ends).
fn separate(mut clusters: Vec<Cluster>, radius: fn(usize) -> f64) -> Vec<Cluster> {
    loop {
        let before = clusters.len();
        clusters = merge_pass(clusters, |a, b| {
            let reach = radius(a.members.len()) + radius(b.members.len()) + 2.0;
            distance2(a, b) < reach * reach
        });
        if clusters.len() == before {
            return clusters;
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
