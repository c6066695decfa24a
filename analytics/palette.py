"""Colours: Okabe-Ito (colour-blind safe) for categories, cividis for maps."""

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
PRIMARY = "#0072B2"
SECONDARY = "#E69F00"
MUTED = "#8C8C8C"
CAMPAIGN_BAND = "rgba(230, 159, 0, 0.15)"
QUIET_BAND = "rgba(86, 180, 233, 0.25)"
VOTING_LINE = "#D55E00"
MILESTONE_LINE = "#000000"
#: Plotly's cividis, written out: figures are built without Plotly's validation, which is what
#: would expand a colorscale name
SEQUENTIAL = [
    [0 / 9, "#00224e"],
    [1 / 9, "#123570"],
    [2 / 9, "#3b496c"],
    [3 / 9, "#575d6d"],
    [4 / 9, "#707173"],
    [5 / 9, "#8a8678"],
    [6 / 9, "#a59c74"],
    [7 / 9, "#c3b369"],
    [8 / 9, "#e1cc55"],
    [9 / 9, "#fee838"],
]
NO_DATA = "#E6E6E6"
WITHHELD = "#F5E6C8"  # small counts withheld from the public: light, warm, not a value colour
#: A withheld region on a map: the beige above sat next to the sequential scale's yellow top and
#: read like the highest value; this pale mint is on neither map scale (cividis, PuOr).
MAP_WITHHELD = "#CDE7DF"
#: A change against another cycle: purple for lower, orange for higher, pale at no change (PuOr,
#: colour-blind safe; neither end reads as good or bad)
DIVERGING = [
    [0.0, "#5e3c99"],
    [0.25, "#b2abd2"],
    [0.5, "#f7f7f7"],
    [0.75, "#fdb863"],
    [1.0, "#e66101"],
]
OTHER_CYCLE = "#B9B9B9"  # the compared cycle's bars beside the current cycle's
NOT_REACHED = "#C9D7E8"  # a median not reached yet (half the cases still open): cases, but no value yet
SELECTED_OUTLINE = "#000000"  # the region chosen in the filters, outlined on every map

# One colour per meaning, on every chart of every page: a stage of the handling chain keeps its
# colour whether the register or a published figure counts it, and a cycle or a province keeps its
# colour wherever it is drawn (tests/unit/test_palette.py).
STAGE = {
    "reported": "#0072B2",
    "registered": "#56B4E9",
    "proven": "#009E73",
    "recommended": "#E69F00",
    "followed_up": "#CC79A7",
    "sanctioned": "#D55E00",
}
#: Published metrics that count a stage of the chain.
METRIC_STAGE = {
    "asn_reported": "reported",
    "cases_reported": "reported",
    "reports_received": "reported",
    "complaints_received": "reported",
    "cases_found": "reported",
    "asn_proven": "proven",
    "recommendations_issued": "recommended",
    "cases_forwarded": "recommended",
    "asn_forwarded": "recommended",
    "recommendations_followed_up": "followed_up",
    "followup_rate_pct": "followed_up",
}
CYCLE = {
    "pilkada-2024": "#0072B2",
    "pemilu-2024": "#009E73",
    "pilkada-2020": "#E69F00",
    "pemilu-2019": "#CC79A7",
    "pilkada-2018": "#56B4E9",
    "pilkada-2017": "#D55E00",
    "pilkada-2015": "#7F7F7F",
}
PROVINCE = {"61": "#0072B2", "62": "#E69F00", "63": "#009E73", "64": "#CC79A7", "65": "#D55E00"}
#: For what has no colour of its own (a metric outside the chain): the same order every time.
OTHERS = ["#332288", "#882255", "#44AA99", "#999933", "#AA4499", "#661100", "#6699CC", "#888888"]


def metric_colour(metric: str, position: int = 0) -> str:
    stage = METRIC_STAGE.get(metric)
    return STAGE[stage] if stage else OTHERS[position % len(OTHERS)]


def cycle_colour(election_id: str, position: int = 0) -> str:
    return CYCLE.get(election_id) or OTHERS[position % len(OTHERS)]


def province_colour(province_code: str, position: int = 0) -> str:
    return PROVINCE.get(str(province_code)) or OTHERS[position % len(OTHERS)]
