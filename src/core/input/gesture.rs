//! What pointers, wheels and keys mean on a zoomable view, for the map and the timeline
//! alike: pointer tracking with a drag threshold (so a click still reaches a mark), pinch
//! with two pointers, the wheel rule for embedded pages, and the keyboard's pan and zoom.
//!
//! Generic over `S`, the view's state when a gesture starts (the map's view, the timeline's
//! domain, or a brush start), so each step is computed from the start and never drifts.

/// A point in an element's own pixels.
pub type Point = (f64, f64);

/// How far (|dx| + |dy|, in pixels) a pointer must move before a press becomes a drag.
pub const DRAG_THRESHOLD: f64 = 4.0;

/// What a pointer move means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<S> {
    /// Nothing to do (below the threshold, or an untracked pointer).
    Idle,
    /// One pointer dragged by (`dx`, `dy`) from where it went down, at `at` now.
    /// `first` is true on the step that crossed the threshold (capture the pointer then).
    Drag {
        from: S,
        start: Point,
        at: Point,
        dx: f64,
        dy: f64,
        first: bool,
    },
    /// Two pointers: their distance is `factor` times what it was, around `center`.
    Pinch { from: S, factor: f64, center: Point },
}

/// The pointers on a view and the gesture they make.
#[derive(Debug, Clone)]
pub struct Tracker<S> {
    pointers: Vec<(i32, Point)>,
    drag: Option<(Point, S)>,
    pinch: Option<(f64, S)>,
    moved: bool,
}

impl<S> Default for Tracker<S> {
    fn default() -> Self {
        Tracker {
            pointers: Vec::new(),
            drag: None,
            pinch: None,
            moved: false,
        }
    }
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

impl<S: Clone> Tracker<S> {
    /// A pointer went down at `p`; `state` is the view as it is now. A second pointer
    /// turns the gesture into a pinch; a third is ignored.
    pub fn down(&mut self, id: i32, p: Point, state: S) {
        self.pointers.retain(|(i, _)| *i != id);
        if self.pointers.len() >= 2 {
            return;
        }
        self.pointers.push((id, p));
        self.moved = false;
        match self.pointers.as_slice() {
            [(_, a), (_, b)] => {
                self.pinch = Some((distance(*a, *b).max(1.0), state));
                self.drag = None;
            }
            _ => self.drag = Some((p, state)),
        }
    }

    /// A pointer moved to `p`.
    pub fn moved(&mut self, id: i32, p: Point) -> Step<S> {
        let Some(slot) = self.pointers.iter_mut().find(|(i, _)| *i == id) else {
            return Step::Idle;
        };
        slot.1 = p;
        if let Some((d0, from)) = &self.pinch {
            let [(_, a), (_, b)] = self.pointers.as_slice() else {
                return Step::Idle;
            };
            self.moved = true;
            return Step::Pinch {
                from: from.clone(),
                factor: distance(*a, *b) / d0,
                center: ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
            };
        }
        let Some((start, from)) = &self.drag else {
            return Step::Idle;
        };
        let (dx, dy) = (p.0 - start.0, p.1 - start.1);
        if !self.moved && dx.abs() + dy.abs() < DRAG_THRESHOLD {
            return Step::Idle;
        }
        let first = !self.moved;
        self.moved = true;
        Step::Drag {
            from: from.clone(),
            start: *start,
            at: p,
            dx,
            dy,
            first,
        }
    }

    /// A pointer went up (or was cancelled). Returns the state the drag started from when
    /// this ended a drag that moved (a brush uses it), `None` for a click or a pinch.
    pub fn up(&mut self, id: i32) -> Option<S> {
        self.pointers.retain(|(i, _)| *i != id);
        self.pinch = None;
        let drag = self.drag.take();
        drag.filter(|_| self.moved).map(|(_, s)| s)
    }

    /// Whether the last press moved far enough to be a drag (a click after it is ignored).
    pub fn was_drag(&self) -> bool {
        self.moved
    }
}

/// What a wheel turn does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Wheel {
    /// Leave it to the page: embedded, a plain wheel scrolls the host page (no scroll
    /// trap); the view shows a hint that Ctrl or ⌘ with the wheel zooms.
    ScrollPage,
    /// Zoom by this factor around the pointer.
    Zoom(f64),
    /// Pan sideways by this many pixels (a horizontal wheel or trackpad swipe).
    Pan(f64),
}

/// A wheel event's raw values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WheelInput {
    pub delta_x: f64,
    pub delta_y: f64,
    /// 0: pixels, 1: lines, 2: pages (`WheelEvent.deltaMode`).
    pub delta_mode: u32,
    /// Ctrl or ⌘ held (also what browsers send for a trackpad pinch).
    pub zoom_key: bool,
}

/// The one wheel rule for every view: embedded without Ctrl/⌘ the page scrolls; else a
/// mostly vertical turn zooms and, where `pans` is true, a mostly horizontal one pans.
pub fn wheel(input: WheelInput, embedded: bool, pans: bool) -> Wheel {
    if embedded && !input.zoom_key {
        return Wheel::ScrollPage;
    }
    if pans && input.delta_x.abs() > input.delta_y.abs() {
        return Wheel::Pan(input.delta_x);
    }
    let per_unit = match input.delta_mode {
        0 => 0.002,
        1 => 0.05,
        _ => 0.5,
    };
    Wheel::Zoom((-input.delta_y * per_unit).exp())
}

/// How far one arrow key moves a view, in pixels.
pub const KEY_PAN: f64 = 60.0;
/// The zoom factor of one `+` or `-` (and of the zoom buttons).
pub const KEY_ZOOM: f64 = 1.5;

