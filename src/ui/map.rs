//! The map: an offline vector base map with event marks aggregated at the current zoom,
//! edge markers for events outside the frame, zoom and pan by wheel, drag, pinch, buttons
//! and keyboard, tooltips, and a list for a clicked cluster.

use super::marks::{arc, lang_class, radius};
use super::state::{use_app, AppState};
use crate::core::geo::basemap;
use crate::core::geo::cluster::{aggregate, Cluster, EdgeMarker, Frame};
use crate::core::geo::labels::LabelPlacer;
use crate::core::geo::viewport::MapView as View;
use crate::core::geo::viewport::{home, world, Viewport};
use crate::core::text::i18n::{endonym, Key};
use crate::core::time::calendar::format_date;
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Base-map paths in world units, built once.
struct BaseLayer {
    countries: Vec<(String, String)>,
    lakes: Vec<String>,
}

fn base_layer() -> BaseLayer {
    let w = world();
    let bm = basemap::embedded_ref();
    let path = |rings: &[basemap::Ring]| {
        rings
            .iter()
            .map(|r| basemap::ring_to_path(r, |lon, lat| w.to_screen(lon, lat)))
            .collect::<String>()
    };
    BaseLayer {
        countries: bm
            .countries
            .iter()
            .map(|c| (c.iso.clone(), path(&c.rings)))
            .collect(),
        lakes: bm.lakes.iter().map(|l| path(&l.rings)).collect(),
    }
}

/// What the pointer is doing on the map.
#[derive(Clone, Default)]
struct Gesture {
    /// Active pointers: id to last position.
    pointers: HashMap<i32, (f64, f64)>,
    start: Option<(f64, f64, View)>,
    /// Distance between two pointers when a pinch started, and the view then.
    pinch: Option<(f64, View)>,
    moved: bool,
}

/// Whether two sorted index lists share a member (searching the shorter in the longer).
fn intersects(a: &[u32], b: &[u32]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().any(|x| long.binary_search(x).is_ok())
}

/// A tooltip: where, and what it says.
#[derive(Clone, PartialEq)]
struct Tip {
    x: f64,
    y: f64,
    lines: Vec<String>,
}

fn tip_for(app: &AppState, members: &[u32], x: f64, y: f64) -> Tip {
    let lang = app.lang.get_untracked();
    let lines = app.corpus.with_untracked(|c| {
        let first = &c.events[members[0] as usize];
        let place = first.place.name.get(lang.code()).to_string();
        if members.len() == 1 {
            vec![
                place,
                format_date(lang, &first.date),
                first.title.get(lang.code()).to_string(),
            ]
        } else {
            vec![
                place,
                crate::core::text::i18n::tf(
                    lang,
                    Key::EventsHere,
                    &[("n", &members.len().to_string())],
                ),
            ]
        }
    });
    Tip { x, y, lines }
}

