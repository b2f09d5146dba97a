"""Reading a text for its client group's ages (scoring/service_area.py), which keeps rewrites
from proposing a measure outside the ages it is valid for."""

import pytest

from knowledge.outcome_library import AgeRange
from scoring.service_area import detect_ages


@pytest.mark.parametrize("text,low,high", [
    ("a service for under-fives", 0, 4), ("young people aged 11-18", 11, 18), ("care leavers", 16, 25),
    ("a club for 9–10 year olds", 9, 10), ("people aged 65 and over", 65, None), ("older people", 65, None),
    ("adults with care and support needs", 18, None), ("young people aged between 16 and 25", 16, 25),
    ("children seen, aged under 1, under 3 and under 5", 0, 4), ("a group for under 4s", 0, 3),
])
def test_detect_ages(text, low, high):
    assert detect_ages(text) == AgeRange(low, high)


@pytest.mark.parametrize("text", ["a 3-5 year contract", "contracts of £50 and over", "children and young people",
                                  "95% of clients seen within 28 days", "Lot 2: 16 hours per week",
                                  "calls answered in under 5 minutes", "groups of under 10 people"])
def test_detect_ages_ignores_numbers_that_are_not_ages(text):
    assert detect_ages(text) is None


@pytest.mark.parametrize("text", [
    "No. of home help hours provided each month 10,300",  # Ireland's word for home care
    "Homemaker services: 4,500 hours delivered in the year",  # the United States'
    "In-home care: number of visits made 12,000",
])
def test_home_care_in_other_countries_words_is_read_as_home_care(text):
    from scoring.service_area import detect_area

    assert detect_area(text).key == "homecare"


@pytest.mark.parametrize("text,area", [
    ("Talking therapies: 75% of people referred start treatment within 6 weeks", "mental-health"),
    ("Rapid rehousing: households placed within 30 days", "homelessness"),
    ("Family caregivers receiving a break each quarter", "carers"),
    # other countries' words for the same services
    ("Substance abuse treatment: 300 admissions a year", "substance-misuse"),
    ("Clients with a substance use disorder seen within 10 days", "substance-misuse"),
    ("Early childhood education: enrolments per term", "early-years"),
    ("Kindergarten places filled: 120", "early-years"),
    ("Toddler group: 40 sessions a year", "early-years"),
    ("The meals service will deliver 300 meals a week", "older-people"),
    ("NDIS supports delivered: 2,000 hours", "disability"),
    ("Developmental disabilities day program: units billed monthly", "disability"),
    ("Hemtjänst: utförd tid per månad", "homecare"),
    ("Kotihoidon käynnit: kotihoito 5,000 tuntia", "homecare"),
    ("Area Agency on Aging: meals served to seniors", "older-people"),
    ("Child welfare: home visits completed within 30 days", "children-families"),
    ("Youth development programme: 40 sessions per term", "youth"),
    ("Behavioral health: counseling sessions delivered", "mental-health"),
    ("Services for older persons: day places provided", "older-people"),
    ("Residential rehab placements funded each quarter", "substance-misuse"),
    ("Job coaching hours delivered to jobseekers", "employment"),
    ("Four group work programmes a year, with job practice placements", "employment"),
    ("Work placements arranged for 40 young people each year", "employment"),
    ("Supported Lodging Hosts receive £195.00 per week per placement", "leaving-care"),
    # children's care away from home is not care at home; leaving it is leaving care
    ("Children in out-of-home care: placement reviews held", "children-families"),
    ("Young people leaving out-of-home care: new cases opened", "leaving-care"),
    ("Crisis accommodation: new support periods each month", "homelessness"),
    # a list of the kinds of health care a programme pays for is health care, not its mental health item
    ("Visits for care (primary medical, dental, mental health, substance abuse and home health): 1.2 million", "health-services"),
    ("Falls prevention classes: 12 postural stability courses a year", "older-people"),
    ("The shuttle service shall keep a trip completion rate of 98%", "public-transport"),
    ("Behavioural support in line with NCSCT guidance, six sessions each", "stop-smoking"),
    # a medicine is not a drug misused: tuberculosis care paid per patient notified is TB care, not drug treatment
    ("Private providers receive a fee for each drug-resistant TB patient notified and for anti-TB drugs dispensed", "tuberculosis"),
    ("Needle exchange and drug treatment: 300 clients a year", "substance-misuse"),
    # a benefit named by its own name, or a claim counted from its lodgement, is benefits administration
    ("Disability Support Pension | 80% processed within 49 days", "benefits-administration"),
    ("Claims processed within 21 days of claim lodgement: 70%", "benefits-administration"),
    # services a rate row names: child care is a funded place, the Child Care Act is child welfare law, day treatment is
    # mental health, shared supported accommodation is for disabled people
    ("Child care (per hour) for registered providers: $31.86", "early-years"),
    ("Section 45 of the Child Care Act 1991 places a duty on the agency to support young people leaving care.", "leaving-care"),
    ("Day treatment intensive: $171.26 per day", "mental-health"),
    ("Shared supported accommodation daily support fee", "disability"),
])
def test_services_named_in_other_words_find_their_area(text, area):
    from scoring.service_area import detect_area

    assert detect_area(text).key == area


