from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carceles_desktop.domain.rules.redemption import (
    DEFAULT_RULES,
    DL_1737_START,
    LEY_30262_START,
    RuleVersion,
    count_valid_days,
    estimate_redeemed_days,
    rule_in_force,
)


def _rule(ratio=2, *, allowed=True, valid_from=date(2020, 1, 1), valid_to=None, code="general"):
    return RuleVersion(
        case_code=code,
        description="Caso general",
        legal_basis="CEP art. 44",
        valid_from=valid_from,
        valid_to=valid_to,
        allowed=allowed,
        ratio=ratio,
    )


def test_count_valid_days_counts_days_reaching_the_minimum():
    hours = {
        date(2026, 3, 2): Decimal("8.00"),
        date(2026, 3, 3): Decimal("4.00"),
        date(2026, 3, 4): Decimal("3.99"),
        date(2026, 3, 5): Decimal("0"),
    }
    assert count_valid_days(hours, Decimal("4")) == 2
    assert count_valid_days(hours, Decimal("8")) == 1
    assert count_valid_days({}, Decimal("4")) == 0


@pytest.mark.parametrize("minimum", [Decimal(0), Decimal("-1")])
def test_count_valid_days_needs_a_positive_minimum(minimum):
    with pytest.raises(ValueError, match="minimum"):
        count_valid_days({date(2026, 3, 2): Decimal(0)}, minimum)


@pytest.mark.parametrize(
    ("days", "ratio", "expected"), [(0, 2, 0), (1, 2, 0), (25, 2, 12), (34, 7, 4)]
)
def test_estimate_is_rounded_down(days, ratio, expected):
    assert estimate_redeemed_days(days, _rule(ratio)) == expected


def test_estimate_is_none_when_redemption_is_not_allowed():
    assert estimate_redeemed_days(100, _rule(None, allowed=False)) is None


def test_estimate_refuses_negative_days():
    with pytest.raises(ValueError, match="negative"):
        estimate_redeemed_days(-1, _rule())


@given(st.integers(0, 10_000), st.integers(1, 10))
def test_estimate_never_credits_more_than_the_days_worked(days, ratio):
    redeemed = estimate_redeemed_days(days, _rule(ratio))
    assert redeemed is not None
    assert redeemed * ratio <= days < (redeemed + 1) * ratio


@given(
    st.dictionaries(st.dates(), st.decimals(min_value=0, max_value=24, places=2)),
    st.decimals(min_value=Decimal("0.01"), max_value=12, places=2),
    st.decimals(min_value=0, max_value=12, places=2),
)
def test_raising_the_minimum_never_adds_days(hours, minimum, extra):
    assert count_valid_days(hours, minimum + extra) <= count_valid_days(hours, minimum)


@pytest.mark.parametrize(
    ("allowed", "ratio"),
    [(True, None), (False, 2), (True, 0), (True, -2)],
)
def test_rule_version_ratio_must_agree_with_allowed(allowed, ratio):
    with pytest.raises(ValueError, match="ratio"):
        _rule(ratio, allowed=allowed)


def test_rule_version_dates_must_be_in_order():
    with pytest.raises(ValueError, match="valid_to"):
        _rule(valid_from=date(2020, 1, 2), valid_to=date(2020, 1, 1))


# --- the table of the laws -----------------------------------------------------------------


def _ratio(case_code, on):
    rule = rule_in_force(DEFAULT_RULES, case_code, on)
    assert rule is not None, (case_code, on)
    return rule.ratio


@pytest.mark.parametrize(
    ("case_code", "on", "ratio"),
    [
        ("general", date(2010, 5, 1), 2),
        ("casos_especiales", date(2014, 11, 14), 5),
        ("general", LEY_30262_START, 2),
        ("delitos_listados_primario", date(2020, 1, 1), 5),
        ("reincidente_habitual", date(2026, 2, 11), 6),
        ("agravado_art_46b_46c", date(2020, 1, 1), 7),
        ("general", DL_1737_START, 2),
        ("robo_agravado", DL_1737_START, 5),
        ("delitos_art_107_323", date(2030, 1, 1), 7),
        ("reincidente_habitual", DL_1737_START, 7),
        ("crimen_organizado", DL_1737_START, None),
        ("violacion_sexual_explotacion", date(2027, 6, 1), None),
    ],
)
def test_default_table_has_the_ratios_of_the_laws(case_code, on, ratio):
    assert _ratio(case_code, on) == ratio


def test_dl_1737_starts_on_12_february_2026():
    assert date(2026, 2, 12) == DL_1737_START
    assert _ratio("reincidente_habitual", date(2026, 2, 11)) == 6
    assert _ratio("reincidente_habitual", date(2026, 2, 12)) == 7


@pytest.mark.parametrize(
    ("case_code", "on"),
    [
        ("casos_especiales", LEY_30262_START),
        ("delitos_listados_primario", DL_1737_START),
        ("robo_agravado", DL_1737_START - timedelta(days=1)),
        ("crimen_organizado", date(2020, 1, 1)),
        ("no_such_case", date(2026, 3, 1)),
    ],
)
def test_no_version_outside_a_cases_period(case_code, on):
    assert rule_in_force(DEFAULT_RULES, case_code, on) is None


def test_barred_cases_estimate_nothing():
    for code in ("crimen_organizado", "violacion_sexual_explotacion"):
        rule = rule_in_force(DEFAULT_RULES, code, date(2026, 3, 1))
        assert rule is not None
        assert not rule.allowed
        assert estimate_redeemed_days(300, rule) is None


def test_versions_of_a_case_do_not_overlap_and_only_the_last_is_open():
    by_code = {}
    for rule in DEFAULT_RULES:
        by_code.setdefault(rule.case_code, []).append(rule)
    for versions in by_code.values():
        versions.sort(key=lambda r: r.valid_from)
        for earlier, later in zip(versions[:-1], versions[1:], strict=True):
            assert earlier.valid_to is not None
            assert earlier.valid_to < later.valid_from
        assert all(r.valid_to is not None for r in versions[:-1])


def test_previous_versions_end_the_day_before_the_next_law():
    ends = {r.valid_to for r in DEFAULT_RULES}
    assert ends == {
        LEY_30262_START - timedelta(days=1),
        DL_1737_START - timedelta(days=1),
        None,
    }


def test_default_rows_fit_the_catalogue_columns():
    keys = [(r.case_code, r.valid_from) for r in DEFAULT_RULES]
    assert len(keys) == len(set(keys))  # UniqueConstraint(case_code, valid_from)
    for rule in DEFAULT_RULES:
        assert rule.case_code.isidentifier()
        assert rule.case_code == rule.case_code.lower()
        assert len(rule.case_code) <= 40
        assert len(rule.description) <= 300
        assert len(rule.legal_basis) <= 120


@given(st.dates(min_value=date(1991, 1, 1), max_value=date(2100, 12, 31)))
def test_general_case_is_always_two_to_one(on):
    assert _ratio("general", on) == 2


def test_overlapping_versions_resolve_to_the_latest_start():
    old = _rule(2, valid_from=date(2020, 1, 1))
    new = _rule(3, valid_from=date(2021, 1, 1))
    assert rule_in_force([new, old], "general", date(2022, 1, 1)) is new
    assert rule_in_force([new, old], "general", date(2020, 6, 1)) is old
