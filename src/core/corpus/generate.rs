//! Deterministic synthetic corpora for scale tests and benchmarks.
//!
//! The same `(n, seed)` always gives the same corpus. Events cluster around real
//! Central Asian cities (plus a few far-away capitals), spread over 2000–2025 with
//! bursts, and cite sources in many languages.

use crate::corpus::*;
use crate::time::date::{civil_from_days, days_from_civil, PartialDate};

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index skewed toward 0 (roughly Zipf-like), so some values are far more common.
    pub fn skewed(&mut self, n: usize) -> usize {
        ((self.unit() * self.unit()) * n as f64) as usize % n.max(1)
    }

    /// A uniformly chosen item (`fallback` for an empty slice).
    fn pick<'a, T>(&mut self, items: &'a [T], fallback: &'a T) -> &'a T {
        items.get(self.below(items.len())).unwrap_or(fallback)
    }

    /// An item chosen with [`Rng::skewed`] (`fallback` for an empty slice).
    fn pick_skewed<'a, T>(&mut self, items: &'a [T], fallback: &'a T) -> &'a T {
        items.get(self.skewed(items.len())).unwrap_or(fallback)
    }
}

const CITIES: &[(&str, f64, f64, &str)] = &[
    ("Almaty", 43.2567, 76.9286, "KZ"),
    ("Astana", 51.1801, 71.4460, "KZ"),
    ("Shymkent", 42.3417, 69.5901, "KZ"),
    ("Aktau", 43.6500, 51.1667, "KZ"),
    ("Zhanaozen", 43.3412, 52.8619, "KZ"),
    ("Aktobe", 50.2797, 57.2072, "KZ"),
    ("Taraz", 42.9000, 71.3667, "KZ"),
    ("Karaganda", 49.8019, 73.1021, "KZ"),
    ("Atyrau", 47.1167, 51.8833, "KZ"),
    ("Kyzylorda", 44.8528, 65.5092, "KZ"),
    ("Tashkent", 41.2995, 69.2401, "UZ"),
    ("Samarkand", 39.6542, 66.9597, "UZ"),
    ("Nukus", 42.4600, 59.6100, "UZ"),
    ("Bishkek", 42.8746, 74.5698, "KG"),
    ("Osh", 40.5283, 72.7985, "KG"),
    ("Dushanbe", 38.5598, 68.7870, "TJ"),
    ("Khorog", 37.4897, 71.5531, "TJ"),
    ("Ashgabat", 37.9601, 58.3261, "TM"),
    ("Kabul", 34.5553, 69.2075, "AF"),
    ("Urumqi", 43.8256, 87.6168, "CN"),
    ("Kashgar", 39.4704, 75.9898, "CN"),
    ("Ulaanbaatar", 47.8864, 106.9057, "MN"),
    ("Tehran", 35.6892, 51.3890, "IR"),
    ("Baku", 40.4093, 49.8671, "AZ"),
    ("Novosibirsk", 55.0084, 82.9357, "RU"),
    ("Moscow", 55.7558, 37.6173, "RU"),
    ("Beijing", 39.9042, 116.4074, "CN"),
    ("Washington", 38.9072, -77.0369, "US"),
    ("Geneva", 46.2044, 6.1432, "CH"),
];

const LANGS: &[&str] = &[
    "en", "ru", "zh", "kk", "uz", "ky", "tg", "fa", "tr", "de", "fr", "mn",
];
const KINDS: &[ActorKind] = &[
    ActorKind::State,
    ActorKind::Government,
    ActorKind::ArmedForce,
    ActorKind::Alliance,
    ActorKind::Party,
    ActorKind::Ngo,
    ActorKind::Media,
    ActorKind::Person,
    ActorKind::Group,
];
const WORDS: &[&str] = &[
    "protest",
    "talks",
    "deployment",
    "statement",
    "strike",
    "summit",
    "pipeline",
    "election",
    "arrest",
    "blockade",
    "tariff",
    "outage",
    "visit",
    "sanctions",
    "drill",
    "agreement",
    "rally",
    "crackdown",
];

const N_ACTORS: usize = 48;
/// Questions the synthetic claims answer, so the Compare view has disputes at scale.
const N_QUESTIONS: usize = 40;

