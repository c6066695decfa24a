"""Colours: Okabe-Ito (colour-blind safe) for categories, cividis for maps."""

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
PRIMARY = "#0072B2"
SECONDARY = "#E69F00"
MUTED = "#8C8C8C"
CAMPAIGN_BAND = "rgba(230, 159, 0, 0.15)"
QUIET_BAND = "rgba(86, 180, 233, 0.25)"
VOTING_LINE = "#D55E00"
MILESTONE_LINE = "#000000"
SEQUENTIAL = "cividis"
NO_DATA = "#E6E6E6"
WITHHELD = "#F5E6C8"  # small counts withheld from the public: light, warm, not a value colour