/// What a key does on a zoomable view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Key {
    /// Move the window onto the content by (`right`, `down`) pixels: ArrowRight looks
    /// further right (later, on the timeline).
    Pan { right: f64, down: f64 },
    /// Zoom around the centre by this factor.
    Zoom(f64),
    /// Back to the default frame.
    Reset,
}

/// The keyboard's pan and zoom; `None` for keys the view leaves alone. Views without a
/// vertical axis pass `vertical = false`, so Up and Down keep scrolling the page.
pub fn key(name: &str, vertical: bool) -> Option<Key> {
    Some(match name {
        "ArrowLeft" => Key::Pan {
            right: -KEY_PAN,
            down: 0.0,
        },
        "ArrowRight" => Key::Pan {
            right: KEY_PAN,
            down: 0.0,
        },
        "ArrowUp" if vertical => Key::Pan {
            right: 0.0,
            down: -KEY_PAN,
        },
        "ArrowDown" if vertical => Key::Pan {
            right: 0.0,
            down: KEY_PAN,
        },
        "+" | "=" => Key::Zoom(KEY_ZOOM),
        "-" | "_" => Key::Zoom(1.0 / KEY_ZOOM),
        "0" => Key::Reset,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_move_is_a_click_and_a_large_one_a_drag() {
        let mut t = Tracker::default();
        t.down(1, (10.0, 10.0), "v0");
        assert_eq!(t.moved(1, (11.0, 12.0)), Step::Idle);
        assert!(!t.was_drag());
        match t.moved(1, (20.0, 10.0)) {
            Step::Drag {
                from,
                dx,
                dy,
                first,
                ..
            } => {
                assert_eq!((from, dx, dy, first), ("v0", 10.0, 0.0, true));
            }
            other => panic!("expected a drag, got {other:?}"),
        }
        // Once dragging, small moves count and are no longer the first.
        assert!(matches!(
            t.moved(1, (21.0, 10.0)),
            Step::Drag { first: false, .. }
        ));
        assert_eq!(t.up(1), Some("v0"));
        assert!(t.was_drag());
        // A click after that starts afresh.
        t.down(1, (5.0, 5.0), "v1");
        assert!(!t.was_drag());
        assert_eq!(t.up(1), None);
    }

    #[test]
    fn two_pointers_pinch_from_the_state_at_the_second_press() {
        let mut t = Tracker::default();
        t.down(1, (0.0, 0.0), 1.0);
        t.down(2, (100.0, 0.0), 2.0);
        match t.moved(2, (200.0, 0.0)) {
            Step::Pinch {
                from,
                factor,
                center,
            } => {
                assert_eq!(from, 2.0);
                assert!((factor - 2.0).abs() < 1e-9);
                assert_eq!(center, (100.0, 0.0));
            }
            other => panic!("expected a pinch, got {other:?}"),
        }
        // A third pointer is ignored; lifting one ends the pinch without a brush.
        t.down(3, (50.0, 50.0), 3.0);
        assert_eq!(t.up(1), None);
        assert_eq!(t.moved(2, (300.0, 0.0)), Step::Idle);
    }

    #[test]
    fn untracked_pointers_do_nothing() {
        let mut t: Tracker<()> = Tracker::default();
        assert_eq!(t.moved(7, (1.0, 1.0)), Step::Idle);
        assert_eq!(t.up(7), None);
    }

    #[test]
    fn the_wheel_scrolls_an_embedding_page_unless_ctrl_is_held() {
        let plain = WheelInput {
            delta_x: 0.0,
            delta_y: 100.0,
            delta_mode: 0,
            zoom_key: false,
        };
        assert_eq!(wheel(plain, true, true), Wheel::ScrollPage);
        assert_eq!(wheel(plain, true, false), Wheel::ScrollPage);
        let ctrl = WheelInput {
            zoom_key: true,
            ..plain
        };
        match wheel(ctrl, true, false) {
            Wheel::Zoom(f) => assert!(f < 1.0, "scrolling down zooms out"),
            other => panic!("expected zoom, got {other:?}"),
        }
        match wheel(plain, false, false) {
            Wheel::Zoom(f) => assert!((f - (-0.2f64).exp()).abs() < 1e-12),
            other => panic!("expected zoom, got {other:?}"),
        }
        // Lines zoom more per unit than pixels.
        let lines = WheelInput {
            delta_y: -3.0,
            delta_mode: 1,
            ..plain
        };
        assert_eq!(wheel(lines, false, false), Wheel::Zoom(0.15f64.exp()));
        // A sideways swipe pans where the view pans sideways, zooms nowhere.
        let side = WheelInput {
            delta_x: 40.0,
            delta_y: 2.0,
            ..plain
        };
        assert_eq!(wheel(side, false, true), Wheel::Pan(40.0));
    }

    #[test]
    fn keys_pan_zoom_and_reset() {
        assert_eq!(
            key("ArrowRight", true),
            Some(Key::Pan {
                right: KEY_PAN,
                down: 0.0
            })
        );
        assert_eq!(
            key("ArrowUp", true),
            Some(Key::Pan {
                right: 0.0,
                down: -KEY_PAN
            })
        );
        assert_eq!(key("ArrowUp", false), None);
        assert_eq!(key("=", false), Some(Key::Zoom(KEY_ZOOM)));
        assert_eq!(key("-", true), Some(Key::Zoom(1.0 / KEY_ZOOM)));
        assert_eq!(key("0", true), Some(Key::Reset));
        assert_eq!(key("a", true), None);
    }
}
