from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carceles_desktop.domain.rules.pay import PaySplit, split_pay

amounts = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2)


def test_published_example():
    assert split_pay(Decimal("600.00")) == PaySplit(
        gross=Decimal("600.00"),
        inmate_share=Decimal("420.00"),
        alimony=Decimal("0"),
        inmate_net=Decimal("420.00"),
        reparation_share=Decimal("120.00"),
        institution_share=Decimal("60.00"),
    )


def test_rounding_remainder_goes_to_the_inmate():
    # 20 % of 0.05 is 0.01 and 10 % is 0.005 → 0.01 (half up); the inmate gets the rest.
    split = split_pay(Decimal("0.05"))
    assert (split.reparation_share, split.institution_share) == (Decimal("0.01"), Decimal("0.01"))
    assert split.inmate_share == Decimal("0.03")


def test_rounding_is_half_up():
    split = split_pay(Decimal("100.05"))
    assert split.reparation_share == Decimal("20.01")
    assert split.institution_share == Decimal("10.01")  # 10.005 → 10.01
    assert split.inmate_share == Decimal("70.03")


def test_alimony_comes_out_of_the_inmate_share():
    split = split_pay(Decimal("600.00"), alimony=Decimal("150.50"))
    assert split.inmate_share == Decimal("420.00")
    assert split.alimony == Decimal("150.50")
    assert split.inmate_net == Decimal("269.50")
    assert split.reparation_share == Decimal("120.00")


def test_alimony_may_take_the_whole_inmate_share():
    assert split_pay(Decimal("600"), alimony=Decimal("420")).inmate_net == 0


def test_alimony_above_the_inmate_share_is_refused():
    with pytest.raises(ValueError, match="alimony"):
        split_pay(Decimal("600.00"), alimony=Decimal("420.01"))


def test_other_percentages():
    split = split_pay(
        Decimal("1000"), inmate_percent=80, reparation_percent=0, institution_percent=20
    )
    assert (split.inmate_share, split.reparation_share, split.institution_share) == (
        Decimal("800.00"),
        Decimal("0.00"),
        Decimal("200.00"),
    )


@pytest.mark.parametrize(
    "percents",
    [(70, 20, 20), (70, 20, 9), (110, -20, 10), (101, 0, -1)],
)
def test_percentages_must_add_up_to_100(percents):
    inmate, reparation, institution = percents
    with pytest.raises(ValueError, match="percentages"):
        split_pay(
            Decimal("600"),
            inmate_percent=inmate,
            reparation_percent=reparation,
            institution_percent=institution,
        )


@pytest.mark.parametrize(
    ("gross", "alimony"),
    [
        (Decimal("-0.01"), Decimal(0)),
        (Decimal("600.001"), Decimal(0)),
        (Decimal("NaN"), Decimal(0)),
        (Decimal("Infinity"), Decimal(0)),
        (Decimal("600"), Decimal("-1")),
        (Decimal("600"), Decimal("0.001")),
    ],
)
def test_impossible_amounts_are_refused(gross, alimony):
    with pytest.raises(ValueError, match="gross|alimony"):
        split_pay(gross, alimony=alimony)


percent_triples = (
    st.integers(0, 100)
    .flatmap(lambda a: st.tuples(st.just(a), st.integers(0, 100 - a)))
    .map(lambda t: (t[0], t[1], 100 - t[0] - t[1]))
)


@given(amounts, percent_triples)
def test_shares_add_up_exactly_and_are_never_negative(gross, percents):
    inmate, reparation, institution = percents
    split = split_pay(
        gross,
        inmate_percent=inmate,
        reparation_percent=reparation,
        institution_percent=institution,
    )
    assert split.inmate_share + split.reparation_share + split.institution_share == gross
    shares = (split.inmate_share, split.reparation_share, split.institution_share)
    assert all(share >= 0 for share in shares)
    assert all(share == share.quantize(Decimal("0.01")) for share in shares)


@given(amounts)
def test_default_shares_are_within_half_a_centimo_of_their_percentage(gross):
    split = split_pay(gross)
    assert abs(split.reparation_share - gross * Decimal("0.20")) <= Decimal("0.005")
    assert abs(split.institution_share - gross * Decimal("0.10")) <= Decimal("0.005")
    assert split.inmate_share >= gross * Decimal("0.70") - Decimal("0.01")


@given(amounts, st.data())
def test_alimony_within_the_inmate_share_leaves_the_rest_to_the_inmate(gross, data):
    inmate_share = split_pay(gross).inmate_share
    alimony = data.draw(st.decimals(min_value=0, max_value=inmate_share, places=2))
    split = split_pay(gross, alimony=alimony)
    assert split.inmate_net + split.alimony == split.inmate_share == inmate_share
    assert split.inmate_net >= 0
