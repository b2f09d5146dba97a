"""A rewrite proposes measures that exist where the document is from.

England's own collections (NDTMS, the Survey of Adult Carers in England, DfE care leaver returns, the
EYFS profile, NHS PROMs) and NICE's home care guideline are offered to an English document, or to a
clause that says nothing of where it is from; a document plainly from Scotland, Wales or another
country gets the outcome's next measure (its own records) and no NICE citation. All examples are our own.
"""

import pytest

from knowledge.outcome_library import measures
from scoring import review
from scoring.service_area import detect_nation


def _rewrites(text: str, category: str = "output-only") -> list[str]:
    return [f.rewrite for f in review(text).findings if f.rewrite and f.category == category]


@pytest.mark.parametrize("text, nation", [
    ("Commissioned by the Alcohol and Drug Partnership to the Scottish Government's standard.", "Scotland"),
    ("Registered with Care Inspectorate Wales; Welsh language services are offered.", "Wales"),
    ("Providers registered with RQIA in Northern Ireland.", "Northern Ireland"),
    ("Registered with the Care Quality Commission; the Care Act 2014 applies.", "England"),
    ("Reimbursement is $16.50 per unit under the county's Medicaid waiver.", "outside the UK"),
    ("Providers in New South Wales and Queensland deliver NDIS supports.", "outside the UK"),
    ("The contract value is €1.2 million a year.", "outside the UK"),
    ("Hemtjänst, omvårdnad och service 350 kr/timme", "outside the UK"),  # a Nordic rate list
    ("Palveluseteli on 30 euroa / tunti.", "outside the UK"),
    # names that do not place a text: a language, an ethnic group, an EU directive, a county council
    ("Information is offered in plain English and easy read.", None),
    ("Monitoring forms record White Irish, Indian and Pakistani heritage.", None),
    ("Ethnicity: Greek Cypriot, Turkish Cypriot, Black African (for example Zambian or Ugandan).", None),
    # a country named places the text, wherever it is: "the Zambia PBF pilot", "Hong Kong's Social Welfare Department"
    ("Health centres in the Zambia PBF pilot are paid a fee for each indicator.", "outside the UK"),
    ("Hong Kong's Social Welfare Department funds the service.", "outside the UK"),
    ("The procurement follows the EU procurement directives.", None),
    ("Durham County Council will review the service yearly.", None),
    # a scale named after a city is not a text from it
    ("Young people's wellbeing is measured on the Warwick-Edinburgh Mental Wellbeing Scale.", None),
    ("Mothers are screened with the Edinburgh Postnatal Depression Scale.", None),
    ("The City of Edinburgh Council will review the service yearly.", "Scotland"),
    # two nations with neither clearly ahead: not known
    ("The service follows the guidance for England and for Scotland.", None),
    # South Africa's procurement law and money name no place, but place the text
    ("Bids are scored on the 80/20 system of the PPPFA, with B-BBEE status level points.", "outside the UK"),
    ("The 90/10 Preference Point System will apply to this bid.", "outside the UK"),  # the system named in capitals
    ("Toronto Community Housing answers repair calls around the clock.", "outside the UK"),
    # the United Nations' own buying
    ("Under the United Nations Procurement Manual, split awards go to the offers that best meet the need.", "outside the UK"),
    ("The municipality has budgeted R 1 250 000 for the shelter programme.", "outside the UK"),
    # American spelling, twice, in a text naming no place; once, or British spelling, places nothing
    ("The program serves youth with behavioral health needs at two neighborhood centers.", "outside the UK"),
    ("The programme offers behavioural support at two neighbourhood centres.", None),
    ("The provider will run the program for two years.", None),
    # the US federal buying rules and departments
    ("Award goes to the bid most advantageous to the Government, price and price-related factors only (FAR 14.201-8).",
     "outside the UK"),
    ("Part 3514 of 48 CFR 3514 governs sealed bidding at the Department of Labor.", "outside the UK"),
    # New Zealand's bodies, people and tax name no country, but place the text
    ("Northland DHB health targets for the year", "outside the UK"),
    ("Funded by the Ministry of Health for Māori and Pasifika whānau", "outside the UK"),
    ("Fees (excl. GST) per consultation", "outside the UK"),
])
def test_the_nation_a_text_is_from(text, nation):
    assert detect_nation(text) == nation


DRUG_TARGET = "- The provider will ensure that 400 people start structured drug treatment each year.\n"


