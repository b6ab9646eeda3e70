//! The timeline: an adaptive time axis, event marks (partial dates as spans), a density
//! strip that stays readable at any corpus size, brushing a date range, zoom and pan,
//! and a play button that sweeps a window through time.

use super::state::use_app;
use crate::core::text::i18n::Key;
use crate::core::time::calendar::format_date;
use crate::core::time::date::PartialDate;
use crate::core::time::date::{civil_from_days, Precision, DAY_MINUTES};
use crate::core::time::time_scale::TimeScale;
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

const HEIGHT: f64 = 168.0;
const MARGIN: f64 = 14.0;
const LANE_TOP: f64 = 10.0;
const LANE_H: f64 = 11.0;
const LANES: usize = 8;
const STRIP_TOP: f64 = 104.0;
const STRIP_H: f64 = 34.0;
const AXIS_Y: f64 = 140.0;
/// Individual marks are drawn only when this few events are in view; the strip shows the rest.
const MAX_MARKS: usize = 400;

/// A timeline mark's place: event index, horizontal extent, lane top, and whether it is
/// drawn as a span and whether it is outside the brushed range.
#[derive(Clone, Copy, PartialEq)]
struct TMark {
    i: usize,
    x0: f64,
    x1: f64,
    y: f64,
    span: bool,
    out: bool,
}

/// A mark as a bar (spans) or a dot (points in time).
fn mark_shape(m: &TMark, class: &'static str, id: String, title: Option<String>) -> AnyView {
    let class = format!(
        "{class}{}{}",
        if m.span { " span" } else { "" },
        if m.out { " out" } else { "" }
    );
    if m.span {
        view! {
            <rect class=class data-i=m.i data-event=id x=format!("{:.1}", m.x0) y=format!("{:.1}", m.y + 1.0)
                width=format!("{:.1}", m.x1 - m.x0) height="8" rx="2">{title.map(|t| view! { <title>{t}</title> })}</rect>
        }
        .into_any()
    } else {
        view! {
            <circle class=class data-i=m.i data-event=id cx=format!("{:.1}", (m.x0 + m.x1) / 2.0) cy=format!("{:.1}", m.y + 5.0)
                r="4.5">{title.map(|t| view! { <title>{t}</title> })}</circle>
        }
        .into_any()
    }
}