/// A synthetic corpus of `n` events with 48 actors and `max(n / 3, 1)` sources.
pub fn generate(n: usize, seed: u64) -> CorpusFile {
    let mut rng = Rng::new(seed);
    let actors: Vec<Actor> = (0..N_ACTORS)
        .map(|i| Actor {
            id: format!("actor-{i:02}"),
            name: Text::en(format!("Actor {i:02}")),
            kind: KINDS
                .get(i % KINDS.len())
                .copied()
                .unwrap_or(ActorKind::Group),
            country: None,
            color: None,
        })
        .collect();
    let first_day = days_from_civil(2000, 1, 1);
    let span_days = days_from_civil(2026, 1, 1) - first_day;
    let n_sources = (n / 3).max(1);
    let sources: Vec<Source> = (0..n_sources)
        .map(|i| {
            let lang = *rng.pick_skewed(LANGS, &"en");
            let (y, m, d) = civil_from_days(first_day + rng.below(span_days as usize) as i64);
            Source {
                id: format!("s{i}"),
                outlet: format!("Outlet {}", rng.below(200)),
                outlet_kind: Some(*rng.pick(OutletKind::ALL, &OutletKind::Independent)),
                url: Some(format!("https://example.org/{lang}/{i}")),
                title: format!("Report {i} ({lang})"),
                title_en: None,
                lang: lang.to_string(),
                published: Some(PartialDate::ymd(y, m, d)),
            }
        })
        .collect();
    // Bursts: a few hundred hot spells of days, like real crises.
    let bursts: Vec<i64> = (0..300)
        .map(|_| first_day + rng.below(span_days as usize) as i64)
        .collect();
    let events = (0..n)
        .map(|i| {
            let day = if rng.unit() < 0.7 {
                rng.pick_skewed(&bursts, &first_day) + rng.below(20) as i64
            } else {
                first_day + rng.below(span_days as usize) as i64
            };
            let (y, m, d) = civil_from_days(day);
            let date = match rng.below(20) {
                0 => PartialDate {
                    year: y,
                    month: Some(m),
                    day: None,
                    time: None,
                    offset_minutes: None,
                },
                1 => PartialDate::year(y),
                2 => PartialDate {
                    time: Some((rng.below(24) as u8, rng.below(60) as u8)),
                    ..PartialDate::ymd(y, m, d)
                },
                _ => PartialDate::ymd(y, m, d),
            };
            let (city, lat, lon, cc) =
                *rng.pick_skewed(CITIES, &("Almaty", 43.2567, 76.9286, "KZ"));
            let jitter = |r: &mut Rng| (r.unit() - 0.5) * 0.6;
            let n_actors = 1 + rng.below(3);
            let mut ev_actors: Vec<ActorRef> = Vec::new();
            for _ in 0..n_actors {
                let id = format!("actor-{:02}", rng.skewed(N_ACTORS));
                if !ev_actors.iter().any(|a| a.id == id) {
                    ev_actors.push(ActorRef { id, role: None });
                }
            }
            let n_src = 1 + rng.below(2);
            let ev_sources: Vec<String> = (0..n_src)
                .map(|_| format!("s{}", rng.below(n_sources)))
                .collect::<Vec<_>>();
            let mut ev_sources = ev_sources;
            ev_sources.dedup();
            let word = *rng.pick(WORDS, &"event");
            Event {
                id: format!("ev-{i}"),
                date,
                end: None,
                place: Some(Place {
                    name: Text::en(city),
                    lat: ((lat + jitter(&mut rng)) * 1e4).round() / 1e4,
                    lon: ((lon + jitter(&mut rng)) * 1e4).round() / 1e4,
                    precision: PlacePrecision::City,
                    country: Some(cc.to_string()),
                }),
                title: Text::en(format!("{} {word} {i}", city)),
                summary: None,
                actors: ev_actors,
                kind: *rng.pick(EventType::ALL, &EventType::Other),
                tags: Vec::new(),
                claim: (rng.below(8) == 0).then(|| {
                    Box::new(Claim {
                        claimant: format!("actor-{:02}", rng.below(N_ACTORS)),
                        disputed: rng.below(2) == 0,
                        // Every claim answers one of the questions, chosen without a random draw
                        // so the rest of the corpus stays as it was for a seed.
                        question: Some(format!("q-{:02}", i % N_QUESTIONS)),
                        answer: Some(Text::en(format!("{}", 100 + i % 997))),
                    })
                }),
                sources: ev_sources,
            }
        })
        .collect();
    CorpusFile {
        tags: Tags::new(),
        questions: (0..N_QUESTIONS)
            .map(|q| Question {
                id: format!("q-{q:02}"),
                text: Text::en(format!("How many took part in incident {q:02}?")),
                unit: Some(Text::en("people")),
            })
            .collect(),
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        meta: Meta {
            title: Text::en(format!("Synthetic corpus of {n} events (seed {seed})")),
            description: Some(Text::en(
                "Generated for scale tests and benchmarks; not real events.",
            )),
            languages: vec!["en".into()],
            license: Some("CC0".into()),
            attribution: None,
            updated: None,
        },
        actors,
        sources,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_valid() {
        let a = serde_json::to_string(&generate(500, 7)).unwrap();
        let b = serde_json::to_string(&generate(500, 7)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, serde_json::to_string(&generate(500, 8)).unwrap());
        let v = validate(&a);
        assert!(
            v.diagnostics.is_empty(),
            "{:?}",
            &v.diagnostics[..v.diagnostics.len().min(3)]
        );
        assert_eq!(v.file.events.len(), 500);
        let (c, _) = parse(&a);
        assert!(c.languages.len() >= 8, "{:?}", c.languages);
        assert!(c.by_actor.iter().filter(|b| b.count() > 0).count() >= 30);
    }
}