def test_an_english_or_unplaced_drug_service_gets_the_ndtms_measure():
    ndtms = measures()["ndtms-completion"].short
    for text in (DRUG_TARGET, "Commissioned in England under the national drug strategy.\n\n" + DRUG_TARGET):
        (rewrite,) = _rewrites(text)
        assert ndtms in rewrite


@pytest.mark.parametrize("place", [
    "Commissioned by the Alcohol and Drug Partnership under the Scottish Government's standards.",
    "Funded by the county's behavioral health department; the unit rate is $85.00 per hour (United States).",
    "Commissioned by the Health Service Executive in Ireland.",
    "The county's behavioral health program funds the contract.",
])
def test_a_drug_service_elsewhere_gets_its_own_records_not_englands_collection(place):
    (rewrite,) = _rewrites(f"{place}\n\n{DRUG_TARGET}")
    assert "NDTMS" not in rewrite
    # still a substance-use outcome, measured from the service's own records
    assert "free of dependence" in rewrite and measures()["treatment-exit-records"].short in rewrite


LEAVING_CARE = "- The service will hold 300 key-work sessions a year with care leavers aged 16 to 21.\n"


def test_a_leaving_care_service_elsewhere_is_not_offered_dfe_returns():
    dfe = {measures()[k].short for k in ("care-leaver-accommodation", "care-leaver-eet")}
    english = " ".join(_rewrites(LEAVING_CARE))
    assert any(name in english for name in dfe)
    scottish = " ".join(_rewrites("A Scottish council's throughcare and aftercare service.\n\n" + LEAVING_CARE))
    assert scottish and not any(name in scottish for name in dfe)
    assert "DfE" not in scottish


HOURLY = "- The provider will be paid {rate} per hour of personal care delivered to each client.\n"


def test_home_care_pay_cites_nice_only_where_nice_guidance_applies():
    (english,) = _rewrites(HOURLY.format(rate="£21.50"), "cost-first")
    assert "NICE" in english
    (american,) = _rewrites("Homemaker services, Ohio, United States.\n\n" + HOURLY.format(rate="$21.50"), "cost-first")
    assert "NICE" not in american
    # the rest of the advice stands, as sentences that start properly
    assert "stays as the base rate for planned care; part of the payment follows the outcomes" in american
    (no_rate,) = _rewrites("Homemaker services, Ohio, United States.\n\n- Home care is paid by the minute.\n", "cost-first")
    assert "NICE" not in no_rate and ". Part of the payment follows the outcomes each person confirms" in no_rate


@pytest.mark.parametrize("text, buyer", [
    ("Purchases between $5,000 and $25,000 shall be awarded to the lowest responsible bidder after three written "
     "quotes.", "buyer"),
    ("The Province of Manitoba will award the service contract to the lowest compliant bid received by the closing "
     "date.", "buyer"),
    ("| Criterion | Weight |\n| Price | 80% |\n| Quality | 20% |\n\nProposals are due to the County of Marin, California, "
     "by 3 p.m. Pacific time.", "county"),
])
def test_an_award_rewrite_elsewhere_weights_quality_and_price_with_no_uk_social_value(text, buyer):
    """Social value as a criterion of its own is the UK's duty: a proposed scheme for a text plainly from elsewhere
    weights quality and price only, for its own buyer (or "the buyer"), never a council it does not have."""
    written = _rewrites(text, "cost-first")
    assert written, review(text).findings
    for rewrite in written:
        assert "social value" not in rewrite.lower() and "council" not in rewrite.lower(), rewrite
        if rewrite.startswith("|"):  # a table's rows come back as rows: quality and price, no third row
            assert rewrite.splitlines() == ["| Quality | 70% |", "| Price | 30% |"], rewrite
        else:
            assert "Quality 70%" in rewrite and f"for the {buyer} to confirm" in rewrite, rewrite


@pytest.mark.parametrize("text", [
    "The 90/10 Preference Point System shall apply to the evaluation of this bid.",
    "Bids are evaluated in terms of the PPPFA and awarded to the lowest acceptable tender.",
    # the split told by its points, with South Africa's own criterion beside price and no system named
    "The scheme allocates 90 points for price and 10 points for specific goals.",
])
def test_a_south_african_award_keeps_its_statutory_points_and_gains_a_functionality_threshold(text):
    """South Africa's law sets the points for price: a proposal to weight quality against price there would be unlawful.
    The suggestion keeps the preference point system and puts quality first as a minimum score for functionality, and
    pasted back it is not flagged again."""
    written = _rewrites(text, "cost-first")
    assert written, review(text).findings
    for rewrite in written:
        assert "preference point system applies" in rewrite and "minimum qualifying score for functionality" in rewrite, rewrite
        assert "Quality 70%" not in rewrite and "council" not in rewrite.lower(), rewrite
        assert not [f for f in review(rewrite).findings if f.category == "cost-first"], rewrite