@pytest.mark.parametrize("text", [
    "Tutoring: 400 hours of one-to-one tutoring per term.",
    "The homework club will run 3 sessions a week for pupils aged 8 to 11.",
    "An after-school reading club for 60 pupils, meeting twice a week.",
])
def test_learning_support_is_its_own_area_with_an_attainment_measure(text):
    """A tutoring or reading service is measured by progress in learning, not youth justice or employment."""
    from scoring.service_area import detect_area

    area = detect_area(text)
    assert area.key == "learning-support"
    assert "school-attainment-records" in {m.key for o in area.outcomes for m in o.options}


@pytest.mark.parametrize("text,area", [
    ("Number of youth enrolled in tutoring", "learning-support"),
    ("Families seen by the homelessness service", "homelessness"),
    ("Youth club sessions held each week", "youth"),
])
def test_on_a_tie_the_service_named_beats_the_group_named(text, area):
    from scoring.service_area import detect_area

    assert detect_area(text).key == area


def test_kinship_carers_are_a_childrens_service_not_adult_carers():
    """Relatives raising a child are not carers of adults: ASCOT-Carer and the carers' survey are not theirs."""
    from scoring.service_area import detect_area

    assert detect_area("Support for kinship carers raising a grandchild: 40 visits a month").key == "children-families"
    assert detect_area("Support for carers looking after a parent with dementia").key != "children-families"


def test_a_kinship_carers_rewrite_names_them_as_kinship_carers():
    from scoring import review

    rewrite, = [f.rewrite for f in review("The service will complete 120 reviews of kinship carers a year.").findings if f.rewrite]
    assert rewrite.startswith("Kinship carers who use the service") and "ASCOT-Carer" not in rewrite, rewrite


@pytest.mark.parametrize("text, low, high", [
    ("Face to face counselling to Year 6 pupils across the city", 10, 11),
    ("Minimum of 3 days a week of counselling to Year 5 pupils and under", 4, 10),
    ("Mentoring for Years 7-11 students at risk of exclusion", 11, 16),
])
def test_school_year_groups_give_the_ages_of_their_pupils(text, low, high):
    ages = detect_ages(text)
    assert ages is not None and (ages.low, ages.high) == (low, high), ages


def test_a_contracts_year_is_not_a_school_year():
    assert detect_ages("In Year 2 pupils will be offered a place at the holiday club") is None


@pytest.mark.parametrize("text, low, high", [
    ("2 year-olds funding rate for the working parent entitlement", 2, 2),
    ("funding rate for 9 – 24-month-olds", 0, 2),
    ("3&4 Year Old Funding - Universal Entitlement", 3, 4),
    ("funded places for 2-year-olds", 2, 2),
])
def test_an_age_group_named_on_its_own_gives_its_ages(text, low, high):
    ages = detect_ages(text)
    assert (ages.low, ages.high) == (low, high)


def test_an_age_that_is_not_a_group_of_people_gives_none():
    assert detect_ages("the service runs from a 20 year old building") is None


def test_a_keywords_plural_names_its_area_and_cancer_and_radiotherapy_waits_are_health_services():
    from scoring.service_area import detect_area
    # (vaccinations are their own area since the immunisation area: what they are for is the disease they prevent)
    assert detect_area("Flu vaccinations offered to all staff").key == "immunisation"
    assert detect_area("Same-day appointments offered in all GP practices").key == "health-services"
    assert detect_area("Percentage of radiotherapy patients treated within 4 weeks").key == "health-services"
    assert detect_area("Patients to receive cancer treatment within 31 days of the decision to treat").key == "health-services"


def test_appropriate_adults_are_the_custody_services_volunteers_not_its_client_group():
    """An Appropriate Adult supports a child or a vulnerable adult in police custody: the rewrite must not take them for
    the people the service is for, nor the service for adult social care (ASCOT)."""
    from scoring import review
    from scoring.service_area import detect_area

    clause = "Appropriate Adults will attend the custody suite within 2 hours of the request."
    assert detect_area(clause).key != "adult-social-care"
    rewrites = [f.rewrite for f in review(clause).findings if f.rewrite]
    assert rewrites and not any(r.startswith("Adults") or "ASCOT" in r for r in rewrites), rewrites
    # It is measured by what the safeguard is for: the person supported through every interview, and treated fairly.
    assert detect_area(clause).key == "custody-support"
    assert any("appropriate adult with them for every interview" in r and "custody records" in r for r in rewrites), rewrites