#[derive(Clone, Default)]
struct Gesture {
    pointers: HashMap<i32, f64>,
    /// Pan: start x and domain; brush: start x.
    pan: Option<(f64, (f64, f64))>,
    brush: Option<f64>,
    pinch: Option<(f64, (f64, f64))>,
    moved: bool,
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The interactive timeline of the filtered events.
#[component]
pub fn Timeline() -> impl IntoView {
    let app = use_app();
    let container = NodeRef::<html::Div>::new();
    let width = RwSignal::new(800.0);
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = el.get_bounding_client_rect().width();
            if w > 0.0 {
                width.set(w);
            }
        }
    };
    super::dom::observe(container, measure);

    // The default frame: where most events are (5th to 95th percentile of their midpoints),
    // so a few year-long spans do not squeeze a month of daily events into a corner.
    let extent = Memo::new(move |_| {
        let mut mids: Vec<f64> = app.corpus.with(|c| {
            c.spans
                .iter()
                .map(|&(a, b)| (a as f64 + b as f64) / 2.0)
                .collect()
        });
        mids.sort_by(f64::total_cmp);
        let pick = |q: f64| {
            mids.get(((mids.len() as f64 - 1.0) * q).round() as usize)
                .copied()
        };
        let (a, b) = match (pick(0.05), pick(0.95)) {
            (Some(a), Some(b)) if b > a => (a, b),
            (Some(a), _) => (a - DAY_MINUTES as f64, a + DAY_MINUTES as f64),
            _ => (0.0, DAY_MINUTES as f64),
        };
        let pad = ((b - a) * 0.08).max(60.0);
        (a - pad, b + pad)
    });
    let domain = RwSignal::new(None::<(f64, f64)>);
    // A new corpus starts from its own default frame.
    Effect::new(move |_| {
        app.corpus.track();
        domain.set(None);
    });
    // A newly selected event outside the frame is brought into view (the zoom is kept).
    Effect::new(move |prev: Option<Option<usize>>| {
        let sel = app.selected.get();
        if let (Some(before), Some(i)) = (prev, sel) {
            if before != sel {
                let (d0, d1) = domain
                    .get_untracked()
                    .unwrap_or_else(|| extent.get_untracked());
                let (a, b) = app.corpus.with_untracked(|c| c.spans[i]);
                let mid = (a as f64 + b as f64) / 2.0;
                if mid < d0 || mid > d1 {
                    let half = (d1 - d0) / 2.0;
                    domain.set(Some((mid - half, mid + half)));
                }
            }
        }
        sel
    });
    let scale = Memo::new(move |_| {
        TimeScale::new(
            domain.get().unwrap_or_else(|| extent.get()),
            (MARGIN, width.get() - MARGIN),
        )
    });
    let set_domain = move |s: TimeScale| domain.set(Some(s.domain));

    // Events in view among those matching everything but the time range.
    let in_view = Memo::new(move |_| {
        let s = scale.get();
        let (d0, d1) = s.domain;
        app.corpus.with(|c| {
            app.unbrushed.with(|r| {
                Arc::new(
                    r.matches
                        .iter()
                        .filter(|&i| (c.spans[i].1 as f64) > d0 && (c.spans[i].0 as f64) < d1)
                        .collect::<Vec<_>>(),
                )
            })
        })
    });

    let strip = move || {
        let s = scale.get();
        let w = width.get();
        let bins = ((w - 2.0 * MARGIN) / 4.0).max(1.0) as usize;
        // Each event adds one unit spread over the bins its span covers, so a month-precision
        // event is a low plateau over its month, not a spike on an invented day.
        let mut all = vec![0f64; bins];
        let mut hit = vec![0f64; bins];
        let bin_of = |m: f64| ((s.map(m) - MARGIN) / 4.0).floor();
        app.corpus.with(|c| {
            app.result.with(|r| {
                for &i in in_view.get().iter() {
                    let (a, b) = c.spans[i];
                    let (b0, b1) = (bin_of(a as f64), bin_of(b as f64 - 1.0));
                    let (lo, hi) = (b0.max(0.0), b1.min(bins as f64 - 1.0));
                    if hi < lo {
                        continue;
                    }
                    let weight = 1.0 / (b1 - b0 + 1.0).max(1.0);
                    let matched = r.matches.contains(i);
                    for k in lo as usize..=hi as usize {
                        all[k] += weight;
                        if matched {
                            hit[k] += weight;
                        }
                    }
                }
            })
        });
        let max = all.iter().copied().fold(1e-9, f64::max);
        let path = |v: &[f64]| {
            let mut d = String::new();
            for (k, &n) in v.iter().enumerate() {
                if n > 0.0 {
                    // Square-root heights keep a lone event visible beside a burst of thousands.
                    let h = (n / max).sqrt() * STRIP_H;
                    d.push_str(&format!(
                        "M{:.1} {:.1}h3.2v{:.1}h-3.2Z",
                        MARGIN + k as f64 * 4.0,
                        STRIP_TOP + STRIP_H - h,
                        h
                    ));
                }
            }
            d
        };
        view! {
            <path class="density all" d=path(&all)/>
            <path class="density hit" d=path(&hit)/>
        }
    };

    // Where each mark in view sits (None when too many to draw one by one).
    let layout = Memo::new(move |_| {
        let ids = in_view.get();
        if ids.len() > MAX_MARKS {
            return None;
        }
        let s = scale.get();
        let mut lane_end = [f64::NEG_INFINITY; LANES];
        Some(app.corpus.with(|c| {
            app.result.with(|r| {
                ids.iter()
                    .map(|&i| {
                        let e = &c.events[i];
                        let (a, b) = c.spans[i];
                        let (x0, x1) = (s.map(a as f64), s.map(b as f64));
                        // Partial dates are spans over their month or year; days become spans once wide.
                        let span = matches!(e.date.precision(), Precision::Year | Precision::Month)
                            || e.end.is_some()
                            || x1 - x0 > 60.0;
                        let (x0, x1) = if span {
                            (x0, x1.max(x0 + 3.0))
                        } else {
                            ((x0 + x1) / 2.0 - 4.0, (x0 + x1) / 2.0 + 4.0)
                        };
                        let lane = (0..LANES)
                            .find(|&l| lane_end[l] < x0 - 2.0)
                            .unwrap_or(i % LANES);
                        lane_end[lane] = lane_end[lane].max(x1);
                        TMark {
                            i,
                            x0,
                            x1,
                            y: LANE_TOP + lane as f64 * LANE_H,
                            span,
                            out: !r.matches.contains(i),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        }))
    });
    // Static marks; handlers are delegated to their group (see `on_marks_*`).
    let marks = move || {
        let lang = app.lang.get();
        match layout.get() {
            None => {
                let n = in_view.with(|v| v.len());
                view! { <text class="hint" x=MARGIN y=LANE_TOP + 30.0>{app.tf(Key::ZoomToSee, &[("n", &n.to_string())])}</text> }.into_any()
            }
            Some(marks) => app.corpus.with(|c| {
                marks
                    .iter()
                    .map(|m| {
                        let e = &c.events[m.i];
                        let title = format!(
                            "{} — {}",
                            format_date(lang, &e.date),
                            e.title.get(lang.code())
                        );
                        mark_shape(m, "tmark", e.id.clone(), Some(title))
                    })
                    .collect_view()
                    .into_any()
            }),
        }
    };
    // Copies of the selected and hovered marks drawn on top, so marks carry no effects.
    let halos = move || {
        let sel = app.selected.get();
        let marks = layout.get()?;
        Some(app.hovered.with(|hov| {
            app.corpus.with(|c| {
                marks
                    .iter()
                    .filter_map(|m| {
                        let s = sel == Some(m.i);
                        let h = hov.binary_search(&(m.i as u32)).is_ok();
                        let class = match (s, h) {
                            (true, true) => "tmark-halo selected hovered",
                            (true, false) => "tmark-halo selected",
                            (false, true) => "tmark-halo hovered",
                            _ => return None,
                        };
                        Some(mark_shape(m, class, c.events[m.i].id.clone(), None))
                    })
                    .collect_view()
            })
        }))
    };
    let target_event = |ev: &web_sys::Event| super::dom::data_index(ev, "[data-i]");
    let on_marks_click = move |ev: web_sys::MouseEvent| {
        if let Some(i) = target_event(&ev) {
            app.select(Some(i));
        }
    };
    let on_marks_over = move |ev: web_sys::PointerEvent| {
        if let Some(i) = target_event(&ev) {
            app.hovered.set(vec![i as u32]);
        }
    };

    let axis = move || {
        let s = scale.get();
        let n = ((width.get() - 2.0 * MARGIN) / 90.0).max(2.0) as usize;
        let right = width.get();
        // A label that would run past the right edge is left out (its tick line stays).
        s.ticks(n, app.lang.get()).into_iter().map(move |t| view! {
            <g class="tick">
                <line x1=format!("{:.1}", t.x) x2=format!("{:.1}", t.x) y1=LANE_TOP y2=AXIS_Y + 4.0/>
                {(t.x + 3.0 + 7.0 * t.label.chars().count() as f64 <= right).then(|| view! { <text x=format!("{:.1}", t.x + 3.0) y=AXIS_Y + 16.0>{t.label.clone()}</text> })}
            </g>
        }).collect_view()
    };

    let brush_live = RwSignal::new(None::<(f64, f64)>);
    let brush_rect = move || {
        let s = scale.get();
        let px = brush_live.get().or_else(|| {
            app.view
                .with(|v| v.filter.range)
                .map(|(a, b)| (s.map(a as f64), s.map(b as f64)))
        });
        px.map(|(a, b)| {
            let (a, b) = (a.min(b).max(0.0), a.max(b).min(width.get()));
            view! { <rect class="brush" x=format!("{a:.1}") y=LANE_TOP - 4.0 width=format!("{:.1}", (b - a).max(1.0)) height=AXIS_Y - LANE_TOP + 4.0/> }
        })
    };

    let gesture = StoredValue::new(Gesture::default());
    let local_x = move |ev: &web_sys::MouseEvent| {
        super::dom::local_point(container.get_untracked().map(Into::into), ev)
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let (x, _) = local_x(&ev);
        let d = if ev.delta_y().abs() > ev.delta_x().abs() {
            ev.delta_y()
        } else {
            0.0
        };
        if d != 0.0 {
            set_domain(scale.get_untracked().zoomed((-d * 0.002).exp(), x));
        } else {
            set_domain(scale.get_untracked().panned(ev.delta_x()));
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let (x, y) = local_x(&ev);
        let d = scale.get_untracked().domain;
        gesture.update_value(|g| {
            g.pointers.insert(ev.pointer_id(), x);
            g.moved = false;
            if g.pointers.len() == 2 {
                let v: Vec<f64> = g.pointers.values().copied().collect();
                g.pinch = Some(((v[0] - v[1]).abs().max(1.0), d));
                g.pan = None;
                g.brush = None;
            } else if y >= STRIP_TOP - 2.0 {
                g.brush = Some(x);
            } else {
                g.pan = Some((x, d));
            }
        });
    };
    // Capture the pointer only once a drag starts, so a plain click still reaches a mark.
    let capture = move |id: i32| {
        if let Some(el) = container.get_untracked() {
            let _ = el.set_pointer_capture(id);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (x, _) = local_x(&ev);
        let r = gesture
            .try_update_value(|g| {
                if !g.pointers.contains_key(&ev.pointer_id()) {
                    return None;
                }
                g.pointers.insert(ev.pointer_id(), x);
                if let Some((d0, dom)) = g.pinch {
                    let v: Vec<f64> = g.pointers.values().copied().collect();
                    if v.len() == 2 {
                        g.moved = true;
                        let base = TimeScale {
                            domain: dom,
                            ..scale.get_untracked()
                        };
                        return Some((
                            Some(base.zoomed((v[0] - v[1]).abs() / d0, (v[0] + v[1]) / 2.0)),
                            None,
                        ));
                    }
                    return None;
                }
                if let Some((x0, dom)) = g.pan {
                    if (x - x0).abs() < 4.0 && !g.moved {
                        return None;
                    }
                    if !g.moved {
                        capture(ev.pointer_id());
                    }
                    g.moved = true;
                    let base = TimeScale {
                        domain: dom,
                        ..scale.get_untracked()
                    };
                    return Some((Some(base.panned(x0 - x)), None));
                }
                let x0 = g.brush?;
                if (x - x0).abs() >= 3.0 && !g.moved {
                    capture(ev.pointer_id());
                    g.moved = true;
                }
                Some((None, Some((x0, x))))
            })
            .flatten();
        match r {
            Some((Some(s), _)) => set_domain(s),
            Some((None, b)) => brush_live.set(b),
            None => {}
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let brushed = gesture
            .try_update_value(|g| {
                g.pointers.remove(&ev.pointer_id());
                g.pinch = None;
                g.pan = None;
                g.brush.take().filter(|_| g.moved)
            })
            .flatten();
        if let (Some(_), Some((a, b))) = (brushed, brush_live.get_untracked()) {
            let s = scale.get_untracked();
            let (m0, m1) = (
                s.invert(a.min(b)).round() as i64,
                s.invert(a.max(b)).round() as i64,
            );
            if m1 > m0 {
                app.view.update(|v| v.filter.range = Some((m0, m1)));
            }
        }
        brush_live.set(None);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let s = scale.get_untracked();
        let mid = (MARGIN + width.get_untracked() - MARGIN) / 2.0;
        let next = match ev.key().as_str() {
            "ArrowLeft" => s.panned(-60.0),
            "ArrowRight" => s.panned(60.0),
            "+" | "=" => s.zoomed(1.5, mid),
            "-" | "_" => s.zoomed(1.0 / 1.5, mid),
            "0" => {
                domain.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        set_domain(next);
    };

    // Play: sweep a window through time; with reduced motion, jump a whole window per step.
    let playing = RwSignal::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        playing.set(false);
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    let play = move || {
        if playing.get_untracked() {
            stop();
            return;
        }
        let (e0, e1) = scale.get_untracked().domain;
        let mut range = app
            .view
            .with_untracked(|v| v.filter.range)
            .map(|(a, b)| (a as f64, b as f64));
        if range.is_none_or(|(a, _)| a >= e1) {
            let w = (e1 - e0) / 8.0;
            range = Some((e0, e0 + w));
        }
        let Some((a, b)) = range else { return };
        let reduced = reduced_motion();
        let (a, b) = (a.round() as i64, b.round() as i64);
        // Whole minutes, so that with reduced motion each window starts where the last ended.
        let (step, every) = if reduced {
            (b - a, 1200)
        } else {
            (((b - a) / 12).max(1), 120)
        };
        app.view.update(|v| v.filter.range = Some((a, b)));
        playing.set(true);
        let handle = set_interval_with_handle(
            move || {
                let cur = app.view.with_untracked(|v| v.filter.range);
                match cur {
                    Some((a, b)) if ((a + step) as f64) < e1 => app
                        .view
                        .update(|v| v.filter.range = Some((a + step, b + step))),
                    _ => stop(),
                }
            },
            Duration::from_millis(every),
        );
        timer.set_value(handle.ok());
    };
    on_cleanup(stop);

    // The range as two date fields too: the keyboard's way to brush, and exact to the day.
    let day_value = move |end: bool| {
        app.view
            .with(|v| v.filter.range)
            .map_or(String::new(), |(a, b)| {
                let m = if end { b - 1 } else { a };
                let (y, mo, d) = civil_from_days(m.div_euclid(DAY_MINUTES));
                PartialDate::ymd(y, mo, d).to_iso()
            })
    };
    let set_day = move |end: bool, value: String| {
        let (e0, e1) = extent.get_untracked();
        let cur = app
            .view
            .with_untracked(|v| v.filter.range)
            .unwrap_or((e0 as i64, e1 as i64));
        let range = match PartialDate::parse(&value) {
            Ok(d) if end => (cur.0, d.end_minute()),
            Ok(d) => (d.start_minute(), cur.1),
            // A cleared field clears the range.
            Err(_) => {
                app.view.update(|v| v.filter.range = None);
                return;
            }
        };
        if range.1 > range.0 {
            app.view.update(|v| v.filter.range = Some(range));
        }
    };

    view! {
        <section class="timeline-wrap" aria-label=move || app.t(Key::Timeline)>
            <div class="timeline-controls">
                <button type="button" class="play" aria-pressed=move || playing.get().to_string() on:click=move |_| play()>
                    {move || if playing.get() { format!("❚❚ {}", app.t(Key::Pause)) } else { format!("▶ {}", app.t(Key::Play)) }}
                </button>
                <button type="button" on:click=move |_| { let s = scale.get_untracked(); set_domain(s.zoomed(1.5, width.get_untracked() / 2.0)) }
                    aria-label=move || app.t(Key::ZoomIn) title=move || app.t(Key::ZoomIn)>"+"</button>
                <button type="button" on:click=move |_| { let s = scale.get_untracked(); set_domain(s.zoomed(1.0 / 1.5, width.get_untracked() / 2.0)) }
                    aria-label=move || app.t(Key::ZoomOut) title=move || app.t(Key::ZoomOut)>"−"</button>
                <button type="button" on:click=move |_| domain.set(None)
                    aria-label=move || app.t(Key::Reset) title=move || app.t(Key::Reset)>"⌂"</button>
                <span class="dates">
                    <label>{move || app.t(Key::From)}" "<input type="date" class="from" prop:value=move || day_value(false)
                        on:change=move |ev| set_day(false, event_target_value(&ev))/></label>
                    <label>{move || app.t(Key::To)}" "<input type="date" class="to" prop:value=move || day_value(true)
                        on:change=move |ev| set_day(true, event_target_value(&ev))/></label>
                </span>
                {move || match app.view.with(|v| v.filter.range.is_some()) {
                    true => view! {
                        <button type="button" class="clear-range" on:click=move |_| { stop(); app.view.update(|v| v.filter.range = None) }>{app.t(Key::Clear)}</button>
                    }.into_any(),
                    false => view! { <span class="hint">{app.t(Key::BrushHint)}</span> }.into_any(),
                }}
            </div>
            <div class="timeline" node_ref=container tabindex="0" role="group" aria-label=move || app.t(Key::TimelineLabel)
                on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:keydown=on_key>
                <svg width="100%" height=HEIGHT viewBox=move || format!("0 0 {:.0} {HEIGHT}", width.get())>
                    <g class="axis">{axis}</g>
                    <g class="strip">{strip}</g>
                    {brush_rect}
                    <g class="tmarks" on:click=on_marks_click on:pointerover=on_marks_over on:pointerout=move |_| app.hovered.set(Vec::new())>{marks}</g>
                    <g class="tmark-halos" aria-hidden="true">{halos}</g>
                </svg>
            </div>
        </section>
    }
}