def test_award_weights_elsewhere_are_not_told_the_uk_social_value_duty_but_an_english_text_is():
    uk = "Tenders will be scored on quality (70%) and price (30%). The Care Quality Commission registers providers."
    abroad = "Tenders will be scored on quality (70%) and price (30%). Bids are in US dollars ($) under Ohio law."
    assert "social-value/missing-from-award" in {f.rule for f in review(uk).findings}
    assert "social-value/missing-from-award" not in {f.rule for f in review(abroad).findings}


def test_a_landlord_outside_england_is_not_offered_englands_tenant_satisfaction_measures():
    """England's regulator sets the Tenant Satisfaction Measures: a landlord in Canada gets the same questions asked by its
    own survey, and an English (or unplaced) landlord the regulator's measures."""
    abroad = _rewrites("Ottawa tenant services standards\nUrgent repairs will be completed within 48 hours.")
    assert abroad and "Tenant Satisfaction Measures" not in abroad[0] and "landlord's own survey" in abroad[0], abroad
    home = _rewrites("Urgent repairs will be completed within 48 hours.")
    assert home and "Tenant Satisfaction Measures" in home[0], home


@pytest.mark.parametrize("text", [
    "What is the basis for an award?\nBids are awarded to the lowest responsive, responsible bidder.",
    "School District Purchasing.\nThe contract must be awarded to the lowest responsible bidder after considering the following:",
])
def test_an_american_low_bid_rule_is_answered_without_a_uk_councils_social_value(text):
    """"The lowest responsible bidder" and a school district are an American buyer's terms: no social value weighting
    (the UK's Procurement Act answer) and no council asked to confirm it."""
    assert detect_nation(text) == "outside the UK"
    written = _rewrites(text, "cost-first")
    assert written and not any("Social value" in w or "council" in w for w in written), written


def test_a_low_bid_rule_elsewhere_is_told_to_check_the_law_first_and_a_list_item_keeps_its_joining_word():
    """Where a law may make the lowest bid win (an American purchasing code), the award rewrite says to check which route
    lets quality be scored before changing the rule; a rule that is one item of a list keeps its "; and" at the end."""
    (item,) = _rewrites("(iii) A fixed price contract will be awarded in writing to the lowest responsive and responsible "
                        "bidder; and", "cost-first")
    assert item.endswith("); and") and "ask your procurement lead which route lets quality be scored" in item, item
    assert "; and." not in item and "Quality 70%" in item, item
    uk = _rewrites("Tenders for the home care framework will be awarded to the lowest priced bidder.", "cost-first")
    assert uk and not any("procurement lead" in w for w in uk), uk


def test_a_hospital_target_from_a_district_health_board_is_not_offered_englands_patient_survey():
    """A New Zealand health target names no country, only its district health board: the NHS survey question on
    involvement in decisions is England's, so the suggestion leaves it out; an English hospital still gets it."""
    survey = measures()["nhs-inpatient-survey"].short
    target = "95% of patients will be seen and treated in the emergency department within four hours.\n"
    (abroad,) = _rewrites("Hutt Valley DHB hospital targets 2031/32\n\n" + target)
    (home,) = _rewrites("Hospital targets for the trust, regulated by the Care Quality Commission in England\n\n" + target)
    assert survey not in abroad and "emergency department within four hours" in abroad, abroad
    assert survey in home, home


def test_a_clause_that_names_no_place_is_told_whose_collection_a_measure_is():
    """A clause pasted on its own may be from anywhere: where the only measure the library has for an outcome is one
    nation's collection, the suggestion says whose it is ("in England, NHS patient survey …"), and an English document gets
    it plainly. A collection across England, Scotland and Wales is Great Britain's."""
    survey = measures()["nhs-inpatient-survey"].short
    target = "90 per cent of patients will be moved from ambulance trolleys within 30 minutes.\n"
    (alone,) = _rewrites(target)
    (home,) = _rewrites("Hospital targets for the trust, regulated by the Care Quality Commission in England\n\n" + target)
    assert f"in England, {survey}" in alone, alone
    assert survey in home and "in England, " not in home, home
    dwp = measures()["dwp-customer-experience-survey"].short
    (claims,) = _rewrites("Benefit claims will be processed within 28 days.")
    assert f"in Great Britain, {dwp}" in claims, claims