/// The interactive map of the filtered events.
#[component]
pub fn MapView() -> impl IntoView {
    let app = use_app();
    let container = NodeRef::<html::Div>::new();
    let size = RwSignal::new((800.0, 480.0));
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let r = el.get_bounding_client_rect();
            if r.width() > 0.0 && r.height() > 0.0 {
                size.set((r.width(), r.height()));
            }
        }
    };
    super::dom::observe(container, measure);

    let map_view = Memo::new(move |_| app.view.with(|v| v.map).unwrap_or_else(home));
    let vp = Memo::new(move |_| {
        let (w, h) = size.get();
        Viewport::new(w, h, map_view.get())
    });
    let set_view = move |v: View| app.view.update(|s| s.map = Some(v));
    let base = StoredValue::new(base_layer());

    // Each event's position in world units, computed once per corpus.
    let world_xy = Memo::new(move |_| {
        let w = world();
        Arc::new(app.corpus.with(|c| {
            c.events
                .iter()
                .map(|e| w.to_screen(e.place.lon, e.place.lat))
                .collect::<Vec<_>>()
        }))
    });
    let marks = Memo::new(move |_| {
        let vp = vp.get();
        let xy = world_xy.get();
        let frame = Frame {
            width: vp.width,
            height: vp.height,
            cell: 34.0,
            inset: 22.0,
            max_clusters: 250,
        };
        let (k, dx, dy) = vp.world_affine();
        Arc::new(app.result.with(|r| {
            aggregate(
                r.matches
                    .iter()
                    .map(|i| (i as u32, xy[i].0 * k + dx, xy[i].1 * k + dy)),
                frame,
            )
        }))
    });
    // A newly selected event outside the frame is brought into view (the zoom is kept).
    Effect::new(move |prev: Option<Option<usize>>| {
        let sel = app.selected.get();
        // Not on the first run: a shared link's viewport is shown as it was.
        if let (Some(before), Some(i)) = (prev, sel) {
            if before != sel {
                let v = vp.get_untracked();
                let (lon, lat) = app
                    .corpus
                    .with_untracked(|c| (c.events[i].place.lon, c.events[i].place.lat));
                let (x, y) = v.project(lon, lat);
                if !(x >= 0.0 && y >= 0.0 && x <= v.width && y <= v.height) {
                    set_view(View {
                        lon,
                        lat,
                        zoom: v.view.zoom,
                    });
                }
            }
        }
        sel
    });
    let tip = RwSignal::new(None::<Tip>);
    let open_cluster = RwSignal::new(None::<Vec<u32>>);
    // A cluster's list holds event indices: a new corpus closes it.
    Effect::new(move |_| {
        app.corpus.track();
        open_cluster.set(None);
    });
    let gesture = StoredValue::new(Gesture::default());

    let local = move |ev: &web_sys::MouseEvent| {
        super::dom::local_point(container.get_untracked().map(Into::into), ev)
    };
    // Embedded in a page, a plain wheel scrolls the page (no scroll trap); Ctrl or ⌘ zooms.
    let wheel_hint = RwSignal::new(false);
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if app.view.with_untracked(|v| v.embed) && !(ev.ctrl_key() || ev.meta_key()) {
            if !wheel_hint.get_untracked() {
                wheel_hint.set(true);
                set_timeout(
                    move || wheel_hint.set(false),
                    std::time::Duration::from_millis(1500),
                );
            }
            return;
        }
        ev.prevent_default();
        let (x, y) = local(&ev);
        let factor = (-ev.delta_y() * if ev.delta_mode() == 1 { 0.05 } else { 0.002 }).exp();
        set_view(vp.get_untracked().zoom_at(factor, x, y));
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let p = local(&ev);
        gesture.update_value(|g| {
            g.pointers.insert(ev.pointer_id(), p);
            let view = vp.get_untracked().view;
            g.moved = false;
            if g.pointers.len() == 2 {
                let v: Vec<_> = g.pointers.values().copied().collect();
                g.pinch = Some((
                    ((v[0].0 - v[1].0).powi(2) + (v[0].1 - v[1].1).powi(2))
                        .sqrt()
                        .max(1.0),
                    view,
                ));
                g.start = None;
            } else {
                g.start = Some((p.0, p.1, view));
            }
        });
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let p = local(&ev);
        let Some(next) = gesture
            .try_update_value(|g| {
                if !g.pointers.contains_key(&ev.pointer_id()) {
                    return None;
                }
                g.pointers.insert(ev.pointer_id(), p);
                if let Some((d0, v0)) = g.pinch {
                    let v: Vec<_> = g.pointers.values().copied().collect();
                    if v.len() < 2 {
                        return None;
                    }
                    let d = ((v[0].0 - v[1].0).powi(2) + (v[0].1 - v[1].1).powi(2)).sqrt();
                    let (mx, my) = ((v[0].0 + v[1].0) / 2.0, (v[0].1 + v[1].1) / 2.0);
                    g.moved = true;
                    let base = Viewport {
                        view: v0,
                        ..vp.get_untracked()
                    };
                    return Some(base.zoom_at(d / d0, mx, my));
                }
                let (x0, y0, v0) = g.start?;
                let (dx, dy) = (p.0 - x0, p.1 - y0);
                if !g.moved && dx.abs() + dy.abs() < 5.0 {
                    return None;
                }
                if !g.moved {
                    if let Some(el) = container.get_untracked() {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                }
                g.moved = true;
                Some(
                    Viewport {
                        view: v0,
                        ..vp.get_untracked()
                    }
                    .pan(dx, dy),
                )
            })
            .flatten()
        else {
            return;
        };
        tip.set(None);
        set_view(next);
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.remove(&ev.pointer_id());
            g.pinch = None;
            g.start = None;
        });
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let v = vp.get_untracked();
        let (cx, cy) = (v.width / 2.0, v.height / 2.0);
        let next = match ev.key().as_str() {
            "ArrowLeft" => v.pan(60.0, 0.0),
            "ArrowRight" => v.pan(-60.0, 0.0),
            "ArrowUp" => v.pan(0.0, 60.0),
            "ArrowDown" => v.pan(0.0, -60.0),
            "+" | "=" => v.zoom_at(1.5, cx, cy),
            "-" | "_" => v.zoom_at(1.0 / 1.5, cx, cy),
            "0" => home(),
            "Escape" => {
                open_cluster.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        set_view(next);
    };
    let zoom_btn = move |f: f64| {
        let v = vp.get_untracked();
        set_view(v.zoom_at(f, v.width / 2.0, v.height / 2.0));
    };
    let fit = move || {
        let v = vp.get_untracked();
        let pts: Vec<(f64, f64)> = app.corpus.with_untracked(|c| {
            app.result.with_untracked(|r| {
                r.matches
                    .iter()
                    .map(|i| (c.events[i].place.lon, c.events[i].place.lat))
                    .collect()
            })
        });
        set_view(v.fit(pts, 30.0));
    };
    let was_drag = move || gesture.with_value(|g| g.moved);
    let activate = move |members: Vec<u32>| {
        if members.len() == 1 {
            open_cluster.set(None);
            app.select(Some(members[0] as usize));
        } else {
            open_cluster.set(Some(members));
            // Move focus into the list, so keyboard and screen-reader users land on it.
            request_animation_frame(move || {
                let first = container.get_untracked().and_then(|el| {
                    el.parent_element()?
                        .query_selector(".cluster-list li button")
                        .ok()
                        .flatten()
                });
                if let Some(b) = first.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = b.focus();
                }
            });
        }
    };

    let rings = move || {
        let m = marks.get();
        let n_lang = app.corpus.with(|c| c.languages.len());
        let mut paths = vec![String::new(); n_lang.min(9)];
        app.corpus.with(|c| {
            for cl in &m.clusters {
                let mut counts = vec![0usize; paths.len()];
                let last = counts.len().saturating_sub(1);
                for &i in &cl.members {
                    let mut bits = c.lang_bits[i as usize];
                    while bits != 0 {
                        counts[(bits.trailing_zeros() as usize).min(last)] += 1;
                        bits &= bits - 1;
                    }
                }
                let total: usize = counts.iter().sum();
                if total == 0 {
                    continue;
                }
                let r = radius(cl.members.len()) + 2.5;
                let mut f = 0.0;
                for (l, &n) in counts.iter().enumerate() {
                    if n > 0 {
                        let f1 = f + n as f64 / total as f64;
                        arc(&mut paths[l], cl.x, cl.y, r, f, f1);
                        f = f1;
                    }
                }
            }
        });
        paths
            .into_iter()
            .enumerate()
            .map(|(i, d)| view! { <path class=format!("ring {}", lang_class(i)) d=d/> })
            .collect_view()
    };

    // Marks are static views; one delegated handler per gesture on their group finds the
    // mark from `data-i`, so re-rendering hundreds of marks creates no closures or effects.
    let mark_view = move |(idx, cl): (usize, &Cluster)| {
        let n = cl.members.len();
        let r = radius(n);
        let label = tip_for(&app, &cl.members, 0.0, 0.0).lines.join(" — ");
        let single_id = (n == 1).then(|| {
            app.corpus
                .with_untracked(|c| c.events[cl.members[0] as usize].id.clone())
        });
        let (x, y) = (cl.x, cl.y);
        view! {
            <g class="mark">
                <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r=format!("{r:.1}")
                    tabindex="0" role="button" aria-label=label data-i=idx data-count=n data-event=single_id/>
                {(n > 1).then(|| view! { <text x=format!("{x:.1}") y=format!("{:.1}", y + 4.0) aria-hidden="true">{n}</text> })}
            </g>
        }
    };
    let target_mark = move |ev: &web_sys::Event| super::dom::data_index(ev, "[data-i]");
    let members_of =
        move |i: usize| marks.with_untracked(|m| m.clusters.get(i).map(|c| c.members.clone()));
    let show_tip = move |i: usize| {
        marks.with_untracked(|m| {
            if let Some(cl) = m.clusters.get(i) {
                tip.set(Some(tip_for(
                    &app,
                    &cl.members,
                    cl.x,
                    cl.y - radius(cl.members.len()) - 6.0,
                )));
                app.hovered.set(cl.members.clone());
            }
        })
    };
    let hide_tip = move || {
        tip.set(None);
        app.hovered.set(Vec::new());
    };
    let on_marks_click = move |ev: web_sys::MouseEvent| {
        if !was_drag() {
            if let Some(m) = target_mark(&ev).and_then(members_of) {
                activate(m);
            }
        }
    };
    let on_marks_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            if let Some(m) = target_mark(&ev).and_then(members_of) {
                ev.prevent_default();
                ev.stop_propagation();
                activate(m);
            }
        }
    };
    // Rings around the marks holding the selected or hovered events (from any view).
    let halos = move || {
        let sel = app.selected.get().map(|s| s as u32);
        let m = marks.get();
        app.hovered.with(|hov| {
            m.clusters.iter()
                .filter_map(|cl| {
                    let s = sel.is_some_and(|s| cl.members.binary_search(&s).is_ok());
                    let h = intersects(&cl.members, hov);
                    (s || h).then(|| {
                        let r = radius(cl.members.len()) + 5.0;
                        view! { <circle class="halo" class:selected=s class:hovered=h cx=format!("{:.1}", cl.x) cy=format!("{:.1}", cl.y) r=format!("{r:.1}")/> }
                    })
                })
                .collect_view()
        })
    };

    let edge_view = move |e: EdgeMarker| {
        let n = e.members.len();
        let members = e.members.clone();
        let deg = e.angle.to_degrees();
        let label = app.tf(Key::OffMap, &[("n", &n.to_string())]);
        let label_attr = label.clone();
        let fit_these = move || {
            let v = vp.get_untracked();
            let pts: Vec<(f64, f64)> = app.corpus.with_untracked(|c| {
                members
                    .iter()
                    .map(|&i| {
                        (
                            c.events[i as usize].place.lon,
                            c.events[i as usize].place.lat,
                        )
                    })
                    .collect()
            });
            // Frame both the current centre and the far events.
            let centre = v.unproject(v.width / 2.0, v.height / 2.0);
            set_view(v.fit(pts.into_iter().chain([centre]), 30.0));
        };
        let f2 = fit_these.clone();
        view! {
            <g class="edge" transform=format!("translate({:.1} {:.1})", e.x, e.y)>
                <g transform=format!("rotate({deg:.1})")><path d="M6 -7 L18 0 L6 7 Z" aria-hidden="true"/></g>
                <circle r="11" tabindex="0" role="button" aria-label=label_attr data-count=n
                    on:click=move |_| fit_these()
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); ev.stop_propagation(); f2() }>
                    <title>{label}</title>
                </circle>
                <text y="4" aria-hidden="true">{n}</text>
            </g>
        }
    };

    // How many events each place name has, to give busy places' labels priority.
    let corpus_places = Memo::new(move |_| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        app.corpus.with(|c| {
            c.events.iter().for_each(|e| {
                *counts
                    .entry(e.place.name.get("en").to_string())
                    .or_default() += 1
            })
        });
        counts
    });
    let labels = move || {
        let v = vp.get();
        let lang = app.lang.get();
        let bm = basemap::embedded_ref();
        let max_rank = if v.view.zoom >= 4.0 {
            3
        } else if v.view.zoom >= 1.8 {
            2
        } else {
            1
        };
        let inside =
            |x: f64, y: f64| x > 10.0 && y > 10.0 && x < v.width - 10.0 && y < v.height - 10.0;
        // Labels are placed in priority order (cities by rank, then countries, then water),
        // each only where it does not overlap one already placed; city labels also keep off
        // the event marks.
        let mut placer = LabelPlacer::new(
            marks.with(|m| {
                m.clusters.iter()
                    .map(|cl| (cl.x, cl.y, radius(cl.members.len()) + 5.0))
                    .collect()
            }),
            v.width,
            v.height,
        );
        let mut cities_v = Vec::new();
        let mut cities: Vec<&basemap::City> = bm.cities_up_to(max_rank).collect();
        // Among equals, the places with the most events win the space.
        corpus_places.with(|places| {
            cities.sort_by_key(|c| {
                (
                    c.rank,
                    std::cmp::Reverse(places.get(c.name("en")).copied().unwrap_or(0)),
                    !c.capital,
                )
            })
        });
        for c in cities {
            let (x, y) = v.project(c.lon, c.lat);
            let name = c.name(lang.code()).to_string();
            if !inside(x, y) {
                continue;
            }
            if let Some((lx, ly)) = placer.city(x, y, &name, 11.0) {
                cities_v.push(view! {
                    <g class="city" class:capital=c.capital>
                        <circle cx=format!("{x:.0}") cy=format!("{y:.0}") r="2.5"/>
                        <text x=format!("{lx:.0}") y=format!("{:.0}", ly + 11.0)>{name}</text>
                    </g>
                });
            }
        }
        let mut countries_v = Vec::new();
        for c in &bm.countries {
            let (x, y) = v.project(c.label.0, c.label.1);
            let name = c.name(lang.code()).to_string();
            if inside(x, y) && placer.centered(x, y - 10.0, &name, 12.0) {
                countries_v.push(view! { <text class="country-label" x=format!("{x:.0}") y=format!("{y:.0}")>{name}</text> });
            }
        }
        let mut lakes_v = Vec::new();
        for l in &bm.lakes {
            let (x, y) = v.project(l.label.0, l.label.1);
            let name = l.name(lang.code()).to_string();
            if v.view.zoom >= 1.5 && inside(x, y) && placer.centered(x, y - 10.0, &name, 11.0) {
                lakes_v.push(view! { <text class="water-label" x=format!("{x:.0}") y=format!("{y:.0}")>{name}</text> });
            }
        }
        view! { {countries_v}{lakes_v}{cities_v} }
    };

    let cluster_list = move || {
        open_cluster.get().map(|members| {
            let lang = app.lang.get();
            let rows = app.corpus.with(|c| {
                members.iter().take(200).map(|&i| {
                    let e = &c.events[i as usize];
                    (i as usize, format_date(lang, &e.date), e.title.get(lang.code()).to_string())
                }).collect::<Vec<_>>()
            });
            let more = members.len().saturating_sub(200);
            view! {
                <div class="cluster-list" role="dialog" aria-label=app.tf(Key::EventsHere, &[("n", &members.len().to_string())])
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" {
                        ev.stop_propagation();
                        open_cluster.set(None);
                        if let Some(el) = container.get_untracked() { let _ = el.focus(); }
                    }>
                    <div class="cluster-head">
                        <strong>{app.tf(Key::EventsHere, &[("n", &members.len().to_string())])}</strong>
                        <button type="button" class="close" on:click=move |_| open_cluster.set(None) aria-label=app.t(Key::Close)>"×"</button>
                    </div>
                    <ul>
                        {rows.into_iter().map(|(i, date, title)| view! {
                            <li><button type="button" on:click=move |_| app.select(Some(i))>
                                <span class="date">{date}</span>" "<span>{title}</span>
                            </button></li>
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p>{format!("+{more}")}</p> })}
                </div>
            }
        })
    };

    view! {
        <section class="map-wrap" aria-label=move || app.t(Key::Map)>
            <div class="map" node_ref=container tabindex="0" role="group" aria-label=move || app.t(Key::MapLabel)
                on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                on:pointercancel=on_up on:keydown=on_key>
                <svg width="100%" height="100%" viewBox=move || { let (w, h) = size.get(); format!("0 0 {w:.0} {h:.0}") }>
                    <g class="base" transform=move || vp.get().transform()>
                        {base.with_value(|b| b.countries.iter().map(|(iso, d)| view! { <path class="land" data-iso=iso.clone() d=d.clone()/> }).collect_view())}
                        {base.with_value(|b| b.lakes.iter().map(|d| view! { <path class="water" d=d.clone()/> }).collect_view())}
                    </g>
                    <g class="labels" aria-hidden="true">{labels}</g>
                    <g class="rings" aria-hidden="true">{rings}</g>
                    <g class="halos" aria-hidden="true">{halos}</g>
                    <g class="marks" on:click=on_marks_click on:keydown=on_marks_key
                        on:pointerover=move |ev| { if let Some(i) = target_mark(&ev) { show_tip(i) } }
                        on:pointerout=move |_| hide_tip()
                        on:focusin=move |ev| { if let Some(i) = target_mark(&ev) { show_tip(i) } }
                        on:focusout=move |_| hide_tip()>
                        {move || marks.with(|m| m.clusters.iter().enumerate().map(mark_view).collect_view())}
                    </g>
                    <g class="edges">{move || marks.get().edges.iter().cloned().map(edge_view).collect_view()}</g>
                </svg>
                {move || tip.get().map(|t| view! {
                    <div class="tooltip" role="tooltip" style:left=format!("{:.0}px", t.x) style:top=format!("{:.0}px", t.y)>
                        {t.lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
                    </div>
                })}
            </div>
            <div class="map-controls">
                <button type="button" on:click=move |_| zoom_btn(1.5) aria-label=move || app.t(Key::ZoomIn) title=move || app.t(Key::ZoomIn)>"+"</button>
                <button type="button" on:click=move |_| zoom_btn(1.0 / 1.5) aria-label=move || app.t(Key::ZoomOut) title=move || app.t(Key::ZoomOut)>"−"</button>
                <button type="button" on:click=move |_| fit() aria-label=move || app.t(Key::FitEvents) title=move || app.t(Key::FitEvents)>"⤢"</button>
                <button type="button" on:click=move |_| app.view.update(|v| v.map = None) aria-label=move || app.t(Key::Reset) title=move || app.t(Key::Reset)>"⌂"</button>
            </div>
            {cluster_list}
            <Show when=move || wheel_hint.get()>
                <p class="wheel-hint" role="status">{move || app.t(Key::CtrlToZoom)}</p>
            </Show>
            <ul class="legend" aria-label=move || app.t(Key::SourceLanguages)>
                {move || {
                    let counts = app.result.with(|r| r.language_counts.clone());
                    app.corpus.with(|c| {
                        c.languages.iter().enumerate().filter(|&(i, _)| counts.get(i).copied().unwrap_or(0) > 0).take(9).map(|(i, code)| view! {
                            <li><span class=format!("swatch {}", lang_class(i)) aria-hidden="true"></span>{endonym(code).unwrap_or(code).to_string()}</li>
                        }).collect_view()
                    })
                }}
            </ul>
            <p class="attribution">{move || app.t(Key::Attribution)}</p>
        </section>
    }
}
