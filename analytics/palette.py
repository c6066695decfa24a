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
