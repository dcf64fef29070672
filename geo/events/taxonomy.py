"""The event taxonomy: a small set of types, each joined to CAMEO and ACLED.

Why a table and not free text: the dashboard filters and colours by type, and analysts join
our events with GDELT (CAMEO codes) and ACLED (event types), so every type carries both codes.

Sources (checked against the published codebooks):

- CAMEO: Schrodt, *CAMEO Conflict and Mediation Event Observations Event and Actor Codebook*
  (v1.1b3, 2012), the codebook GDELT uses. Root codes: 01 MAKE PUBLIC STATEMENT, 03 EXPRESS
  INTENT TO COOPERATE (036 meet or negotiate, 0356 de-escalate), 04 CONSULT (041 discuss by
  telephone, 044 meet at a "third" location), 07 PROVIDE AID (072 military aid, 074 military
  protection or peacekeeping, 073 humanitarian aid), 13 THREATEN (130), 16 REDUCE RELATIONS
  (163 impose embargo, boycott or sanctions), 19 FIGHT (192 occupy territory, 194 artillery
  and tanks, 195 aerial weapons, 1952 remotely piloted aerial munitions).
  CAMEO has no code for an evacuation order; 073 "Provide humanitarian aid" is the nearest
  (a government moving its own civilians out of danger) and is marked approximate below.
- ACLED: *ACLED Codebook* (2023/2024), event types Battles, Explosions/Remote violence,
  Violence against civilians, Protests, Riots, Strategic developments, with sub-event types
  such as "Armed clash", "Government regains territory", "Non-state actor overtakes
  territory", "Air/drone strike", "Shelling/artillery/missile attack", "Agreement",
  "Non-violent transfer of territory", "Other". ACLED codes political violence and a few
  strategic developments only, so diplomacy (meetings, calls, statements, threats,
  sanctions, guarantees) has no ACLED type: ``acled_type`` is ``None`` there on purpose.

Time and geo precision follow ACLED: ``date_precision`` is day/month/year (ACLED's
time_precision 1/2/3) and ``geo_precision`` is settlement/region/country (geo_precision 1/2/3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

__all__ = [
    "ACLED_EVENT_TYPES",
    "TAXONOMY",
    "EventType",
    "TypeInfo",
    "acled_sub_event",
    "acled_type_for",
    "cameo_code",
    "type_info",
]

#: The six ACLED event types (ACLED Codebook).
ACLED_EVENT_TYPES: Final = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


class EventType(StrEnum):
    """What happened; values are the strings stored in frames and JSON."""

    SUMMIT = "summit"
    CALL = "call"
    STATEMENT = "statement"
    THREAT = "threat"
    SANCTIONS = "sanctions"
    ADVANCE = "advance"
    STRIKE = "strike"
    EVACUATION = "evacuation"
    PEACE_PROPOSAL = "peace_proposal"
    SECURITY_AID = "security_aid"


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """One row of the taxonomy table.

    ``cameo_root`` is the two-digit CAMEO root; ``cameo_code`` the default, more specific
    code; ``acled_type``/``acled_sub_event`` the ACLED pair where one fits (else ``None``);
    ``priority`` decides between types cued in one sentence (higher wins); ``note`` says why
    the mapping was chosen.
    """

    type: EventType
    label: str
    cameo_root: str
    cameo_code: str
    acled_type: str | None
    acled_sub_event: str | None
    priority: int
    note: str = ""


_ROWS: Final = (
    TypeInfo(EventType.EVACUATION, "Evacuation order", "07", "073", "Strategic developments",
             "Other", 100, "CAMEO has no evacuation code; 073 humanitarian aid is nearest"),
    TypeInfo(EventType.STRIKE, "Strike / attack", "19", "195", "Explosions/Remote violence",
             "Shelling/artillery/missile attack", 90, "drone cues refine to 1952 / Air/drone"),
    TypeInfo(EventType.ADVANCE, "Military advance / territorial change", "19", "192",
             "Battles", "Armed clash", 80, "territory changing hands in fighting"),
    TypeInfo(EventType.SANCTIONS, "Sanctions", "16", "163", None, None, 70,
             "163 impose embargo, boycott or sanctions"),
    TypeInfo(EventType.THREAT, "Threat", "13", "130", None, None, 60, "130 threaten"),
    TypeInfo(EventType.PEACE_PROPOSAL, "Ceasefire / peace proposal", "03", "036", None, None,
             55, "036 intent to meet or negotiate; 0356 for a ceasefire"),
    TypeInfo(EventType.SECURITY_AID, "Security guarantee / aid", "07", "074", None, None, 50,
             "074 military protection; 072 when weapons or money are sent"),
    TypeInfo(EventType.CALL, "Phone / video call", "04", "041", None, None, 40,
             "041 discuss by telephone (video calls too)"),
    TypeInfo(EventType.SUMMIT, "Summit / meeting", "04", "044", None, None, 30,
             "044 meet at a third location (042/043 for visits)"),
    TypeInfo(EventType.STATEMENT, "Statement", "01", "010", None, None, 10,
             "010 make statement; only when no stronger type is cued"),
)  # fmt: skip

#: The taxonomy, keyed by type.
TAXONOMY: Final = MappingProxyType({row.type: row for row in _ROWS})

_DRONE = re.compile(r"drone|droner|dronar|uav|shahed|kamikaze", re.IGNORECASE)
_AIR = re.compile(r"luftangrep|air ?strike|bomb", re.IGNORECASE)
_ARTILLERY = re.compile(r"artilleri|artillery|granat|shell", re.IGNORECASE)
_CEASEFIRE = re.compile(r"våpenhvile|våpenkvile|ceasefire|truce", re.IGNORECASE)
_AGREED = re.compile(r"enige|inngikk|signert|signerte|agreed|signed", re.IGNORECASE)
_REGAIN = re.compile(
    r"gjenerobr|befri|frigjort|frigjorde|recaptur|retook|liberat|regain", re.IGNORECASE
)
_WEAPONS = re.compile(r"våpen|weapon|luftvern|air defen|ammunisjon|ammunition", re.IGNORECASE)


def type_info(event_type: str) -> TypeInfo:
    """Return the taxonomy row of ``event_type`` (a :class:`EventType` or its string).

    Raises
    ------
    ValueError
        For a string that is no event type; the message lists the valid ones.
    """
    try:
        return TAXONOMY[EventType(event_type)]
    except ValueError as exc:
        msg = f"{event_type!r} is not an event type; use one of {[t.value for t in EventType]}"
        raise ValueError(msg) from exc


def cameo_code(event_type: str, trigger: str = "") -> str:
    """Return the specific CAMEO code for a type, refined by the cue that triggered it.

    Examples
    --------
    >>> cameo_code("strike", "droneangrep")
    '1952'
    >>> cameo_code("peace_proposal", "våpenhvile")
    '0356'
    >>> cameo_code("summit")
    '044'
    """
    info = type_info(event_type)
    if info.type is EventType.STRIKE:
        if _DRONE.search(trigger):
            return "1952"
        if _ARTILLERY.search(trigger):
            return "194"
    if info.type is EventType.PEACE_PROPOSAL and _CEASEFIRE.search(trigger):
        return "0356"
    if info.type is EventType.SECURITY_AID and _WEAPONS.search(trigger):
        return "072"
    return info.cameo_code


def acled_sub_event(event_type: str, trigger: str = "") -> str | None:
    """Return the ACLED sub-event type for a type and its cue, or ``None``.

    Examples
    --------
    >>> acled_sub_event("strike", "drone attack")
    'Air/drone strike'
    >>> acled_sub_event("advance", "gjenerobret")
    'Government regains territory'
    >>> acled_sub_event("peace_proposal", "signed a ceasefire") is None
    False
    """
    info = type_info(event_type)
    if info.type is EventType.STRIKE and (_DRONE.search(trigger) or _AIR.search(trigger)):
        return "Air/drone strike"
    if info.type is EventType.ADVANCE and _REGAIN.search(trigger):
        return "Government regains territory"
    if info.type is EventType.PEACE_PROPOSAL and _AGREED.search(trigger):
        return "Agreement"
    return info.acled_sub_event


def acled_type_for(event_type: str, trigger: str = "") -> str | None:
    """Return the ACLED event type; a signed ceasefire is a Strategic development."""
    info = type_info(event_type)
    if info.type is EventType.PEACE_PROPOSAL and _AGREED.search(trigger):
        return "Strategic developments"
    return info.acled_type
