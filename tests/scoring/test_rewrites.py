"""Rewrites keep the commissioner's service, client group and numbers, and pass the checker themselves."""

import os
import re
from pathlib import Path

import pytest
import yaml

from knowledge.outcome_library import measures
from scoring.service_area import CHILD_AGES, UNDER_FIVE_AGES, detect_ages, detect_area
from scoring import review
from scoring.kinds import Document
from scoring.normalize import normalize
from scoring.rewrite import document_area
from scoring.segment import segment
from output_rewrites import output_rewrites

ROOT = Path(__file__).parent.parent.parent
GOLDEN = ROOT / "tests/golden/rewrites.yaml"
CORPORA = [ROOT / "tests/data" / n for n in ("clauses.yaml", "clauses_holdout.yaml", "clauses_blind.yaml", "clauses_final.yaml")]
MUST_PASS = ("output-only", "cost-first")



@pytest.fixture
def cost_first_learned():
    """The learned check's cost-first suggestions on (both categories are off as shipped), for tests of how a rate that
    only the check finds is rewritten, whatever the shipped thresholds."""
    from scoring import learned
    saved = learned.ADD_THRESHOLDS["cost-first"]
    learned.ADD_THRESHOLDS["cost-first"] = 0.5
    learned.load_model.cache_clear()
    yield
    learned.ADD_THRESHOLDS["cost-first"] = saved
    learned.load_model.cache_clear()


def _rewrites(text):
    return [{"rule": f.rule, "rewrite": f.rewrite} for f in review(text).findings if f.rewrite and f.category in MUST_PASS]


def test_golden_rewrites_across_service_areas():
    golden = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden) >= 30 and len({g["area"] for g in golden}) >= 9
    if os.environ.get("UPDATE_GOLDEN"):
        for g in golden:
            g["rewrites"] = _rewrites(g["clause"])
        header = "".join(line for line in GOLDEN.read_text(encoding="utf-8").splitlines(True) if line.startswith("#"))
        GOLDEN.write_text(header + yaml.safe_dump(golden, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    for g in golden:
        assert _rewrites(g["clause"]) == g["rewrites"], g["clause"]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def test_every_output_only_and_cost_first_finding_in_the_corpora_gets_a_rewrite_that_passes():
    """A finding in a table row may share the suggestion made on the first row of its run
    (tests/scoring/test_fit.py); a finding whose suggestion would repeat one already made (the
    award scheme, a second rule on the same clause, or a run of one paragraph or list that differs only in the
    activity quoted) shares it; every other finding has its own."""
    checked = 0
    for path in CORPORA:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            report = review(item["text"])
            row_suggested = False
            for i, f in enumerate(report.findings):
                line = report.text[report.text.rfind("\n", 0, f.start) + 1:].split("\n")[0]
                in_row = "|" in line or "\t" in line
                if f.category not in MUST_PASS:
                    # an award row's scheme may sit on a social value finding that opens the run
                    row_suggested = row_suggested or (in_row and bool(f.rewrite))
                    continue
                if f.rewrite is None and in_row and row_suggested:
                    continue
                if f.rewrite is None and any(g.rewrite and (
                        # the award scheme, whichever award rule proposed it first
                        (f.category == "cost-first" and g.category in ("cost-first", "social-value"))
                        or (g.category == f.category and _line_of(report.text, g.start) == _line_of(report.text, f.start))
                        # care paid by the hour and by activity: one payment suggestion, pointed to
                        or (f.rewrite_on_line == g.line == f.line)
                        # a run of one paragraph or list: one suggestion quoting each activity
                        or (f.rewrite_on_line == g.line and g.category == f.category and f.match[:12].lower() in g.rewrite.lower()))
                        for g in report.findings[:i]):
                    continue  # the same suggestion was made on an earlier finding
                assert f.rewrite, (item["id"], f.rule)
                row_suggested = row_suggested or in_row
                again = [g.rule for g in review(f.rewrite).findings if g.category in MUST_PASS]
                assert not again, (item["id"], f.rewrite, again)
                checked += 1
    assert checked >= 250


@pytest.mark.parametrize(
    "clause,kept",
    [
        ("The provider will deliver 200 youth sessions per year.", ["200", "youth sessions", "per year", "Young people"]),
        ("The service will support 300 families per year.", ["300 families", "Families"]),
        ("KPI 2: 95% of referrals contacted within 48 hours.", ["95%", "48 hours"]),
        ("The provider must engage at least 150 rough sleepers per quarter.", ["150 rough sleepers", "Rough sleepers"]),
        ("Lot 1: 450 care hours per week", ["450 care hours per week"]),
        ("Health workers are paid Rs. 300 per home visit.", ["Rs. 300 per home visit"]),
    ],
)
def test_rewrites_keep_their_words_numbers_and_client_group(clause, kept):
    rewrite = review(clause).findings[0].rewrite
    for words in kept:
        assert words in rewrite, (words, rewrite)
    assert re.search(r"\((?:[^()]*)(?:scale|Scale|SWEMWBS|WEMWBS|ONS4|ASCOT|Star|records|review|reviews|questions|"
                     r"Questionnaire|Profile|completions)[^()]*\)", rewrite), rewrite


def test_award_rewrites_propose_quality_first_with_social_value_as_a_proposal_without_citing_law():
    rewrite = review("Evaluation: Price 70% / Quality 30%").findings[0].rewrite
    assert "Price 30% / Quality 70%" in rewrite and "Social value is marked within quality, at 10%" in rewrite
    assert "proposal" in rewrite.lower()  # the council sets the weights: the figures say they are a proposal
    scheme = review("The contract goes to the cheapest tender.").findings[0].rewrite  # no weights of its own
    assert "Quality 60%" in scheme and "Social value 10%" in scheme and "Price 30%" in scheme and "propos" in scheme
    # A pasteable clause carries no justification: the reasons, and any law, are in the finding's why and links
    # (which differ by country).
    assert not re.search(r"\bAct\b|\bpolicy\b|\bregulation", rewrite), rewrite
    led = [f.rewrite for f in review("Evaluation: Quality 85%, Price 15%.").findings if f.rewrite][0]
    # Already quality-led: social value is placed inside quality rather than lowering the quality weight
    assert "Quality 85%, Price 15%" in led and "Social value is marked within quality, at 10%" in led, led
    kept = review("Cost 60%, Quality 20%, Social value 20%").findings[0].rewrite
    assert "Social value 20%" in kept and "Cost 30%" in kept and "Quality 50%" in kept


# --- the right measure for the client group and the service (issue 9) ------------------------------------

def _measures_in(rewrite: str) -> set[str]:
    """Keys of the library measures a rewrite proposes: each appears as '(<short name>, <when>)'."""
    # (a measure named beside the nation's own collection: "(the landlord's own survey …; in England, Tenant …, every year)")
    return {key for key, m in measures().items()
            if any(f"{start}{m.short}{end}" in rewrite for start in ("(", "; in England, ") for end in (", ", "; in "))}


# Our own examples of each class of service (not the issue's examples).
CLASSES = [
    pytest.param(
        "# Support for unpaid carers\n\nThe service is for family carers looking after a relative at home.\n\n"
        "The provider will deliver 350 respite sessions per year.",
        "Carers who use the service", {"ascot-carer", "carers-survey"}, {"ascot"}, id="carers"),
    pytest.param(
        "## Community drug and alcohol treatment\n\nThe provider must complete 900 assessments a year.",
        "People with drug or alcohol problems who use the service", {"ndtms-completion", "treatment-outcomes-profile"},
        {"rosenberg"}, id="drug-treatment"),
    pytest.param(
        "# Leaving care support\n\nThe aim of this service is independent living: every young person leaving our care "
        "should be ready to live on their own.\n\nThe provider will offer 20 key-work sessions per month.",
        "Care leavers who use the service", {"care-leaver-accommodation"}, {"rosenberg"}, id="leaving-care-independent-living"),
    pytest.param(
        "# Stay and play for under-fives\n\nThe provider will run 250 stay and play sessions per year.",
        "Children under five and their families who use the service", {"asq3", "eyfs-gld"},
        {"school-attendance-records", "swemwbs", "wemwbs", "stirling", "ons4"}, id="under-fives"),
    pytest.param(
        "# After-school club for children aged 9-10\n\nOur aim is to improve children's wellbeing.\n\n"
        "The provider will deliver 150 club sessions per year.",
        "Children who use the service", {"stirling"}, {"swemwbs", "wemwbs", "rosenberg", "ons4"}, id="nine-to-ten-year-olds"),
    pytest.param(
        "# Befriending for older people\n\nThe provider will make 2,000 befriending calls per year.",
        "Older people who use the service", {"ascot", "ucla-loneliness"}, {"stirling", "asq3"}, id="older-people"),
    pytest.param(
        "The grant pays for about 50,000 home-delivered meals a year for 600 residents 60 years of age and older "
        "or with a disability.",
        "Residents who use the service", {"must"}, {"sustained-employment-records", "asq3", "support-plan-review"},
        id="meals-for-people-aged-60-and-over"),
    pytest.param(
        "# Lunch club\n\nThe provider will serve at least 35 congregate meals each weekday.",
        "Older people who use the service", {"must", "ascot"}, {"support-plan-review"}, id="congregate-meals"),
]


@pytest.mark.parametrize("text,who,any_of,never", CLASSES)
def test_rewrites_choose_the_measure_for_the_client_group_and_service(text, who, any_of, never):
    rewrites = output_rewrites(text)
    assert rewrites, text
    for rewrite in rewrites:
        assert rewrite.startswith(who), rewrite
        proposed = _measures_in(rewrite)
        assert proposed & any_of, (proposed, rewrite)
        assert not proposed & never, (proposed, rewrite)


def test_a_measure_the_document_names_is_used_first():
    text = ("# Wellbeing service for adults\n\nWellbeing will be measured with ReQoL at entry and every six months.\n\n"
            "The provider will deliver 400 group sessions per year.")
    for rewrite in output_rewrites(text):
        assert "(ReQoL, " in rewrite, rewrite


def test_a_named_measure_outside_the_ages_is_never_used():
    text = ("# Play service for children aged 6-9\n\nWe currently use SWEMWBS.\n\n"
            "The provider will run 300 play sessions per year.")
    for rewrite in output_rewrites(text):
        assert not _measures_in(rewrite) & {"swemwbs", "wemwbs", "rosenberg", "ons4", "stirling"}, rewrite


def test_the_section_heading_sets_the_service_when_the_clause_does_not():
    text = ("# Carers' support\n\nThe provider will deliver 120 sessions per year.\n\n"
            "# Youth service for young people aged 16-19\n\nThe provider will deliver 200 sessions per year.")
    carers, youth = output_rewrites(text)
    assert carers.startswith("Carers") and _measures_in(carers) <= {m for m in measures() if m in {
        "ascot-carer", "carers-survey", "support-plan-review", "ucla-loneliness", "wemwbs", "swemwbs"}}, carers
    assert youth.startswith("Young people"), youth


def _clause_ages(text: str, start: int):
    norm = normalize(text)
    doc = Document(norm, segment(norm))
    clause = doc.clause_at(start) or doc.clauses[0]
    heading = document_area(norm).heading_above(clause.start)
    ages = detect_ages(clause.text) or detect_ages(heading) or detect_ages(norm)
    if ages == CHILD_AGES and "early-years" in (detect_area(clause.text).key, document_area(norm).area.key):
        return UNDER_FIVE_AGES  # the bare word "children" in an early years service: its under-fives
    return ages


def test_no_rewrite_in_the_corpora_proposes_a_measure_outside_the_ages_of_its_clause():
    checked = 0
    for path in CORPORA:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            for f in review(item["text"]).findings:
                if not f.rewrite:
                    continue
                ages = _clause_ages(item["text"], f.start)
                for key in _measures_in(f.rewrite):
                    assert measures()[key].fits(ages), (item["id"], str(ages), key, f.rewrite)
                    checked += 1
    assert checked >= 250


@pytest.mark.parametrize("text", [
    # Hard negatives: "carers" that are not the unpaid carers a carers' service is for.
    "# Stay and play\n\nThe library will run 60 sessions per year for parents and carers of toddlers.",
    "# Fostering service\n\nThe provider will recruit 40 foster carers per year.",
])
def test_parents_and_carers_or_foster_carers_are_not_a_carers_service(text):
    for rewrite in output_rewrites(text):
        assert not _measures_in(rewrite) & {"ascot-carer", "carers-survey"}, rewrite


def test_in_a_homecare_specification_carers_are_care_workers():
    text = ("# Home care (domiciliary care) service\n\nThe provider will deliver home care to people at home, "
            "with personal care and reablement.\n\nCarers will deliver 2,000 care visits per week.")
    for rewrite in output_rewrites(text):
        assert not _measures_in(rewrite) & {"ascot-carer", "carers-survey"}, rewrite


def test_the_outcomes_star_is_worded_as_a_keyworker_tool_not_a_scale():
    text = "# Floating support\n\nThe provider will deliver 5,000 hours of floating support per year."
    rewrites = [r for r in output_rewrites(text) if "Outcomes Star" in r]
    for rewrite in rewrites:
        assert "Outcomes Star readings agreed by the person and their keyworker" in rewrite, rewrite
        assert "Outcomes Star scale" not in rewrite


def test_a_service_for_under_fives_is_read_as_early_years_from_its_ages_alone():
    text = "Toddler group for children aged 1 to 3: the provider will deliver 200 sessions per year."
    for rewrite in output_rewrites(text):
        assert _measures_in(rewrite) & {"asq3", "eyfs-gld"}, rewrite
        assert "school attendance" not in rewrite


def test_a_rewrite_never_quotes_a_suppression_marker_back():
    """Pasted back into the draft, a quoted `tender-coach: ignore` would switch checks off there."""
    text = "The provider will deliver 300 sessions per year tender-coach: ignore fair-work"
    rewrites = [f.rewrite for f in review(text).findings if f.rewrite]
    assert rewrites and not any("tender-coach" in r for r in rewrites)


# --- a pasteable quote, an honest fallback, and award methods in a guide (issue 9) ------------------------

@pytest.mark.parametrize("clause,flagged,never,kept", [
    ("Sites named in Annex 4 hold 30 drop-in sessions a month.", "4 hold 30 drop-in sessions", "'4 ", None),
    ("A target of 90 per cent applies from 1 April 2031 for all outreach visits.", "2031 for all outreach visits", "'2031", None),
    ("Children aged under 5 Total number of children seen", "5 Total number of children seen", "'5 ",
     "Total number of children seen"),
    ("Key performance measure 3: Daily average occupancy", "measure 3: Daily average occupancy",
     "measure 3: Daily", "Daily average occupancy"),
])
def test_a_quote_never_starts_with_a_number_that_belongs_to_the_words_before_it(clause, flagged, never, kept):
    """The rules may flag from a number that is part of "Annex 4", a year or an age band: the quote is
    the activity phrase alone, or nothing."""
    from scoring.rewrite import rewrite
    from scoring.segment import Clause

    start = clause.index(flagged)
    text = rewrite("output-to-outcome", Clause(0, len(clause), clause, "sentence", 0), start, start + len(flagged),
                   clause, [], document_area(clause))
    assert never not in text, text
    if kept:
        assert kept.lower() in text.lower(), text


@pytest.mark.parametrize("clause,flagged,kept", [
    ("By 2031, 85% of pupils joining the scheme will have had a health check.", "% of pupils joining", "85% of pupils joining"),
    ("- 70 – 90% of all new residents should receive a welcome visit", "90% of all new residents", "70 - 90% of all new residents"),
    ("- 1.4 million visits will be made to the centres each year;", "1.4 million visits", "1.4 million visits"),
    ("A target of 42 500 people will be reached by the campaign.", "500 people will be reached", "42 500 people"),
])
def test_a_quote_keeps_the_figure_its_activity_was_given_with(clause, flagged, kept):
    """A rule may flag from a percentage sign, a scale word or the top of a range: the quote still carries
    the whole figure ("85%", "1.4 million", "70 - 90%"), never a bare "% of pupils" or "million visits"."""
    from scoring.rewrite import rewrite
    from scoring.segment import Clause

    start = clause.index(flagged)
    text = rewrite("output-to-outcome", Clause(0, len(clause), clause, "sentence", 0), start, start + len(flagged),
                   clause, [], document_area(clause))
    assert f"not a target: {kept}" in text.replace("–", "-"), text


def test_a_quote_is_the_activity_with_its_own_number_not_what_follows():
    rewrite = output_rewrites("The new service, which will support over 450 tenants at any one time, "
                               "will start on 3 June 2031.")[0]
    assert "over 450 tenants" in rewrite and "June" not in rewrite, rewrite


def test_with_no_service_area_known_only_person_defined_outcomes_are_offered():
    """A wellbeing scale or a "feel connected" question is a guess that is wrong for a screening offer or a
    transport route; the changes each person wanted fit any service. Such services keep no support plans,
    so the person is asked at the end and after (not "at each support-plan review")."""
    for clause in ("The contractor will carry out 5,000 eligibility assessments per year.",
                   "The operator will run 14 routes each school day."):
        rewrites = output_rewrites(clause)
        assert rewrites, clause
        for rewrite in rewrites:
            assert _measures_in(rewrite) == {"person-confirmed-follow-up"}, rewrite
            assert "support plan" not in rewrite
    # a standard for answering enquiries, calls or letters: whether people got what they made contact for
    rewrites = output_rewrites("The library will answer 95% of enquiries within two working days.")
    assert rewrites and all(_measures_in(r) == {"contact-follow-up"} and "support plan" not in r for r in rewrites), rewrites


def test_a_disability_service_gets_a_disability_outcome_and_keeps_its_group():
    rewrite = output_rewrites("Supported living for adults with a learning disability: the provider will "
                               "deliver 3,000 support hours per year.")[0]
    assert rewrite.startswith("Adults"), rewrite
    assert _measures_in(rewrite) & {"ascot", "support-plan-review", "sustained-employment-records"}, rewrite
    assert not _measures_in(rewrite) & {"five-ways-self-report", "swemwbs", "tenancy-records"}, rewrite


def test_disabled_children_are_never_offered_adult_or_work_measures():
    for rewrite in output_rewrites("Short breaks for disabled children aged 5-12: 800 sessions per year."):
        assert not _measures_in(rewrite) & {"ascot", "sustained-employment-records", "swemwbs"}, rewrite


def test_one_award_method_in_a_guides_list_is_rewritten_as_the_better_method_not_a_scheme():
    text = "The evaluation approaches open to buyers are:\n\n- Lowest price, where the goods are fully specified\n"
    rewrite = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite][0]
    assert rewrite.startswith("- ") and "\n" not in rewrite, rewrite
    assert "Tenders will be evaluated" not in rewrite and "Quality" in rewrite, rewrite


def test_a_one_line_award_field_keeps_its_label():
    rewrite = [f.rewrite for f in review("Lot 7 Award Criterion (price): Lowest price").findings
               if f.category == "cost-first" and f.rewrite][0]
    assert rewrite.startswith("Lot 7 Award Criterion: ") and "(price)" not in rewrite, rewrite


def test_an_award_scheme_is_suggested_once_however_many_rules_ask_for_it():
    report = review("Evaluation: price 70%, quality 30%.\n\nSocial value will not be scored in this tender.")
    rules = {f.rule for f in report.findings}
    assert {"cost-first/price-majority", "cost-first/social-value-excluded"} <= rules, rules
    schemes = [f.rewrite for f in report.findings if f.rewrite and "Tenders will be evaluated" in f.rewrite]
    assert len(schemes) == 1, schemes


def test_two_rules_on_one_clause_give_one_suggestion():
    report = review("The provider will recruit 40 volunteers to run 200 lunch club sessions a year for older people.")
    assert len(report.findings) >= 2, [f.rule for f in report.findings]
    suggestions = [f.rewrite for f in report.findings if f.rewrite]
    assert len(suggestions) == 1, suggestions


def test_volunteers_who_deliver_a_service_are_not_its_client_group():
    for clause, group in (("Volunteers will deliver 300 befriending visits per year to older people.", "Older people"),
                          ("The provider will recruit 40 volunteers to run 200 lunch club sessions a year for older people.",
                           "Older people")):
        rewrite = next(f.rewrite for f in review(clause).findings if f.rewrite)
        assert rewrite.startswith(group) and "olunteers who use" not in rewrite, rewrite


@pytest.mark.parametrize("clause,group", [
    ("All comments from library users will receive a response within one working day.", "Library users"),
    ("Paratransit: 95% of passengers will be picked up within 15 minutes of the booked time.", "Passengers"),
    ("Victims of crime will be contacted within 2 working days of referral.", "Victims of crime"),
])
def test_a_group_the_rules_need_not_know_is_still_named_in_the_rewrite(clause, group):
    """Library users, passengers and victims of crime stay who they are, not "People"."""
    rewrites = output_rewrites(clause)
    assert rewrites and all(re.match(rf"(?:[\w ]+: )?{group} who use the service", r) for r in rewrites), rewrites


def test_a_label_before_a_sentence_stays_on_its_rewrite():
    rewrites = output_rewrites("Home visits: the team will make 2,000 visits to new parents each year.")
    assert rewrites and all(r.startswith("Home visits: ") for r in rewrites), rewrites
    assert not output_rewrites("The team will make 2,000 visits to new parents each year.")[0].startswith("The team")


def _award_rewrite(text):
    return next(f.rewrite for f in review(text).findings if f.category in ("cost-first", "social-value") and f.rewrite)


@pytest.mark.parametrize("clause,kept,figures", [
    ("Bids will be marked on cost (75%) and service quality (25%), with a moderation meeting after scoring.",
     "with a moderation meeting after scoring", ["30%", "70%"]),
    ("Written responses carry 35% of the marks and the price schedule the other 65%.",
     "Written responses carry", ["70%", "30%"]),
    ("Price 55%, quality 40% and social value 5% will apply to every lot.", "will apply to every lot", ["30%", "60%", "10%"]),
])
def test_a_sentence_that_gives_its_own_weights_keeps_its_wording_with_quality_led_figures(clause, kept, figures):
    """The commissioner's sentence stays; only its figures change where they stand, to a proposal they confirm."""
    rewrite = _award_rewrite(clause)
    assert kept in rewrite and "proposal for the council to confirm" in rewrite, rewrite
    assert re.findall(r"\d+%", rewrite.split(". ")[0]) == figures, rewrite
    assert "Tenders will be evaluated" not in rewrite, rewrite


@pytest.mark.parametrize("clause,said", [
    ("Tenders will be judged on an 80% price and 20% quality split.", "on a 30% price and 70% quality split"),
    ("Bids are marked on a 60% price and 40% quality basis.", "on a 30% price and 70% quality basis"),
])
def test_an_article_before_a_changed_weight_follows_the_new_figure(clause, said):
    assert said in _award_rewrite(clause)


@pytest.mark.parametrize("clause", [
    "Tenders were scored on price (70%) and quality (30%) when the service was last bought.",  # an account of an award
    "Price 60% (including 15% for mileage) and quality 40%.",  # a sub-criterion would no longer add up
    "A price to quality ratio of 70:30 will be applied.",  # one figure for two criteria
])
def test_weights_are_not_changed_in_place_where_the_new_figures_would_misstate_or_not_add_up(clause):
    rewrite = _award_rewrite(clause)
    assert rewrite.startswith("Tenders will be evaluated"), rewrite


@pytest.mark.parametrize("line,kept,never", [
    # Several figures after the words (this year's, next year's, a target): which one is the target cannot be told, so
    # all are kept as the row gives them, none called the target (a reader saw a workload row lose all its figures).
    ("Number of lunch club sessions held 48 52 52", "number of lunch club sessions held (the row's figures: 48, 52, 52) "
     "reported as", ["held: 48", "52 52", "target: 5"]),
    # (also a row copied one cell a line, a blank line and an "N/A" cell between)
    ("Number of lunch club sessions held\n\nN/A\n\n48\n\n52\n\n52", "held (the row's figures: N/A, 48, 52, 52) reported as",
     ["held: 48", "N/A reported"]),
    # One figure among column debris (a frequency code, a quarter) is the line's own count.
    ("KPI 4 Number of befriending calls made M 1,200 Q3", "befriending calls made: 1,200 reported as", ["Q: 3", "M 1,200"]),
    # (a line closed by a bar is a row: its cells come back as cells, never quoted into a sentence)
    ("Welfare checks completed | 96% | Target: 98% |", "reported as a secondary measure, against this row's target | 96% | Target: 98% |",
     ["96%, Target", "('"]),
])
def test_a_kpi_lines_figures_and_column_debris_are_not_quoted_back(line, kept, never):
    rewrites = [f.rewrite for f in review(line, learned=True).findings if f.rewrite and f.category == "output-only"]
    assert rewrites and kept in rewrites[0] and not any(n in rewrites[0] for n in never), rewrites


def test_a_learned_finding_points_at_the_indicator_words_not_the_code_or_figures(monkeypatch):
    from scoring import learned
    # Off by default; on, it points like this. The threshold is low so that the test is about where a finding points,
    # not about how sure a retrained model is of this one invented line (the rules do not flag coffee mornings hosted;
    # "held" before its figures is a rule's count row now).
    monkeypatch.setitem(learned.ADD_THRESHOLDS, "output-only", 0.5)
    learned.load_model.cache_clear()
    try:
        found = [f for f in review("OP6 Number of coffee mornings hosted 24 30 30", learned=True).findings]
    finally:
        learned.load_model.cache_clear()
    assert [(f.rule, f.match) for f in found] == [("output-only/learned", "Number of coffee mornings hosted")], found


@pytest.mark.parametrize("line,kept,never", [
    # A bracket never closed, as a flattened table leaves a cell.
    ("HH2 No. of home help hours provided for all older people (excluding M 10,300,000",
     "home help hours provided for all older people reported as", ["(excluding", "excluding reported"]),
    # Words that need more after them, cut where the next cell began.
    ("Number of befriending visits made to older people living alone in the 2,400",
     "living alone: 2,400 reported as", ["in the:", "alone in the"]),
])
def test_a_quote_cut_off_mid_phrase_ends_on_its_last_whole_words(line, kept, never):
    rewrites = [f.rewrite for f in review(line).findings if f.rewrite and f.category == "output-only"]
    assert rewrites and kept in rewrites[0] and not any(n in rewrites[0] for n in never), rewrites


@pytest.mark.parametrize("line,kept", [
    ("Calls answered within 20 seconds | 85% | Monthly", "calls answered within 20 seconds: 85% reported as"),
    ("KPI 2 | Referrals contacted within 48 hours | 90% | Quarterly", "referrals contacted within 48 hours: 90% reported as"),
])
def test_a_line_of_cells_is_quoted_as_its_indicator_and_its_figure_not_as_the_cells(line, kept):
    rewrites = [f.rewrite for f in review(line).findings if f.rewrite and f.category == "output-only"]
    assert rewrites and kept in rewrites[0] and "| 85%" not in rewrites[0] and "| 90%" not in rewrites[0], rewrites


@pytest.mark.parametrize("clause,rate", [
    ("The provider will be paid £19.40 per hour for each home care visit.", "£19.40 per hour"),
    ("Homemaker aides are reimbursed at $15.00 - $19.00 per client per hour.", "$15.00 - $19.00 per client per hour"),
    ("Home care is paid at €28.50 an hour, billed monthly.", "€28.50 an hour"),
    ("Home care (hemtjänst) is paid at 365 kr/timme for each hour delivered.", "365 kr/timme"),
])
def test_a_home_care_rate_rewrite_keeps_the_commissioners_rate_as_the_base(clause, rate):
    """Outcome-linked payment is added to the rate the commissioner set, not written over it."""
    rewrites = [f.rewrite for f in review(clause).findings if f.rewrite and f.category in ("cost-first", "output-only")]
    assert rewrites, clause
    # one rate "stays as the base rate"; a range of rates "stay as the base rates"
    assert re.search(rf"The rates? of {re.escape(rate)} stays? as the base rates?\b", rewrites[0]), rewrites[0]
    assert "part of the payment follows the outcomes each person confirms" in rewrites[0]


def test_a_clause_paying_care_by_the_hour_and_by_activity_gets_one_suggestion_that_keeps_the_rate():
    """"We pay £21 an hour for visits" is caught as payment for activity and as an hourly rate: one problem, so one
    suggestion, and it is the care one that keeps the rate, not an activity one that drops it."""
    findings = review("The council will pay £21.75 an hour for each domiciliary care visit.").findings
    written = [f for f in findings if f.rewrite]
    assert len(findings) >= 2 and len(written) == 1, [(f.rule, f.rewrite) for f in findings]
    assert "The rate of £21.75 an hour stays as the base rate" in written[0].rewrite
    assert all(f.rewrite_on_line == written[0].line for f in findings if not f.rewrite)


@pytest.mark.parametrize("text,quotes", [
    # sentences of one paragraph
    ("The provider is paid £40 for each home visit completed. The provider is paid £25 for each phone contact made.",
     ["paid £40 for each home visit completed", "paid £25 for each phone contact made"]),
    # items of one list
    ("Performance targets\n\n- The service will deliver 200 drop-in sessions a year.\n"
     "- The service will make 900 outreach contacts a year.\n", ["200 drop-in sessions a year", "900 outreach contacts a year"]),
])
def test_a_run_of_similar_findings_in_one_paragraph_or_list_gets_one_suggestion_quoting_them_all(text, quotes):
    """Pasting near-copies of one paragraph for each sentence or item would read double: the first finding's
    suggestion quotes every activity of the run, and the others point to it."""
    findings = [f for f in review(text).findings if f.category == "output-only"]
    written = [f for f in findings if f.rewrite]
    assert len(findings) == len(quotes) and len(written) == 1, [(f.match, f.rewrite) for f in findings]
    assert all(q in written[0].rewrite for q in quotes), written[0].rewrite
    assert all(f.rewrite_on_line == written[0].line for f in findings if not f.rewrite)


def test_findings_of_one_list_that_want_different_suggestions_keep_their_own():
    """Only the quoted activity may differ: items for different people keep a suggestion each."""
    text = ("Performance targets\n\n- The service will deliver 300 home visits a year to older people.\n"
            "- The service will deliver 40 group sessions a year for young carers.\n")
    written = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert len(written) == 2, [f.rewrite for f in written]


@pytest.mark.parametrize("clause,base", [
    ("From April the spot rate for home care will rise from £18.40 to £19.05 an hour.", "The rate of £19.05 an hour stays"),
    ("The home care agency rate was increased by $1.80 an hour to cover mileage.", None),
])
def test_a_change_in_a_care_rate_is_not_kept_as_the_rate(clause, base):
    """A rise from one rate to another keeps the new rate as the base; the amount of a rise is not a rate at all."""
    rewrites = [f.rewrite for f in review(clause).findings if f.rewrite and f.category == "cost-first"]
    assert rewrites, clause
    if base:
        assert base in rewrites[0] and "£18.40" not in rewrites[0], rewrites[0]
    else:
        assert "stays as the base rate" not in rewrites[0] and "$1.80" not in rewrites[0], rewrites[0]


@pytest.mark.parametrize("clause,group_word", [
    ("Supported living for adults with a learning disability is paid at £20.10 per hour.", "outcomes agreed in their support plan"),
    ("Job coaching for disabled jobseekers is paid at $29.00 per hour.", "paid work"),  # (found by the hourly-rate rule since round 137)
])
def test_support_paid_by_the_hour_that_is_not_home_care_keeps_its_own_outcomes(clause, group_word, cost_first_learned):
    """Supported living or job coaching paid by the hour is not told about 30-minute personal-care visits."""
    rewrites = [f.rewrite for f in review(clause, learned=True).findings if f.rewrite and f.category == "cost-first"]
    assert rewrites, clause
    assert "personal care" not in rewrites[0] and "people supported at home" not in rewrites[0], rewrites[0]
    assert rewrites[0].startswith("Support is planned") and group_word in rewrites[0], rewrites[0]


def test_a_care_payment_rule_and_its_worked_example_get_one_suggestion_but_two_rates_get_two():
    example = ("Home care is commissioned in minutes and paid for in minutes. For example, if a 45 minute call "
               "lasted 30 minutes, the council would pay for 30 minutes pro rata to the hourly rate.")
    findings = [f for f in review(example).findings if f.category == "cost-first"]
    assert len(findings) == 2 and sum(bool(f.rewrite) for f in findings) == 1, [(f.rule, f.rewrite) for f in findings]
    rates = "Weekday home care is paid at £20.10 per hour. Weekend home care is paid at £23.40 per hour."
    written = [f.rewrite for f in review(rates).findings if f.rewrite]
    assert len(written) == 2 and "£20.10" in written[0] and "£23.40" in written[1], written


def test_a_record_of_what_was_discussed_is_not_rewritten_to_say_something_else_was_discussed():
    rewrites = [f.rewrite for f in review("At the meeting, Members discussed the 70% price, 30% quality criteria.").findings
                if f.rewrite and f.category == "cost-first"]
    assert rewrites and all("discussed the 30% price" not in r for r in rewrites), rewrites


def test_a_learned_find_in_a_rate_row_written_the_nordic_way_is_a_care_payment_not_an_award_scheme():
    """"Söndag 412 kr/h" is an hourly care rate: its suggestion links part of the payment to outcomes, it does not
    propose a tender weighting."""
    from scoring.learned import rule_for
    assert rule_for("cost-first", "Söndag 412 kr/h").rewrite == "homecare-outcomes"
    assert rule_for("cost-first", "Lauantai 48,20 €/h").rewrite == "homecare-outcomes"
    assert rule_for("cost-first", "Price 60%, Quality 40%").rewrite == "award-quality-first"


def test_a_rate_row_whose_unit_sits_in_another_cell_comes_back_as_the_same_row(cost_first_learned):
    """"| Day support | £18.00 | per hour |": the amount and its unit are two cells; the row keeps both as written,
    rather than turning into a paragraph with no rate in it; the outcome-linked part is said once, on a line under the
    rows, not pasted into each rate's cell, and no mark is added to the price cell. Pasted back, the rows and the line
    under them are not flagged again."""
    table = "| Service | Rate | Unit |\n|---|---|---|\n| Day support | £18.00 | per hour |\n| Sitting service | £16.40 | per hour |\n"
    written = [f.rewrite for f in review(table, learned=True).findings if f.rewrite and f.category == "cost-first"]
    assert written, "the learned check no longer finds these rate rows"
    rows = written[0].split("\n")
    assert rows[0] == "| Day support | £18.00 | per hour |", rows
    assert "| Sitting service | £16.40 | per hour |" in rows, rows
    assert rows[-1].startswith("These rates stay the base rates, with part of the payment linked to whether"), rows
    assert sum(r.startswith(("This rate", "These rates")) for r in rows) == 1, rows
    pasted = "| Service | Rate | Unit |\n|---|---|---|\n" + written[0]
    assert not [f.rule for f in review(pasted, learned=True).findings if f.category in ("output-only", "cost-first")]


def test_a_rate_table_by_the_day_or_quarter_hour_keeps_its_rows_and_links_the_rate_in_force(monkeypatch):
    """A rate sheet whose unit is its own cell ("| Night |", "| 15 Minutes |") and whose header dates its columns
    ("FY2025 Rate", "FY2026 Rate Effective 07/01/2025") comes back row by row: the later rate, the last column,
    is marked as the base and the earlier one stays as it was, the outcome part said under the rows; a rate column that
    says "Negotiated" keeps its word with the payment rule beside it. None of them turns into a paragraph that drops the
    row's cells."""
    table = ("| Support | Code | Unit | FY2025 Rate | FY2026 Rate Effective 07/01/2025 |\n|---|---|---|---|---|\n"
             "| Overnight respite in the home | R210 | Night | $142.50 | $151.75 |\n"
             "| Supported employment coaching | E415 | 15 Minutes | $9.80 | $10.45 |\n"
             "| Shared living placement | S330 | Day | Negotiated | Negotiated |\n")
    from scoring import learned

    def every_row(doc, _rules_hits, model=None):  # the check reads each row as a rate: this tests how rows come back
        return [(c.start, c.end, "cost-first", 0.99) for c in doc.clauses if c.kind == "row" and "| S" not in c.text[:2]
                and ("$" in c.text or "Negotiated" in c.text)]
    monkeypatch.setattr(learned, "learned_hits", every_row)
    written = [f.rewrite for f in review(table, learned=True).findings if f.rewrite and f.category == "cost-first"]
    lines = [r for w in written for r in w.split("\n")]
    rows = [r for r in lines if r.startswith("| ")]
    assert len(rows) == 3 and all(r.endswith(" |") and r.count(" | ") == 4 for r in rows), lines
    night, quarter, placement = rows
    assert night == "| Overnight respite in the home | R210 | Night | $142.50 | $151.75 |", night
    assert quarter == "| Supported employment coaching | E415 | 15 Minutes | $9.80 | $10.45 |", quarter
    # each row's own sentence under it: respite at home is not measured by moving closer to work because the sheet
    # also prices job coaching
    rider = lines[lines.index(night) + 1]
    assert rider.startswith("This rate stays the base rate, with part of the payment linked to whether the people "
                            "supported say"), lines
    assert "closer to work" not in rider, rider
    assert placement.startswith("| Shared living placement | S330 | Day | Negotiated | Negotiated, with part of the payment "
                                "linked to whether "), placement


def test_rate_lines_whose_cells_have_no_leading_bar_each_keep_their_own_rate(monkeypatch):
    # Both lines are the learned check's to find; the threshold is lowered so that this tests how the rewrite
    # keeps each line's rate, not how sure the model of the day is about the second line.
    from scoring import learned
    monkeypatch.setitem(learned.ADD_THRESHOLDS, "cost-first", 0.5)
    learned.load_model.cache_clear()
    lines = "Agreed home care rates:\nHome care (personal care) | £21.50 | per hour |\nHome care (domestic help) | £18.20 | per hour |\n"
    try:
        written = [f.rewrite for f in review(lines, learned=True).findings if f.rewrite and f.category == "cost-first"]
    finally:
        monkeypatch.undo()
        learned.load_model.cache_clear()
    lines = [row for w in written for row in w.split("\n")]  # the two rows, as one suggestion for the run or one each
    rows = [r for r in lines if "|" in r]
    assert rows == ["Home care (personal care) | £21.50 | per hour |", "Home care (domestic help) | £18.20 | per hour |"], written
    assert [r for r in lines if "|" not in r] and all(r.startswith(("This rate", "These rates")) for r in lines if "|" not in r)


def test_a_rate_by_the_minute_is_not_kept_as_a_base():
    rewrites = [f.rewrite for f in review("Home care is paid by the minute, at £0.32 per minute.").findings
                if f.rewrite and f.category == "cost-first"]
    assert rewrites and all("stays as the base rate" not in r for r in rewrites), rewrites


@pytest.mark.parametrize("clause,label", [
    ("KPI 3 - 90% of new referrals contacted within two working days, including weekends.", "KPI 3 - "),
    ("Lot 4 – Minimum 12 units of supported accommodation for young parents with support needs", "Lot 4 "),
])
def test_a_numbered_label_set_off_by_a_dash_stays_at_the_front_and_out_of_the_quote(clause, label):
    """"KPI 3 - 90% of …" is KPI 3's 90%, not a range from 3 to 90%."""
    rewrites = output_rewrites(clause)
    assert rewrites and rewrites[0].startswith(label), rewrites
    assert "3 - 90%" not in rewrites[0] and "4 – Minimum" not in rewrites[0], rewrites


def test_the_ages_the_commissioner_gave_the_group_stay_with_it():
    rewrite, = output_rewrites("The provider will run 80 mentoring sessions a term for young people aged 14 – 18.")
    assert rewrite.startswith("Young people aged 14 to 18 who use the service"), rewrite


def test_a_quote_that_starts_inside_a_bracket_does_not_carry_its_closing_bracket():
    rewrite, = output_rewrites("The provider shall ensure that at least sixty percent (60%) shall be used to serve "
                                "residents aged 18 to 25.")
    assert "60%)" not in rewrite and ": 60% shall be used to serve" in rewrite, rewrite


def test_a_time_limit_in_a_list_of_duties_is_quoted_with_the_duty_it_is_for():
    """"within 2 days of intake" alone does not say what must happen by then."""
    rewrite, = output_rewrites("Specification:\n\n4. Complete an initial needs assessment within three (3) days of intake.")
    # a duty in a numbered list comes back as one duty of the list, keeping what must happen and by when
    assert rewrite.startswith("4. Work with "), rewrite
    assert "the commitment to complete an initial needs assessment within 3 days of intake kept as a secondary measure" \
        in rewrite, rewrite


def test_a_number_that_names_a_route_or_ward_is_not_quoted_as_the_lines_count():
    """"... in Ward 7" is which ward, not a count of 7: quoted as "Ward: 7" it reads as a target."""
    rewrite, = output_rewrites("Number of clients supported in Ward 7")
    assert "in Ward 7 reported as" in rewrite and "Ward: 7" not in rewrite, rewrite


def test_year_columns_run_together_by_a_flattened_copy_are_not_quoted_as_a_count():
    """"Number of clients served 1204118312901344" is four years' figures with their spaces lost: quoting it as
    one count reads as garble; a real count keeps its figure."""
    fused, = output_rewrites("Number of clients receiving day services 1204118312901344")
    assert "1204118312901344" not in fused and "number of clients receiving day services" in fused
    real, = output_rewrites("Number of clients receiving day services 1,204")
    assert "number of clients receiving day services: 1,204" in real


def test_a_figure_cut_short_by_the_reading_window_is_not_kept_as_the_rows():
    """A row's figures one a line, each padded wide: what is read of the last line is not quoted as a figure ("1")."""
    text = "Number of classes held\n" + "\n".join([" " * 55 + "1,500"] * 8)
    rewrite, = output_rewrites(text)
    assert "(the row's figures: 1,500, 1,500, 1,500)" in rewrite and "1,500, 1)" not in rewrite, rewrite


def test_the_ages_a_count_is_for_stay_whole_in_its_quote():
    """"for children aged 3 and 4" is one group: the quote kept as a secondary measure does not stop at its "and"."""
    rewrite, = output_rewrites("The nursery will run 30 play sessions a week for children aged 3 and 4.")
    assert "30 play sessions a week for children aged 3 and 4." in rewrite, rewrite
    rewrite, = output_rewrites("The club will run 12 groups for pupils in Years 5 and 6, and 4 parent sessions.")
    assert "12 groups for pupils in Years 5 and 6" in rewrite, rewrite


def test_a_group_named_in_the_singular_is_made_plural_as_english_does():
    rewrite, = output_rewrites("The provider will make 300 home visits a month to each beneficiary.")
    assert rewrite.startswith("Beneficiaries who use the service") and "beneficiarys" not in rewrite.lower()


@pytest.mark.parametrize("clause", [
    "Agencies that deliver more than 100% of contracted sessions each quarter will receive an incentive payment of 5%.",
    "Providers that deliver fewer than 90% of contracted sessions will see a reduction in payment of 2% for that quarter.",
])
def test_an_activity_target_with_money_on_it_is_rewritten_as_a_payment_on_outcomes(clause):
    rewrite, = output_rewrites(clause)
    assert rewrite.startswith("Part of the payment is linked to outcomes"), rewrite


def test_a_second_standard_joined_to_the_first_is_kept_in_the_quote():
    rewrite, = output_rewrites("Waiting times: 80% of people referred should start support within 4 weeks of referral, "
                                "and 98% should start within 12 weeks.")
    assert "4 weeks of referral, and 98% should start within 12 weeks" in rewrite, rewrite


def test_an_hourly_rate_for_a_custody_service_keeps_its_rate_and_gets_the_services_own_outcome_not_home_care():
    text = ("Appropriate Adult Service for children and vulnerable adults in police custody\n"
            "The service will run at all hours.\nThe contracted hourly rate for this service will be 29.50 per hour.")
    written = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert written, review(text).findings
    for rewrite in written:
        assert "29.50 per hour stays" in rewrite and "appropriate adult" in rewrite, rewrite
        assert "NICE" not in rewrite and "travel time" not in rewrite and "support plan" not in rewrite, rewrite


@pytest.mark.parametrize("text", [
    "Sex offender treatment providers will be paid $85 per hour of group treatment.",
    "Providers of treatment for people on probation will be paid $40.00 per hour of counselling.",
])
def test_an_hourly_rate_for_offender_treatment_gets_the_justice_services_outcome_not_home_care(text):
    written = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert written, review(text).findings
    for rewrite in written:
        assert re.search(r"\$\d+(?:\.\d\d)? per hour stays", rewrite), rewrite
        assert "travel time" not in rewrite and "support plan" not in rewrite and "at home" not in rewrite, rewrite
        assert re.search(r"offend|probation|prison", rewrite), rewrite


def test_a_payment_cut_on_a_waiting_time_keeps_the_time_as_a_standard_not_as_activity_payments():
    rewrite, = output_rewrites("Providers with a median wait from referral to first appointment of more than 15 working days "
                                "will have their quarterly payment reduced by 3%.")
    assert "Activity payments" not in rewrite, rewrite
    assert "The time standard stays as a service standard (now: median wait from referral to first appointment of more than 15 " \
           "working days)" in rewrite, rewrite


def test_a_second_count_joined_to_the_first_is_kept_in_the_quote_and_a_new_sentence_is_not():
    rewrite, = output_rewrites("The provider will run 120 drop-in sessions and 30 outreach events each year.")
    assert "not a target: 120 drop-in sessions and 30 outreach events each year." in rewrite, rewrite
    rewrite, = output_rewrites("The provider will run 120 drop-in sessions and 30 volunteers helped at them.")
    assert "30 volunteers" not in rewrite, rewrite
    rewrite, = output_rewrites("Under the plan, 60 respite beds and 25 crisis beds will be delivered by March.")
    assert "60 respite beds and 25 crisis beds" in rewrite, rewrite


def test_a_quote_starts_at_the_figure_not_at_the_modal_verb_before_it():
    rewrite, = output_rewrites("The service will see 70% of referrals within 5 days and 100% within 10 days; "
                                "reports are quarterly.")
    assert "outcome: 70% of referrals within 5 days and 100% within 10 days." in rewrite, rewrite


@pytest.mark.parametrize("clause,kept", [
    ("Up to 40 people will attend each session.", "not a target: Up to 40 people will attend each session."),
    ("At least 300 sessions will be delivered.", "not a target: At least 300 sessions."),
    ("The provider will deliver a minimum of 250 visits a month.", "not a target: a minimum of 250 visits a month."),
    ("Over 500 residents will attend a taster session.", "not a target: Over 500 residents will attend a taster session."),
    ("Fifteen to 20 hours of face-to-face contact a month.", "Fifteen to 20 hours of face-to-face contact a month"),
    ("A total of 400 families will receive 12 sessions of support each until March 31, 2024.", "until March 31, 2024"),
    # a quoted word keeps both its quote marks
    ("The contracted volume measure for the advice service is 'sessions'.", "is 'sessions')"),
    ("Providers will run 40 'drop-in' sessions.", "40 'drop-in' sessions."),
])
def test_a_quote_keeps_the_words_that_bound_its_figure(clause, kept):
    """'Up to 40 people' is a cap: quoted as '40 people' it would read as a target the commissioner never set; "Fifteen to
    20 hours" quoted as "20 hours" misstates the standard, "until March 31." loses its year, and "is 'sessions" leaves a
    quote mark open."""
    rewrite, = output_rewrites(clause)
    assert kept in rewrite, rewrite


@pytest.mark.parametrize("clause,label", [
    ("Output #4: 500 meals delivered each week to older people.", "Output #4: "),
    ("Performance Measure #2: The provider will deliver 120 workshops a year.", "Performance Measure #2: "),
    ("Objective 3.1: The contractor will hold 40 drop-in sessions per quarter.", "Objective 3.1: "),
    ("Output #4: Meals delivered weekly | 500", "Output #4: "),
    ("Target 4: 200 households visited", "Target 4: "),
])
def test_a_numbered_label_stays_at_the_front_of_its_rewrite(clause, label):
    """The label is how the contract refers to the line: the rewrite has to go back under it."""
    rewrite, = output_rewrites(clause)
    assert rewrite.startswith(label) and label.lower() not in rewrite[len(label):].lower(), rewrite


@pytest.mark.parametrize("clause,kept", [
    ("Reviews of kinship carers completed within 60 days will be no less than 85%.",
     "outcome: Reviews of kinship carers completed within 60 days will be no less than 85%."),
    ("- Care plans reviewed within 6 weeks: 95%", "care plans reviewed within 6 weeks: 95%"),
])
def test_a_quote_flagged_from_its_participle_keeps_the_words_it_describes(clause, kept):
    """'completed within 60 days' alone does not say what is completed."""
    rewrite, = output_rewrites(clause)
    assert kept in rewrite, rewrite


@pytest.mark.parametrize("text,first", [
    ("| Service | Rate |\n|---|---|\n| Home care (personal care) | £21.50 per hour |\n| Home care (domestic help) | £18.20 per hour |\n",
     "| Home care (personal care) | £21.50 per hour |\n"
     "| Home care (domestic help) | £18.20 per hour |\n"
     "These rates stay the base rates, with part of the payment linked to whether"),
    ("Established rates:\nHomemaker $14.00 per hour\nPersonal care $16.50 per hour\n",
     "Homemaker $14.00 per hour as the base rate, with part of the payment linked to whether"),
    # a flattened row of rates, their unit in brackets and no currency sign
    ("Home care rates 2026/27:\nHome care respite 18.20 (hourly rate) 19.13 (hourly rate)\n",
     "Home care respite 18.20 (hourly rate) 19.13 (hourly rate); each rate stays the base rate"),
])
def test_a_rate_row_or_line_comes_back_as_the_same_row_or_line_with_its_rate_kept(text, first):
    """A rate table is not rewritten as a paragraph per row: each row keeps its cells and its rate, and gains the
    outcome-linked part of the payment; the rewrite passes the checker itself."""
    rewrites = [f.rewrite for f in review(text).findings if f.rewrite and f.category == "cost-first"]
    assert rewrites and rewrites[0].startswith(first), rewrites
    assert "Care is planned" not in rewrites[0]
    for r in rewrites:
        assert not [g.rule for g in review(r).findings if g.category in ("cost-first", "output-only")], r


@pytest.mark.parametrize("text,who", [
    ("Respite for carers: £18.50 per hour", "whether carers say"),
    ("Supported living for adults with learning disabilities £19.20 per hour", "whether adults with learning disabilities say"),
    # a singular word in a rate's line names the service, not the group the rate is paid for ("a registered carer" is who
    # gives the care; a child care row is a funded place, tested on its own)
    ("| Service | Item | Rate |\n|---|---|---|\n| Home Help (per hour, for a registered carer) | HH10 | $33.07 |\n",
     "whether people supported at home say"),
])
def test_a_rates_outcome_part_names_the_outcome_and_who_it_is_for(text, who):
    """"Part of the payment linked to outcomes each person confirms" left a reader to guess which outcomes, and whose: the
    rate keeps its place, and its part names the group and the change measured."""
    rewrite = next(f.rewrite for f in review(text, learned=True).findings if f.rewrite and f.category == "cost-first")
    assert f"part of the payment linked to {who} " in rewrite and "each person confirms" not in rewrite, rewrite
    assert "have been met" in rewrite, rewrite


def test_a_care_rate_names_a_concrete_outcome_as_the_example_for_its_own_group_only():
    """"Their agreed support-plan outcomes" names none: care at home gives staying in one's own home as the example; a rate
    for carers, whose own outcomes are not about staying at home, gets no such example."""
    home = next(f.rewrite for f in review("Home help $18.20 per hour").findings if f.rewrite)
    assert "for example that they stay living in their own home for as long as they want to (" in home, home
    carers = next(f.rewrite for f in review("Respite for carers: £18.50 per hour").findings if f.rewrite)
    assert "whether carers say" in carers and "own home" not in carers, carers


def test_a_label_alone_on_the_line_above_stays_with_its_line():
    rewrite, = output_rewrites("Output #1:\nAverage number of young people served monthly: 40")
    assert rewrite.startswith("Output #1: ") and "average number of young people served monthly: 40" in rewrite, rewrite


def test_a_lines_first_word_stays_in_the_quote():
    """'Completed Post-Tests' quoted as 'Post-Tests' loses what is counted."""
    rewrite, = output_rewrites("Completed Post-Tests obtained from 6-9 year olds served: / 70%")
    assert "ompleted Post-Tests obtained from 6-9 year olds served" in rewrite, rewrite  # (a title-case label keeps its capital)


def test_each_years_figure_stays_in_the_quote():
    rewrite, = output_rewrites("The scheme will reach 400 carers in Year 1, 450 carers in Year 2, and 500 carers in Year 3.")
    assert "400 carers in Year 1, 450 carers in Year 2, and 500 carers in Year 3" in rewrite, rewrite


# --- rewrites that fit where they go (issue 9, point 3): our own examples of each class -------------------------------

@pytest.mark.parametrize("clause, starts, never", [
    pytest.param("Requirements include, but are not limited to: 1. Deliver 300 home visits each month to older people.",
                 "Requirements include, but are not limited to: 1. Work with older people", None,
                 id="lead-in-and-number-on-one-line"),
    pytest.param("Community transport\n\n5.Run 120 trips per month.", "5. ", None, id="number-run-into-its-word"),
    pytest.param("Community transport\n\n2b. Run 120 trips per month.", "2b. ", None, id="a-numbered-sub-item"),
    pytest.param("Annex B: Community transport\n4.Run 120 trips per month for residents.", "4. Work with residents", "Annex B",
                 id="a-heading-above-is-not-the-items-label"),
    pytest.param("Day service for adults with autism: the provider will deliver 2,000 hours per year.", "Adults", "Day service",
                 id="a-sentence-that-runs-on-after-its-colon-is-not-a-lead-in"),
])
def test_a_list_item_comes_back_with_its_lead_in_and_number(clause, starts, never):
    rewrite = output_rewrites(clause)[0]
    assert rewrite.startswith(starts), rewrite
    assert never is None or never not in rewrite, rewrite


def test_a_duty_with_a_cap_is_quoted_with_the_duty_and_a_shelter_gets_a_housing_outcome():
    rewrite = output_rewrites("Duties include: Provide a winter night shelter for up to 60 people per night.")[0]
    assert rewrite.startswith("Duties include: Work with "), rewrite  # one duty of the list, as the others are
    assert "the commitment to provide a winter night shelter for up to 60 people per night kept" in rewrite, rewrite
    assert "tenancy records" in rewrite, rewrite  # not the "changes that matter" fallback of a service of no known area


def test_an_escape_from_a_time_standard_is_not_quoted_as_part_of_the_activity():
    rewrite = output_rewrites("3. Hold a first home visit within ten (10) working days of referral or as agreed with "
                               "the referring social worker.")[0]
    assert rewrite.startswith("3. "), rewrite
    assert "the commitment to hold a first home visit within 10 working days of referral kept" in rewrite, rewrite
    assert "as agreed" not in rewrite, rewrite


def test_the_aim_a_clause_states_for_itself_is_measured_first_in_its_own_words():
    rewrite = output_rewrites("The provider will deliver 300 outreach sessions per year to prevent family breakdown.")[0]
    outcome = rewrite.split("The provider plans")[0]
    assert "avoid family breakdown" in outcome, rewrite
    assert outcome.index("avoid family breakdown") < outcome.index("("), rewrite  # before any library outcome
    # an aim that is not about the people served is not turned into their outcome
    other = output_rewrites("The provider will deliver 300 outreach sessions per year to prevent fraud.")[0]
    assert "fraud" not in other.split("The provider plans")[0], other


def test_a_service_of_no_known_area_names_the_group_its_document_opens_with():
    opening = ("This contract funds a community transport scheme for veterans and their partners across the borough, "
               "with drivers who know the area well.\n\n")
    assert output_rewrites(opening + "The provider will run 120 trips per month.")[0].startswith("Veterans who use"), opening
    assert output_rewrites("The provider will run 120 trips per month.")[0].startswith("People who use")


def test_a_line_that_names_its_own_group_does_not_take_the_area_of_an_unrelated_line_pasted_with_it():
    # a tenancy support line and a children's clinic line pasted together: the clinic's children get no tenancy
    paste = ("The Tenancy Support Officer will visit each new tenant within 5 working days.\n"
             "Children's clinic: 90% of children seen within 6 weeks of referral.")
    findings = [f for f in review(paste).findings if f.category == "output-only" and f.line == 2]
    assert findings, paste
    assert not re.search(r"tenanc|settled home|housing", findings[0].rewrite, re.I), findings[0].rewrite
    # a line with no group of its own still takes the document's area
    housing = output_rewrites("# Housing support for people at risk of homelessness\n\n"
                              "The provider will deliver 300 support sessions per year.")[0]
    assert re.search(r"tenanc|settled home", housing, re.I), housing


def test_the_aim_a_document_states_is_measured_first_unless_a_library_outcome_is_that_aim():
    rewrite = output_rewrites("# Home support\n\nThe service aims to help older people stay in their own homes for as long "
                               "as they wish.\n\nThe provider will deliver 300 befriending visits per year.")[0]
    assert rewrite.startswith("Older people who use the service stay in their own homes for as long as they wish ("), rewrite
    # the library's own outcome for "stay together", with its measure, is offered instead of the aim's bare words
    families = output_rewrites("# Family support\n\nThe purpose of the service is to help families stay together.\n\n"
                                "## Delivery\n\nThe provider will deliver 300 outreach sessions per year.")[0]
    assert families.startswith("Families who use the service stay safely together"), families


def test_a_field_and_its_value_comes_back_as_one_line_with_the_whole_field():
    rewrite = output_rewrites("Minimum number of places funded under the contract - 12 (including 2 emergency places)")[0]
    assert "\n" not in rewrite and "The provider plans" not in rewrite, rewrite  # a line, not a paragraph
    assert "minimum number of places funded under the contract: 12 reported as a secondary measure" in rewrite, rewrite


@pytest.mark.parametrize("clause, mental_health", [
    pytest.param("Number of Crisis rooms - 2 (two)", False, id="a-crisis-room-is-not-a-mental-health-service"),
    pytest.param("The crisis line will answer 5,000 calls per year.", True, id="a-crisis-line-is"),
])
def test_crisis_alone_does_not_make_a_mental_health_service(clause, mental_health):
    rewrite = output_rewrites(clause)[0]
    assert ("mental health" in rewrite) is mental_health, rewrite


@pytest.mark.parametrize("text, low, high", [
    pytest.param("20 children 0-4 will attend the nursery class", 0, 4, id="children-and-their-ages"),
    pytest.param("youth 12 to 17 in the evening programme", 12, 17, id="youth-and-their-ages"),
    pytest.param("children 5-10 hours a week", 0, 17, id="a-count-of-hours-is-not-an-age"),
])
def test_a_group_word_followed_by_its_ages_gives_the_ages(text, low, high):
    ages = detect_ages(text)
    assert (ages.low, ages.high) == (low, high), ages


def test_a_pre_k_class_for_under_fives_gets_a_child_development_measure():
    rewrite = output_rewrites("Programme goal: 25 children 3-4 will participate in the Pre-K classroom each year.")[0]
    assert "ASQ-3" in rewrite or "Early Years Foundation Stage" in rewrite, rewrite
    assert "say the changes that matter most" not in rewrite, rewrite  # under-fives do not "say"


def test_the_age_range_a_clause_states_stays_with_its_group():
    rewrite = output_rewrites("Each hostel must house at least 40 rescued children (ages 7-13 years).")[0]
    assert rewrite.startswith("Children aged 7 to 13 who use the service"), rewrite


# Rewrites keep the form of what they replace (issue 9, point 3): our own examples of each shape.
def _care_rewrites(text: str, learned: bool = False) -> list[str]:
    return [f.rewrite for f in review(text, learned=learned).findings if f.rewrite and f.category in MUST_PASS]


def test_a_field_whose_label_carries_a_note_in_brackets_keeps_its_figure_on_one_line():
    rewrite = output_rewrites("Lot details\nNumber of floating support hours to be purchased per month "
                               "(excludes sleep-in hours which should be funded by the landlord) - 240")[0]
    assert "\n" not in rewrite and "The provider plans" not in rewrite, rewrite
    assert "number of floating support hours to be purchased per month: 240 reported as a secondary measure" in rewrite, rewrite


def test_a_standard_with_its_figures_after_a_label_comes_back_as_one_item_with_all_its_figures():
    rewrite = output_rewrites("Transport standards\n- Pick-up and return punctuality: 92% within 10 minutes, "
                               "100% within 25 minutes.")[0]
    assert rewrite.startswith("- ") and "The provider plans" not in rewrite, rewrite
    assert "92% within 10 minutes, 100% within 25 minutes" in rewrite, rewrite
    # a KPI sentence behind a generic label is still a sentence, with its label kept in front
    kpi = output_rewrites("Crisis support\nKPI: 900 people seen in the crisis hub per quarter.")[0]
    assert kpi.startswith("KPI: ") and "900 people seen in the crisis hub per quarter" in kpi, kpi


def test_a_list_item_that_is_a_rate_per_unit_keeps_its_marker_and_its_rate():
    rewrite = _care_rewrites("Charges\n(a) $5.40 for each 15 minutes of support.\n(b) $21.60 per hour for support in the evening.")[0]
    assert rewrite.startswith("(a) $5.40 for each 15 minutes of support as the base rate"), rewrite
    assert "Care is planned" not in rewrite, rewrite


@pytest.mark.parametrize("item, kept, not_said", [
    pytest.param("- To increase respite care fees by £1.20 per hour to meet the new wage floor",
                 "- To increase respite care fees by £1.20 per hour to meet the new wage floor, with part of the payment",
                 "base rate", id="a-rise-is-not-a-base-rate"),
    pytest.param("- To set a rate for respite care of £19.40 per hour to meet the new wage floor",
                 "£19.40 per hour to meet the new wage floor; this rate stays the base rate, with part of the payment",
                 "floor as the base rate", id="words-after-the-rate-do-not-become-the-base"),
])
def test_a_rate_line_is_kept_as_written_and_its_base_is_said_of_the_rate(item, kept, not_said, cost_first_learned):
    rewrite = _care_rewrites("Fees\n" + item, learned=True)[0]
    assert rewrite.startswith("- ") and kept in rewrite, rewrite
    assert not_said not in rewrite, rewrite


def test_a_sentence_broken_over_lines_is_not_cut_at_its_line_break():
    rewrite = _care_rewrites("Payment\nThe council will\npay home care providers at a rate of £21.50 per hour for visits "
                             "set out in the Purchase of\nCare Orders issued by the brokerage team.")[0]
    assert "Purchase of as the base rate" not in rewrite and "The rate of £21.50 per hour stays" in rewrite, rewrite


@pytest.mark.parametrize("row, label", [
    pytest.param("Performance Measures <br /># of adults attending", "Performance Measures: ", id="label-cell-then-a-count"),
    pytest.param("Programme Target At least 40 adults will be supported over the course of the year", "Programme Target: ",
                 id="label-cell-run-into-its-goal"),
    pytest.param("Next Year Projected Results At least 40 adults supported", "Next Year Projected Results: ",
                 id="a-longer-label-cell"),
])
def test_a_flattened_two_cell_row_keeps_its_label_cell(row, label):
    rewrite = output_rewrites("Program outcomes\n" + row)[0]
    assert rewrite.startswith(label), rewrite


def test_a_date_before_a_sentence_is_not_a_label_cell():
    rewrites = output_rewrites("Home visits\nBeginning May 1, 2024 the provider will make 300 home visits to older people per year.")
    assert rewrites and not any(r.startswith("Beginning May") for r in rewrites), rewrites


def test_a_fee_row_split_into_sentences_comes_back_whole_with_its_rates_not_as_an_award_scheme():
    text = ("Table 2 – Proposed fees for 2026/27\n"
            "Supported Living Increase to reflect the new wage floor and employer costs. 18.40 (hourly rate) 5.10 19.34 (hourly rate)\n"
            "Day Care Increase to reflect the new wage floor. 16.20 (hourly rate) 5.10 17.03 (hourly rate)")
    rewrites = _care_rewrites(text, learned=True)
    assert rewrites and not any("Tenders will be evaluated" in r for r in rewrites), rewrites
    assert any(r.startswith("Day Care Increase to reflect the new wage floor. 16.20 (hourly rate) 5.10 17.03 (hourly rate); "
                            "each rate stays the base rate") for r in rewrites), rewrites


def test_a_time_limit_flagged_from_its_figure_is_quoted_with_the_duty_it_limits():
    from scoring.quote import their_words
    text = "2.3 Referrals\nC. Open a case for each client within five (5) business days after the home assessment is completed."
    clause = next(c for c in segment(text) if "Open a case" in c.text)
    start = text.index("5) business")
    words = their_words(clause, start, start + len("5) business days after the home assessment"))
    assert words.startswith("Open a case for each client within five (5) business days"), words


_ONE_CELL_A_LINE = ("Schedule 4: Performance indicators\nIndicator\nTarget\nFrequency\n"
                    "Number of older people attending lunch clubs\n200\nMonthly\n"
                    "Number of befriending visits made\n1,500\nQuarterly\n")


def test_a_table_flattened_one_cell_a_line_keeps_each_indicators_own_figure_and_frequency():
    """A stored copy that puts each cell on its own line: the indicator's count is on the next line, not lost."""
    written = [f.rewrite for f in review(_ONE_CELL_A_LINE).findings if f.rewrite and f.category == "output-only"]
    assert len(written) == 2, written
    assert "attending lunch clubs: 200 monthly reported as a secondary measure" in written[0], written[0]
    assert "befriending visits made: 1,500 quarterly reported as a secondary measure" in written[1], written[1]


def test_two_figures_below_an_indicator_are_not_guessed_between():
    """A baseline and a target (or two years) one a line: which is the target is not guessed, so both are kept in the
    row's order and neither is named the target."""
    doc = "Indicator\nBaseline\nTarget\nNumber of befriending visits made\n1,200\n1,500\n"
    written = [f.rewrite for f in review(doc).findings if f.rewrite and f.category == "output-only"]
    assert written and all("(the row's figures: 1,200, 1,500)" in w and "made: 1," not in w for w in written), written


@pytest.mark.parametrize("clause", [
    "Case management services for families are reimbursed at $14.20 per 15-minute unit.",
    "Parent education is reimbursed at $9.50 per 15-minute unit of home visiting.",
])
def test_a_family_service_billed_in_units_is_not_rewritten_as_home_care(clause):
    """A 15-minute billing unit names no service, and parent education and home visiting are family services:
    their payment suggestion speaks of support for families, not of care at home."""
    written = [f.rewrite for f in review(clause).findings if f.rewrite and f.category == "cost-first"]
    assert written, clause
    assert all(w.startswith("Support is planned") and "supported at home" not in w and "NICE" not in w for w in written), written



@pytest.mark.parametrize("clause,rate", [
    ("The board is asked to approve a $52 per day rate for emergency foster care placements.", "$52 per day"),
    ("Supported lodgings for care leavers are funded at £410 per week.", "£410 per week"),
    # A rate named by its period, its sum after it.
    ("The daily payment rate for respite care is $95.", "$95 per day"),
])
def test_a_day_or_week_rate_keeps_its_rate_and_is_not_told_about_home_care_visits(clause, rate):
    """A rate for a day, a night or a week of a placement (cost-first by convention 7) buys time, but not visits at
    home: its suggestion keeps the clause's own rate as the base, and says nothing of visit lengths or travel time."""
    written = [f.rewrite for f in review(clause).findings if f.rewrite and f.category == "cost-first"]
    assert written, clause
    for w in written:
        assert f"The rate of {rate} stays as the base rate" in w, w
        assert "NICE" not in w and "travel time" not in w and "minutes" not in w, w

@pytest.mark.parametrize("clause,rates", [
    ("Residential and dementia residential care: increase the rates paid by 5% to £702.10 per week and £811.45 per week.",
     "£702.10 per week and £811.45 per week"),
    ("Supported lodgings for care leavers are funded at £395 per week for standard placements and £440 per week for "
     "enhanced placements.", "£395 per week for standard placements and £440 per week for enhanced placements"),
    # the rates a rise brings, after the size of the rise, each with the ages it is for
    ("From January the foster care allowance will increase by €20 per week, up to €330 per week for children aged under 12 "
     "and €360 per week for those over 12.", "€330 per week for children aged under 12 and €360 per week for those over 12"),
])
def test_day_or_week_rates_set_side_by_side_are_all_kept(clause, rates):
    """A decision that sets two weekly rates in one line keeps both, each with what it is for: a base of the first
    alone would silently drop a rate the council set."""
    written = [f.rewrite for f in review(clause).findings if f.rewrite and f.category == "cost-first"]
    assert written, clause
    assert all(f"The rates of {rates} stay as the base rates" in w for w in written), written


def test_a_ceiling_stays_a_ceiling_not_a_base_rate():
    """"Up to £640 a week" caps what is paid; the suggestion keeps it as the limit it is."""
    written = [f.rewrite for f in review("Band 2: weekly care costs up to £640.00").findings
               if f.rewrite and f.category == "cost-first"]
    assert written
    assert all("The limit of £640.00 per week stays" in w and "base rate" not in w for w in written), written

def test_a_figure_with_a_decimal_point_is_kept_in_the_quote_not_taken_for_a_section_number():
    """'2.5 hours per week' opens with what looks like a clause number ('2.5'), but its unit follows: the figure the
    funder set stays in the quoted activity."""
    written = [f.rewrite for f in review("The club must operate 2.5 hours per week for 39 weeks.").findings
               if f.rewrite and f.category == "output-only"]
    assert written and all("target: 2.5 hours per week" in w for w in written), written


# --- quotes are whole phrases (issue 9, point 3) ---------------------------------------------------------------

def _quoted(text: str, flagged: str) -> str | None:
    from scoring.quote import their_words
    clause = next(c for c in segment(text) if flagged in c.text)
    start = text.index(flagged)
    return their_words(clause, start, start + len(flagged))


@pytest.mark.parametrize("text, flagged, whole", [
    ("Of the 1,240 referrals to specialist housing and tenancy support services received this year, 91% were seen within a week.",
     "1,240 referrals", "1,240 referrals to specialist housing and tenancy support services received this year"),
    ("- Average weekly number of children in foster and kinship care placements in each quarter;",
     "Average weekly number of children", "Average weekly number of children in foster and kinship care placements in each quarter"),
    ("The trust will complete 600 assessments of adults with learning disabilities and autism in the first year.",
     "600 assessments", "600 assessments of adults with learning disabilities and autism in the first year"),
    ("3. Number of carers offered respite and short breaks during the grant period;",
     "Number of carers offered", "Number of carers offered respite and short breaks during the grant period"),
])
def test_an_and_inside_the_activity_phrase_does_not_cut_the_quote(text, flagged, whole):
    """"drug and alcohol services", "foster and kinship care": the quote keeps the whole noun phrase."""
    assert _quoted(text, flagged).rstrip(".") == whole


@pytest.mark.parametrize("text, flagged, cut", [
    ("The provider will deliver 40 workshops and the council will review attendance each quarter.", "40 workshops", "40 workshops"),
    # (a second count of the same kind joined by "and" is the same target, kept whole: its figure is not lost)
    ("Deliver 40 group sessions and 20 drop-in clinics a year.", "40 group sessions", "40 group sessions and 20 drop-in clinics a year."),
    ("Deliver 40 group sessions and 20 volunteers helped run them.", "40 group sessions", "40 group sessions"),
    ("The board may designate 12 providers as underperforming and recover, withhold or reduce their grant.",
     "12 providers", "12 providers as underperforming"),
])
def test_an_and_that_starts_a_new_clause_or_count_still_ends_the_quote(text, flagged, cut):
    assert _quoted(text, flagged) == cut


@pytest.mark.parametrize("text, flagged", [
    ("Number of young people supported by the Kinship Carers Development Fund referred to specialist services by the school "
     "nursing team during the contract period following an assessment;", "Number of young people supported"),
    ("The number of nights of emergency accommodation provided in the quarter divided by the number of nights of emergency "
     "accommodation commissioned by the county minus the number of nights lost to repairs in the quarter", "The number of nights"),
    ("Serve 250 households per fiscal year by providing tenancy sustainment visits as recorded in the monthly case management "
     "returns as defined in Schedule 3 of this Agreement.", "Serve 250 households"),
])
def test_a_long_activity_phrase_is_shortened_at_a_phrase_break_with_an_ellipsis_never_mid_word(text, flagged):
    words = _quoted(text, flagged)
    assert words and len(words) <= 142 and words.endswith(" …"), words
    assert text.startswith(words[:-2]) or words[:-2] in text, words
    following = text[text.index(words[:-2]) + len(words[:-2]):]
    assert following[:1] in (" ", ",", ";", ":"), (words, following)  # ended at a word's end
    assert not re.search(r"\b(?:of|by|the|to|in|and|minus|divided)$", words[:-2]), words


def _sentence_rewrite_of(text: str) -> list[str]:
    return [f.rewrite for f in review(text).findings if f.rewrite and f.category == "output-only"]


@pytest.mark.parametrize("words, kept", [
    ("3 groups", ""), ("15 Lots", ""), ("two phases", ""), ("4 years", ""), ("28 days", ""), ("5 working days", ""),
    ("2,600 groups", "2,600 groups"),
    ("Funding for output based provision aims to promote the efficiency", ""),
    ("The funding is allocated to produce the output", ""),
    ("grant payments are intended to cover the number of sessions", ""),
    ("divided by the number of participants who are active on the last day", ""),
    ("and 20 workshops for parents", ""),
    ("2 Conducting quarterly meetings of the parish health forum Rs.", "Conducting quarterly meetings of the parish health forum"),
    ("Organising monthly outreach clinics for new mothers USD", "Organising monthly outreach clinics for new mothers"),
    ("40 group sessions for carers", "40 group sessions for carers"),
    ("payment amount for each month a case is open", "payment amount for each month a case is open"),
])
def test_a_fragment_that_is_not_the_activity_is_not_quoted(words, kept):
    """A count of the document's own parts, a funding rule, the second half of a ratio: the sentence is worded
    without a quote. A currency cut from its amount and a row's serial number are left out of the quote."""
    from scoring.rewrite import _clean_quote
    assert _clean_quote(words) == kept


def test_a_sentence_whose_only_figure_counts_lots_gets_no_quoted_activity():
    from scoring.rewrite import rewrite
    text = "The day opportunities service will be divided into four (4) lots with a total of nine (9) zones across the borough."
    clause = segment(text)[0]
    start = text.index("4) lots")
    written = rewrite("output-to-outcome", clause, start, start + len("4) lots"), text, [], document_area(text))
    assert "not a target:" not in written and "activity is reported as a secondary measure" in written, written


# --- a row keeps its cells and figures -------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["85%", "92.5% (TARGET)", "Monthly", "N = 120\nD = 150"])
def test_a_row_keeps_a_percentage_frequency_or_ratio_target_as_written(target):
    from scoring.fit import Place, outcome_row, row_activity
    place = Place("row", cells=("4", "Number of tenancy visits completed on time", target, "71%"),
                  header=("Ref", "Measure", "Target", "Result Q1"))
    row = outcome_row(place, outcome="Tenants keep their home", measure="tenancy records, at 12 months",
                      activity=row_activity(place), baseline="An agreed improvement")
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    assert len(cells) == 4 and cells[0] == "4" and cells[2] == target.strip() and cells[3] == "71%", row
    assert "number of tenancy visits completed on time reported as a secondary measure" in cells[1], row


def test_a_row_with_a_count_target_still_gets_the_outcomes_target_wording_with_the_count_kept():
    from scoring.fit import Place, outcome_row, row_activity
    place = Place("row", cells=("Number of befriending visits made", "1,500"), header=("Indicator", "Target"))
    row = outcome_row(place, outcome="People feel less lonely", measure="UCLA scale", activity=row_activity(place),
                      baseline="An agreed improvement")
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    assert cells[1].startswith("An agreed improvement") and "1,500" in cells[1], row


@pytest.mark.parametrize("text, kept", [
    ("Performance measures:\n1. 95 % of tenants who report during the first call that they have no working heating or hot "
     "water shall be visited by at least one qualified engineer on the same day;", "at least one qualified engineer"),
])
def test_a_quote_is_not_cut_before_the_time_limit_or_floor_its_target_is_about(text, kept):
    """A quote a little over the usual length stays whole when a cut would drop its time limit or its floor:
    "95 % of tenants who report … shall be visited …" says nothing of who must visit, or how soon."""
    [written] = [f.rewrite for f in review(text).findings if f.category == "output-only"]
    assert kept in written and "…" not in written, written


def test_a_long_row_activity_is_shortened_at_a_phrase_break_not_mid_word():
    from scoring.fit import Place, row_activity
    long = ("The number of hours of volunteering in the quarter divided by the number of hours of volunteering funded by "
            "the grant minus the number of hours of paid induction in the quarter")
    words = row_activity(Place("row", cells=("", long, "80%"), header=()))
    assert len(words) <= 142 and words.endswith(" …") and long.lower().startswith(words[:-2].lower()), words
    assert long[len(words) - 2:][:1] == " ", words


# --- the document's nation ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, nation", [
    ("Waiting times published by Public Health Scotland for each Integration Joint Board.", "Scotland"),
    ("NHS Lothian and Edinburgh city council commission the recovery service.", "Scotland"),
    ("Grant from the Welsh Government to Cardiff and Swansea councils.", "Wales"),
    ("The Belfast Health and Social Care Trust contracts for domiciliary care.", "Northern Ireland"),
    ("Reimbursed under the New Hampshire Medicaid state plan per 15-minute unit.", "outside the UK"),
    ("Approved by the Board of County Commissioners of Orange County.", "outside the UK"),
    ("Funded under WIOA Title I through the Department of Labor.", "outside the UK"),
    ("The Ontario Ministry funds shelters in Toronto.", "outside the UK"),
    ("Tasmania Department of Health outreach program.", "outside the UK"),
    ("Services under 45 C.F.R. Part 96 block grant.", "outside the UK"),
])
def test_publishers_states_and_provinces_place_a_document_outside_england(text, nation):
    from scoring.service_area import detect_nation
    assert detect_nation(text) == nation


@pytest.mark.parametrize("text", [
    "Kent County Council tenders domiciliary care under the Care Act 2014.",
    "A day centre in Virginia Water, Surrey.",
    "Services across County Durham and Washington, Tyne and Wear.",
])
def test_english_places_that_share_a_name_are_not_read_as_abroad(text):
    from scoring.service_area import detect_nation
    assert detect_nation(text) in (None, "England")


@pytest.mark.parametrize("text", [
    "Public Health Scotland: the recovery service will complete 300 drug and alcohol treatment episodes each quarter.",
    "The Belfast Health and Social Care Trust: the service will complete 300 drug and alcohol treatment episodes a year.",
    "Under the Rhode Island Medicaid plan the agency will complete 300 drug and alcohol treatment episodes a year.",
])
def test_a_drug_service_outside_england_is_not_offered_englands_collection(text):
    from scoring.rewrite import rewrite
    clause = segment(text)[0]
    start = text.index("300 drug")
    doc = document_area(text)
    written = [rewrite("output-to-outcome", clause, start, start + len("300 drug and alcohol treatment episodes"), text, [], doc)
               for _ in range(1)]
    written += [rewrite("output-to-outcome", clause, start, start + n, text, [], doc) for n in (9, 14, 20, 25)]
    assert all("NDTMS" not in w and "NICE" not in w for w in written), written
    assert any("drug or alcohol" in w for w in written), written


@pytest.mark.parametrize("text, flagged", [
    ("5. Number of juveniles on deferred prosecution supervised by the probation department in each year of the grant;",
     "Number of juveniles on deferred prosecution"),
    ("The county will serve 120 young offenders through the diversion programme each year.", "120 young offenders"),
    ("Total number of juvenile offenders completing community restitution hours during the contract period.",
     "Total number of juvenile offenders"),
])
def test_juveniles_in_a_justice_programme_are_young_people_with_a_youth_justice_outcome(text, flagged):
    """"Juveniles" is the American word for young people in the justice system: the rewrite names young people,
    offers staying out of the youth justice system, and no scale that is not valid under 15."""
    from scoring.rewrite import rewrite
    clause = segment(text)[0]
    start = text.index(flagged)
    written = rewrite("output-to-outcome", clause, start, start + len(flagged), text, [], document_area(text))
    assert re.search(r"(?:^|\. )(?:Young people (?:who use the service )?|Percentage of young people who )\w", written) \
        and "youth justice" in written, written
    assert "SWEMWBS" not in written and "ReQoL" not in written, written


# --- the twenty-first record's classes (issue 9, point 3): our own examples of each -------------------------------

def _rewrite_at(text: str, flagged: str, template: str = "output-to-outcome") -> str:
    """The rewrite for `flagged` in `text`, fitted to its place, as a review writes it (whatever the rules flag)."""
    from scoring.fit import place_of
    from scoring.rewrite import rewrite
    text = normalize(text)
    clauses = segment(text)
    start = text.index(flagged)
    clause = next(c for c in clauses if c.start <= start < c.end)
    place = place_of(clause, clauses, text, start)
    return rewrite(template, clause, start, start + len(flagged), text, [], document_area(text), place=place)


@pytest.mark.parametrize("text, flagged, group", [
    ("Customer standards - we will\nReturn phone calls within 2 working days", "within 2 working days", "people"),
    ("Our pledges to tenants. We will:\n- Reply to letters within 10 working days\n- Visit within 5 days",
     "within 10 working days", "tenants"),
    ("The Contractor shall:\n1. Accept referrals every weekday.\n2. Visit each family within five (5) working days of referral.",
     "working days of referral", "families"),
    ("Responsibilities of the provider\n\n(c) Complete a needs assessment with each young person within 10 days of referral.",
     "within 10 days", "young people"),
    ("Service Delivery The Contractor shall: 1. Provide carers' breaks within thirty (30) days of referral or as agreed "
     "with the social worker.", "days of referral", "carers"),
])
def test_an_item_that_reads_on_from_its_lead_in_comes_back_as_one_item_in_the_same_form(text, flagged, group):
    """Under "We will:", "The Contractor shall:" or a list of duties, an item that starts with its verb comes back as
    one item that completes the lead-in too, keeping its own words and figure as a secondary measure: not a paragraph
    with its own subject, and not an escape ("or as agreed …") called part of the commitment."""
    written = _rewrite_at(text, flagged)
    body = re.sub(r"^(?:Service Delivery The Contractor shall: )?(?:\d\. |\(c\) |- )?", "", written)
    assert body.startswith(f"Work with {group}"), written
    assert "with the commitment to " in written and flagged.split()[-1] in written, written
    assert "The provider plans" not in written and written.count(". ") <= 1, written
    assert "as agreed" not in written, written


@pytest.mark.parametrize("text, flagged", [
    ("Document Supply: 90% of requests for books will be actioned within two working days.", "within two working days"),
    ("We run a youth club on Fridays. Provide 20 sessions a year.", "20 sessions a year"),
    ("The provider will deliver 300 home visits a year.", "300 home visits a year"),
])
def test_a_label_a_sentence_or_a_subject_is_not_read_as_an_item_that_reads_on(text, flagged):
    written = _rewrite_at(text, flagged)
    assert not re.match(r"(?:\d\. )?Work with", written), written
    assert "commitment to document" not in written, written


@pytest.mark.parametrize("text, flagged, kept, ends", [
    ("Over the half-term break:\n- for most pupils, each day should include at least three hours of activities;\n"
     "- for pupils with additional needs, sessions should be adapted.", "three hours of activities",
     "- for most pupils, each day should include at least three hours of activities, so that", ";"),
    ("Each district must keep in touch with families after they leave by:\n(i) making monthly visits to the family in the "
     "first year, with the first visit within 14 days of leaving; and\n(ii) making a yearly visit after that.",
     "monthly visits", "(i) making monthly visits to the family in the first year, with the first visit within 14 days "
     "of leaving, so that", "; and"),
])
def test_an_item_that_finishes_its_lead_ins_sentence_comes_back_as_that_item_with_its_words_whole(text, flagged, kept, ends):
    """A lower-case item that finishes its lead-in's sentence keeps its marker, its conditions and figures, and the
    word that joins it to the next item; the change it is for follows its own words, not a paragraph with a fragment."""
    written = _rewrite_at(text, flagged)
    assert written.startswith(kept) and written.endswith(ends), written
    assert "The provider plans" not in written and "not a target:" not in written, written


@pytest.mark.parametrize("text, flagged, step, ends", [
    ("Outreach to rough sleepers. An applicant may be awarded at most:\n(a) One point based on a minimum target of 60% "
     "of people served who have slept rough for a year or more;\n(b) Two points based on a minimum target of 75% of "
     "people served who have slept rough for a year or more.", "75% of people served",
     "(b) Two points based on a minimum target of 75% of people served who have slept rough for a year or more, with the "
     "applicant also stating how many people who are homeless", "."),
    ("Applications are scored as follows:\n- Up to 4 points for applicants serving at least 150 households each year;\n"
     "- 8 points for applicants serving at least 300 households each year.", "at least 150 households",
     "- Up to 4 points for applicants serving at least 150 households each year, with the applicant also stating how "
     "many households it expects to", ";"),
])
def test_a_step_of_an_applicant_scoring_ladder_keeps_its_points_and_figure(text, flagged, step, ends):
    """A ladder that scores applications on a share or count served still awards its points after the rewrite: each
    step comes back as that step, points, figure and group whole, with the outcome the applicant is asked to state,
    not a paragraph calling the council's own minimum 'not a target'."""
    written = _rewrite_at(text, flagged)
    assert written.startswith(step) and written.endswith(ends), written
    assert "not a target" not in written and "The provider plans" not in written, written


@pytest.mark.parametrize("text, buyer", [
    ("The township board shall award the contract for relief services to the lowest responsible bidder. The board "
     "may reject any bid.", "board"),
    ("Ministry guidance for purchasing officers. The ministry awards service contracts to the lowest compliant bid.",
     "ministry"),
    ("Contracts are awarded to the lowest bidder after three written quotes.", "council"),
])
def test_a_proposed_weighting_is_for_the_buyer_the_document_names(text, buyer):
    """A weighting proposed in place of a lowest-price award is for the body the document names to confirm: a
    township's board or a ministry has no council; a pasted clause that names nobody keeps the usual reader's council."""
    found = [f for f in review(text).findings if f.rule.startswith("cost-first/")]
    assert found and all(f"for the {buyer} to confirm" in f.rewrite for f in found), [f.rewrite for f in found]


def test_a_measure_in_a_list_of_measures_comes_back_as_one_measure_of_the_list():
    text = ("Performance shall be measured using the following measures:\n"
            "1. Total referrals to the diversion programme in each grant year;\n"
            "2. Number of young people completing the diversion programme in each grant year;\n")
    written = _rewrite_at(text, "Number of young people completing")
    assert written.startswith("2. Percentage of young people who ") and written.endswith("reported as a secondary measure;"), \
        written
    assert "number of young people completing the diversion programme in each grant year" in written, written
    assert "The provider plans" not in written, written


@pytest.mark.parametrize("text, flagged, kept", [
    ("Sessions are paid at £15 per session for individual work and £12.50 per session for groups.", "£15 per session",
     ["£15 per session for individual work and £12.50 per session for groups", "these rates stay the base rates"]),
    ("Day opportunities fees\n- The day rate for all placements at the centre is £48.20 (excluding transport)", "day rate",
     ["The day rate for all placements at the centre is £48.20 (excluding transport)", "this rate stays the base rate"]),
    ("The list price for a one-way trip is $25.00, however the County shall pay the Contractor a reduced rate of $19.50 "
     "per one-way passenger trip for all medical trips.", "$19.50 per one-way",
     ["$25.00", "$19.50 per one-way passenger trip for all medical trips", "these rates stay the base rates"]),
    ("Fees will rise in 2026 for\nindividual trips to $22.00 and group trips to $8.75", "individual trips",
     ["for individual trips to $22.00 and group trips to $8.75"]),
])
def test_a_payment_clause_keeps_the_rates_it_pays_whole_as_the_base(text, flagged, kept):
    """The rates actually paid, with their units and exceptions, are the base the outcome-linked part is added to:
    not a clipped phrase of the clause called an 'activity payment'."""
    written = _rewrite_at(text, flagged, "payment-to-outcome")
    assert all(k in written for k in kept), written
    assert "(now: " not in written and "part of the payment linked to outcomes" in written, written
    assert not [f.rule for f in review(written).findings if f.category in MUST_PASS], written


@pytest.mark.parametrize("text, flagged", [
    ("The provider will deliver 200 sessions at a total contract value of £50,000 per year.", "200 sessions"),
    ("Providers are paid £40 for each home visit. Providers are paid £25 for each phone call.", "£40 for each home visit"),
])
def test_a_total_or_a_run_of_rates_in_one_paragraph_is_not_kept_as_one_rate(text, flagged):
    written = _rewrite_at(text, flagged, "payment-to-outcome")
    assert "stays the base rate" not in written and "stay the base rates" not in written, written


def test_a_billing_rule_stays_in_the_rewrite():
    written = _rewrite_at("The provider shall only bill for the actual number of nights guests stay at the shelter.",
                          "number of nights", "output-to-outcome")
    assert written.startswith("The provider shall only bill for the actual number of nights guests stay at the shelter; "
                              "this billing rule stays"), written
    assert not [f.rule for f in review(written).findings if f.category in MUST_PASS], written


@pytest.mark.parametrize("text, flagged, measure, never", [
    # a contact standard of a service of no known area: did people get what they made contact for
    ("Key Performance Indicators\n95% of calls answered within 20 seconds", "95% of calls", "contact-follow-up", None),
    ("We will reply to 90% of emails within 3 working days.", "90% of emails", "contact-follow-up", None),
    # a telecare or careline service: adult social care, staying independent at home first
    ("Our telecare service aims to meet these standards\nWe will answer 98% of alarm calls within 60 seconds.",
     "98% of alarm calls", "living-at-home-records", "follow-up questions to each person"),
    # a housing options service: homelessness
    ("Housing options service standards\nWe will see 90% of customers within 15 minutes of their appointment.",
     "90% of customers", "tenancy-records", "follow-up questions to each person"),
])
def test_the_service_comes_from_the_lead_in_and_a_contact_standard_gets_a_contact_outcome(text, flagged, measure, never):
    written = _rewrite_at(text, flagged)
    assert measure in _measures_in(written), written
    assert never is None or never not in written, written


@pytest.mark.parametrize("text, flagged, group", [
    ("Reach 30 Grade 10 girls attending township schools.", "30 Grade 10 girls", "girls"),
    ("The vendor will deliver 40 hot meals a week to seniors in the county.", "40 hot meals", "seniors"),
])
def test_a_group_named_as_written_is_kept(text, flagged, group):
    written = _rewrite_at(text, flagged)
    assert re.search(rf"\b{group}\b", written, re.I) and not written.startswith("People"), written


def test_a_quote_is_not_cut_at_an_abbreviations_full_stop():
    from scoring.quote import their_words
    from scoring.segment import Clause
    text = "The service will support 40 families a year from Jan. 2026 to Dec. 2027 in the borough."
    start = text.index("40 families")
    words = their_words(Clause(0, len(text), text, "sentence", 0), start, start + len("40 families"))
    assert words and "from Jan. 2026 to Dec. 2027" in words, words


def test_a_quote_never_takes_the_next_rows_words():
    """A match that runs from one flattened row into the next ("… 20 working days\nReviews We aim …") quotes its own
    row or nothing: never the neighbouring row's standard. A lead-in's match still quotes the item after it."""
    from scoring.quote import their_words
    from scoring.segment import Clause
    text = ("New claims We aim to assess these within an average of 20 working days\n"
            "Reviews We aim to complete reviews within an average of 10 working days")
    start, end = text.index("assess these"), text.index("to complete")
    words = their_words(Clause(0, len(text), text, "sentence", 0), start, end)
    assert not words or ("Reviews" not in words and "10 working days" not in words), words
    lead = "The provider will deliver:\n300 lunch club sessions a year"
    start, end = lead.index("deliver"), len(lead)
    words = their_words(Clause(0, len(lead), lead, "sentence", 0), start, end)
    assert words and words.startswith("300 lunch club sessions"), words


@pytest.mark.parametrize("clause", [
    "The provider will run 40 youth club sessions a term for young people aged 13-19.",
    "6 units of supported accommodation for young people aged 16-17 will be provided.",
    "The service will deliver 300 mentoring sessions a year for young people in the borough.",
    "Reach 20% of 11-18 year olds each year.",
])
def test_a_youth_service_that_says_nothing_of_offending_is_never_offered_youth_justice_outcomes(clause):
    """Staying out of the youth justice system is not every young person's outcome: it is offered only where the
    clause, its section or the document speaks of offending, crime or justice."""
    for start in range(4):  # whichever way a run of rows rotates the choice
        text = "\n".join([clause] * (start + 1))
        rewrites = [f.rewrite for f in review(text).findings if f.rewrite]
        assert rewrites and not any("youth justice" in r for r in rewrites), rewrites


def test_a_youth_service_for_young_people_at_risk_of_offending_may_be_offered_youth_justice_outcomes():
    rewrites = [f.rewrite for f in review("The provider will deliver 200 diversion sessions a year for young people "
                                          "at risk of offending.").findings if f.rewrite]
    assert any("stay out of the youth justice system" in r for r in rewrites), rewrites


def _rewrite_in_place(line: str, flagged: str, heading: str = "Floating support and supported accommodation") -> str:
    """The output-to-outcome suggestion for one line of a short document, fitted to its place as the engine does."""
    from scoring.fit import place_of
    from scoring.rewrite import rewrite

    doc = f"{heading}\n\n{line}\n"
    clauses = segment(doc)
    clause = next(c for c in clauses if flagged in c.text)
    start = doc.index(flagged)
    place = place_of(clause, clauses, doc, start)
    return rewrite("output-to-outcome", clause, start, start + len(flagged), doc, [], document_area(doc), place=place)


@pytest.mark.parametrize("line,flagged,marker,kept,group", [
    # a bullet that names what is bought and for whom
    ("- 8 units of supported accommodation for unaccompanied asylum-seeking children", "8 units",
     "- ", "8 units of supported accommodation for unaccompanied asylum-seeking children", "Unaccompanied asylum-seeking children"),
    # a numbered count whose value a stored copy put after a line break
    ("3. Total number of veterans to be housed during the contract year= <br />60 PERSONS", "number of veterans to be housed",
     "3. ", "60 PERSONS", "Veterans"),
    # an instruction in a lettered list
    ("b. Begin assessments within ten (10) working days of referral.", "10) working days",
     "b. ", "commitment to begin assessments within", None),
    # a measure in a numbered list, its standard in brackets kept
    ("7. Percentage of outreach visits held in people's own homes (standard: 70%);", "Percentage of outreach visits",
     "7. ", "(standard: 70%)", None),
])
def test_a_list_item_comes_back_as_one_item_with_its_own_words_kept(line, flagged, marker, kept, group):
    """A list item is not a paragraph's sentence: its suggestion is one item with the same marker, the outcome with
    its measure, and the item's own words (its count, its group, its units) kept whole as a secondary measure, not
    two sentences quoting a clipped phrase of it."""
    written = _rewrite_in_place(line, flagged)
    assert written.startswith(marker) and "\n" not in written, written
    assert kept in written.replace("–", "-"), written
    assert "secondary measure" in written and "The provider plans the service" not in written, written
    if group:
        assert written[len(marker):].removeprefix("Percentage of ").lower().startswith(group.lower()), written
    assert not review(written).findings or all(f.category not in ("output-only", "cost-first")
                                                 for f in review(written).findings), written


@pytest.mark.parametrize("text,group", [
    ("The hub will work with 40 service users with complex needs each year.", "service users with complex needs"),
    ("6 units of accommodation with round-the-clock support for Separated Migrant Young People",
     "separated migrant young people"),
    ("The scheme will house 25 disabled adults in its first year.", "disabled adults"),
    ("Mentoring for 30 young people leaving care.", "young people leaving care"),
    ("Respite for 50 young carers a year.", "young carers"),
])
def test_the_client_group_keeps_the_words_that_say_who_they_are(text, group):
    """"Separated migrant young people" are not just "young people", nor "service users with complex needs" just
    "service users": the words before and after the group that say which people it is stay with it."""
    from scoring.rewrite import _beneficiaries
    from knowledge.outcome_library import library

    assert _beneficiaries(text, "", library()["general"], None) == group


@pytest.mark.parametrize("sentence,flagged", [
    ("The contract is for a maximum of 30 beds across two districts within the county.", "30 beds"),
    ("The service will offer around 70 units of supported accommodation with move-on support into settled homes.",
     "70 units of supported accommodation"),
    ("The hostel will provide self-contained bedspaces and an office enough to support 12 individuals.", "support 12 individuals"),
])
def test_a_sentence_stating_capacity_is_kept_whole_with_the_outcome_added(sentence, flagged):
    """What a service has room for describes it; it is not a target to write over. The sentence stays as written,
    every figure kept, and the outcome the service is judged by follows it in the same sentence."""
    written = _rewrite_in_place(sentence, flagged)
    assert written.startswith(sentence[:-1] + "; success is judged by whether "), written
    assert "not a target" not in written, written


@pytest.mark.parametrize("text, kept, plural", [
    ("Home care in the county will be bought at £19.40 per hour for town areas and £20.15 per hour for rural areas.",
     "£19.40 per hour for town areas and £20.15 per hour for rural areas", True),
    ("The new framework pays personal care at an hourly rate range from £18.10 to £18.95.", "£18.10 to £18.95 an hour",
     True),
    ("The fee paid for domiciliary care will rise from £16.20 to £17.05 per hour.", "£17.05 per hour", False),
])
def test_hourly_rates_set_side_by_side_stay_together_as_the_base(text, kept, plural):
    """Two rates (town and rural) or a range are all the base the outcome part is added to, not the first alone; a rise
    from one rate to another keeps the new one."""
    [written] = [f.rewrite for f in review(text).findings if f.rule == "cost-first/hourly-rate"]
    assert kept in written, written
    assert ("stay as the base rates" in written) == plural and ("stays as the base rate" in written) != plural, written


@pytest.mark.parametrize("text, group", [
    ("Our target is that 90% of people with a learning disability have an annual health check.",
     "People with a learning disability who use the service"),
    ("The service will support 150 people living with dementia each year.", "People living with dementia who use"),
])
def test_people_named_by_what_they_live_with_keep_those_words(text, group):
    """"People" alone says nothing, but "people with a learning disability" does: the rewrite keeps the commissioner's
    group, not the service area's ("disabled people", "older people")."""
    [written] = [f.rewrite for f in review(text).findings if f.category == "output-only"]
    assert written.startswith(group), written


@pytest.mark.parametrize("told", [
    # a rate given in answer to a request for information
    "Answer 3\nThe hourly rate we pay for home care is £22.40 per hour across all providers.",
    "We can therefore confirm the following information:\na) Average £23.10 per hour for home care\nb) Lowest £19.60",
    # a price in a news report, in reported speech
    "A spokesperson said the council paid between £15 and £19 an hour for home care last year.",
    "The winning bid for the home care contract is said to be less than £11 an hour.",
    # a bidder's price, and a board's past decision, told as what happened
    "Riverside Care Ltd, Hexham, bid £18.40 per hour for 6,000 hours of home care.",
    "Valley Homecare, Corby, listed £17.90 per hour for 3,000 hours of home care.",
    "On March 3, 2019, the Board approved an amendment increasing the provider hourly rate from $13.10 to $13.60.",
])
def test_a_rate_told_as_a_fact_is_flagged_but_not_rewritten_into_contract_terms(told):
    """An FOI answer's rates or a news report's price are what is, not terms to set: a rewrite would hand the
    commissioner a contract clause with the figure made its base rate. The finding and its reason stay."""
    found = [f for f in review(told).findings if f.category == "cost-first"]
    assert found, told
    assert all(f.rewrite is None and f.rewrite_on_line is None for f in found), [f.rewrite for f in found]


@pytest.mark.parametrize("told", [
    # a body or a speaker by role told as the source
    "According to the health department, the scheme will fund 40,000 counselling sessions a year.",
    "The Minister confirmed that each hub will deliver 500 hours of therapy per quarter.",
    # news heard second hand
    "We are hearing that some branches now expect advisers to open 12 new cases a week.",
    # a quotation in the first person, and the next sentence of a speaker's quotation
    "“We remain committed to seeing 90% of children within 12 weeks of referral.",
    'As part of the statement, he says that "New funding of £2 million is provided for home visits. In the coming '
    'year, each team must carry out 300 home visits."',
    # a results table's row, its status given
    "80% of referrals seen within 10 working days\tTarget met",
    "Number of home visits completed\t1,200\tNot met",
])
def test_a_target_told_by_someone_else_is_flagged_but_not_rewritten_as_the_providers_words(told):
    """A news report, a debate or a results page that tells of an activity target: the finding stands, but a rewrite
    would turn a minister's words or a result into what "the provider" will do, which nobody could paste in its place.
    The report says why there is no rewrite."""
    found = [f for f in review(told).findings if f.category == "output-only"]
    assert found, told
    assert all(f.rewrite is None and f.rewrite_on_line is None for f in found), [f.rewrite for f in found]
    assert all(f.no_rewrite and "reports terms set elsewhere" in f.no_rewrite for f in found)


@pytest.mark.parametrize("terms", [
    "As stated in Schedule 2, the provider will deliver 300 sessions a year.",
    "The provider will deliver support according to the specification, including 200 home visits a year.",
    "The department confirms that the provider must complete 500 assessments a year.",
    "Number of home visits completed\t1,200\tQuarterly",
])
def test_a_document_speaking_or_a_buyer_answering_still_sets_terms_and_gets_its_rewrite(terms):
    found = [f for f in review(terms).findings if f.category == "output-only"]
    assert found and found[0].rewrite and found[0].no_rewrite is None, terms


@pytest.mark.parametrize("terms", [
    "Payment\nThe hourly rate we pay for home care is £22.40 per hour across all providers.",
    "Providers will be paid £23.10 per hour for home care during said contract period.",
])
def test_the_same_rate_set_as_terms_is_rewritten(terms):
    found = [f for f in review(terms).findings if f.category == "cost-first"]
    assert found and found[0].rewrite, terms


def test_an_answer_that_restates_award_criteria_still_gets_its_rewrite():
    """A tender clarification's answer sets terms ("The correct award criteria are …"): only a figure of money under
    an answer reads as told."""
    text = "Answer 2\nThe contract will be awarded on price 70% and quality 30%."
    assert any(f.rewrite for f in review(text).findings if f.category == "cost-first")


@pytest.mark.parametrize("text, flagged, whole", [
    ("The service will run 14 parenting courses with 10 parents in each group.", "14 parenting courses",
     "14 parenting courses with 10 parents in each group"),
    ("Twelve eight-week courses with up to 15 young people in each cohort.", "Twelve eight-week courses",
     "Twelve eight-week courses with up to 15 young people in each cohort"),
])
def test_how_many_people_each_course_takes_stays_in_the_quote(text, flagged, whole):
    assert _quoted(text, flagged).rstrip(".") == whole


def test_a_quote_cut_at_with_still_stops_at_a_partner_named_after_it():
    text = "The service will deliver 40 workshops with staff from partner agencies."
    assert _quoted(text, "40 workshops") == "40 workshops"


def test_a_field_keeps_its_whole_name_before_its_figure():
    """"Number of young people the project expects to work with: 300" is a field's name and its value: the
    secondary measure keeps "with", not "expects to work: 300"."""
    written = output_rewrites("Number of young people the project expects to work with: 300")
    assert written and "expects to work with: 300" in written[0], written


def test_a_school_year_group_is_never_offered_a_scale_outside_its_ages():
    """Year 6 pupils are 10 or 11: SWEMWBS and WEMWBS are validated from 13, so neither is proposed."""
    written = output_rewrites("Scope\n- Minimum of 4 days total per week face to face counselling to Year 6 pupils "
                               "across the city, managing a referral system based on highest need.")
    assert written and not any("WEMWBS" in w for w in written), written


@pytest.mark.parametrize("text", [
    "Drug prevention\n\nThe provider will run 25 alcohol and drug awareness workshops for secondary school pupils a year.",
    "Schools programme\n\n- Deliver 60 drug education sessions to pupils in Years 8 and 9 each term",
])
def test_drug_education_in_schools_is_not_measured_by_treatment(text):
    """Pupils at awareness lessons are not in treatment: no completion, re-presentation or Treatment Outcomes Profile,
    and no adult scale; the rewrite asks what pupils know and whether they put off using drugs or alcohol."""
    written = output_rewrites(text)
    assert written and "drugs and alcohol" in written[0], written
    assert not any(w in written[0] for w in ("treatment", "NDTMS", "re-present", "WEMWBS", "Outcomes Star")), written


def test_secondary_school_pupils_are_read_as_eleven_to_eighteen():
    assert (detect_ages("counselling for secondary school pupils").low, detect_ages("secondary-age students").high) == (11, 18)


@pytest.mark.parametrize("text", [
    "All providers will receive a rate of £5.20 per hour for children receiving the funded childcare offer.",
    "Nurseries will be paid £5.42 per hour for each funded 3 and 4 year old place.",
])
def test_a_childcare_rate_is_planned_around_the_childs_development_not_a_care_plan(text):
    """Funded childcare paid by the hour keeps its rate as the funding rate and names a child's development; it is not
    told about support plans, keyworkers or paid travel time, which belong to care at home."""
    [written] = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert "learning and development" in written and "funding rate" in written, written
    assert "ASQ-3" in written, written
    assert not any(w in written for w in ("support plan", "travel time", "keyworker", "Visits")), written


@pytest.mark.parametrize("text", [
    "In-home respite for family caregivers under the Family Caregiver Support Program will be paid at $30.00 per hour.",
    "Carers breaks: the respite sitting service for unpaid carers is paid at £18.50 per hour.",
])
def test_a_carers_break_paid_by_the_hour_is_measured_by_the_carers_own_quality_of_life(text):
    """Respite bought for a carer is the carer's service: its rate gets the carer's outcome (not home care's for the
    person cared for), and no visit lengths or paid travel time, which belong to care at home."""
    [written] = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert re.search(r"(?:carers|caregivers) report a better quality of life alongside caring", written), written
    assert "per hour stays as the base rate" in written, written
    assert not any(w in written for w in ("supported at home", "NICE", "travel time", "Visits")), written


def test_short_breaks_in_a_strategy_for_unpaid_carers_are_measured_by_the_carers_own_quality_of_life():
    """A carers' strategy counts its short breaks in a line that names no one: the breaks are the carers', so the rewrite
    asks for the carers' own quality of life (ASCOT-Carer), not adult social care's measure for the people cared for."""
    text = ("Strategy for unpaid carers: annual report\n\nUnpaid carers told us that a break from caring matters to them. "
            "The strategy for unpaid carers sets out how we support carers.\n\nWe will commission 4,000 short breaks next year.")
    [written] = [f.rewrite for f in review(text).findings if "4,000 short breaks" in f.match and f.rewrite]
    assert "ASCOT-Carer" in written and "social care-related quality of life" not in written, written
    assert "care and support needs" not in written, written


@pytest.mark.parametrize("text", ["IV.2.1) Award criteria\nPrice", "II.2.5) Award criteria: Lowest price"])
def test_a_notices_price_only_award_criterion_is_found_and_its_section_number_is_not_an_option_letter(text):
    """A notice's award criteria field whose only value is price is a lowest-price award, its two lines read as one
    field; the section number before it ("IV.2.1)") is not an option's letter, so the suggestion does not open on "IV."."""
    [written] = [f.rewrite for f in review(text).findings if f.rule == "cost-first/lowest-price" and f.rewrite]
    assert "quality" in written.lower() and not re.match(r"[IVX]+\.\s", written), written


def test_support_paid_by_the_hour_that_is_not_care_at_home_is_not_promised_paid_travel_time():
    [written] = [f.rewrite for f in review("Supported living providers are paid £19.80 per hour for support to people with "
                                           "learning disabilities.").findings if f.category == "cost-first" and f.rewrite]
    assert "£19.80 per hour stays as the base rate" in written and "travel time" not in written, written
    [care] = [f.rewrite for f in review("Home care providers will be paid £21.50 per hour for personal care visits.").findings
              if f.category == "cost-first" and f.rewrite]
    assert "travel time is paid" in care, care  # care at home keeps it: its workers travel between visits


@pytest.mark.parametrize("line", [
    "3 year-olds funding rate for the universal entitlement = £5.10 per hour (up 20p)",
    "Under 2's - Working Parent Entitlement £10.15",
    "2 Year Old Funding - Disadvantaged £7.70",
])
def test_an_early_years_funding_rate_line_comes_back_as_that_line_with_the_childs_progress(line):
    """A list of early education funding rates by age group: each line keeps its rate as the funding rate and adds the
    child's progress, measured for under-fives; no care plan, no visit lengths, and no paragraph per line."""
    [written] = [f.rewrite for f in review(line).findings if f.category == "cost-first" and f.rewrite]
    assert written.startswith(line.split("£")[0].strip()) and "funding rate" in written and "funded child's progress" in written, written
    assert written.lower().count("funding rate") == 1, written  # named once: the line's own words, or "as the funding rate"
    assert "ASQ-3" in written and not any(w in written for w in ("support plan", "NICE", "travel time")), written


@pytest.mark.parametrize("text", [
    "2) An increase in the rate paid to independent sector nursing homes for 2025-26 by 6.5% per week;",
    "The council will pay £850 per week for each residential care home placement.",
])
def test_a_care_homes_weekly_rate_is_not_told_about_visits_or_staying_in_ones_own_home(text):
    """A care home's rate is a week of care where people live: no 30-minute visits, no travel time, and no outcome of
    staying in one's own home."""
    [written] = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert not any(w in written for w in ("NICE", "30 minutes", "travel time", "own home")), written
    # (the outcome named: in the rate's own part, or in the care paragraph's first sentence)
    assert "paid for" in written and ("part of the payment linked to whether" in written
                                      or "for example that" in written and "each person confirms" in written), written


@pytest.mark.parametrize("line", [
    "3) Increasing the dementia rate by 6.5% per week.",
    "1) Increase independent sector home care hourly rates by 5.2%;",
])
def test_a_decision_raising_a_rate_by_a_share_keeps_the_rise(line):
    """A decision that raises a rate by a share names no new rate: the rewrite keeps the decision and its rise, with the
    outcome-linked part after it, rather than a care paragraph that would approve nothing."""
    [written] = [f.rewrite for f in review(line).findings if f.category == "cost-first" and f.rewrite]
    assert written.startswith(line.rstrip(".;")) and "part of the payment linked to whether" in written, written


def test_shared_lives_carers_are_paid_carers_not_unpaid_carers():
    """Shared Lives carers are paid to support people in their homes: the carers' survey is for unpaid carers."""
    [written] = [f.rewrite for f in review("Shared Lives carers providing long term support usually receive between £380 "
                                           "and £540 per week per person.").findings if f.rewrite]
    assert "Carers in England" not in written and "caring role" not in written and "that carers" not in written, written


@pytest.mark.parametrize("text", [
    "Year 2 threshold 8, incentive payment £900 (24/25)",
    "A financial clawback will be applied up to the value of 100% of the contract activity target.",
    "Payment is triggered at 80% and 95% of the eligible cohort vaccinated.",
    "A start-up payment of £1,500 is made in April and will be recovered if the practice does not complete 20 health "
    "checks by the end of September.",
])
def test_a_rule_that_pays_on_the_volume_reached_is_kept_as_written_with_the_outcome_part_after_it(text):
    """A threshold, a clawback or a coverage trigger keeps its own words and figures; it is not called a base rate, and
    its words are not quoted as 'activity payments' that 'become a smaller fixed element'."""
    [written] = [f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert written.startswith(text.rstrip(".")), written
    assert "base rate" not in written and "smaller fixed element" not in written and "linked instead" in written, written


def test_a_volunteer_centres_count_is_rewritten_for_its_volunteers():
    """Placements made by a volunteer centre: the change is the volunteers' own, not the catch-all question."""
    written = output_rewrites("Volunteer centre\n\nThe provider will deliver 40 volunteering taster sessions per year.")
    assert written and written[0].startswith("Volunteers") and "ONS4" in written[0], written


def test_a_pharmacy_payment_for_volumes_gets_a_health_outcome():
    """A community pharmacy service paid on reaching a volume of checks is a health service: the outcome is health after
    care, not the catch-all follow-up question."""
    written = output_rewrites("Community pharmacies must reach a threshold number of blood pressure checks provided "
                               "to trigger the incentive payment.")
    assert written and "EQ-5D" in written[0], written


def test_a_childcare_place_is_not_measured_by_social_care_records():
    """A childcare place's count is about the child's development, not whether the family needs social care."""
    written = output_rewrites("- A nursery place for 3 hours per day x 5 sessions per week x 38 weeks per year")
    assert written and "ASQ-3" in written[0] and "social care" not in written[0], written


def test_a_rate_line_run_on_into_the_next_sentence_keeps_its_own_suggestion_and_group():
    """A rate line with no full stop reads on into the next line's sentence (a stored copy's wrap): the rate keeps the
    early years line form, and the next sentence's activity payment gets its own suggestion, not a pointer to the rate's."""
    report = review("Funding rates\n3 year-olds funding rate = £5.40 per hour\nPharmacies must reach a threshold number of "
                    "blood pressure checks to trigger the incentive payment.")
    rate = next(f for f in report.findings if f.category == "cost-first")
    count = next(f for f in report.findings if f.category == "output-only")
    assert "funded child's progress" in rate.rewrite, rate.rewrite
    assert count.rewrite and count.rewrite_on_line is None, (count.rewrite, count.rewrite_on_line)


def test_an_early_years_payment_names_the_children_not_their_parents():
    """"Parents of 3 and 4 year olds" names who claims the place; the outcomes (ready for school) are the children's."""
    [written] = [f.rewrite for f in review("Parents of 3 and 4 year olds: providers will be paid £5.64 for each funded "
                                           "session of 3 hours.").findings if f.rewrite]
    assert "parents start school" not in written.lower() and "children" in written.lower(), written


@pytest.mark.parametrize("text, rate", [
    ("Shared Lives respite care will be paid at £52.00 per 24 hours for each placement.", "£52.00 per 24 hours"),
    ("Shared Lives long term support will be paid at £210.40 p/w for each arrangement.", "£210.40 p/w"),
    # a rate with no sum, paid for each night a person stays: the nights are what is paid for, not minutes of visits
    ("Shared Lives short break carers will receive a set rate for each night the person stays with them.", "nights paid for"),
    # per diems, in the plural, are a day's rate
    ("The department provides per diems to adult residential facilities for each subsidised resident.", "days paid for"),
])
def test_a_rate_per_24_hours_or_per_week_written_short_is_not_care_at_home(text, rate):
    """'per 24 hours' is a day's rate and 'p/w' a week's, and a rate 'for each night' a night's: the placement keeps its
    own rate and is not told about visit lengths or travel time."""
    written = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert written and rate in written[0] and "paid for" in written[0], written
    assert "Visits that include personal care" not in written[0] and "travel time" not in written[0], written


def test_a_shared_lives_carers_rate_is_for_the_person_who_stays_and_a_carers_service_rate_for_the_carer():
    """Shared Lives carers are paid to share their home: the rate's outcome is the person's, not a carer's own quality of
    life; in a carers' service the carer is whom the respite is for."""
    shared = review("Shared Lives service specification\n\nShort break carers will receive a flat rate for each night the "
                    "person stays with them.").findings
    [written] = [f.rewrite for f in shared if f.category == "cost-first" and f.rewrite]
    assert "Carer" not in written and "carers" not in written.lower(), written
    carers = review("Carers support service\n\nCarers will receive a flat rate for each night of respite.").findings
    [written] = [f.rewrite for f in carers if f.category == "cost-first" and f.rewrite]
    assert "carers" in written.lower(), written


def test_a_line_of_rates_under_the_service_it_pays_for_comes_back_as_that_line():
    """"Shared Lives respite care" on one line and its rates on the next: the suggestion is the rates' line, every
    rate kept, not a care paragraph keeping one of them."""
    for text, line in (("Shared Lives respite care | Provider Council Total\n£38.10 per night £14.00 per night £52.10 per night",
                        "£38.10 per night £14.00 per night £52.10 per night"),
                       ("Shared Lives long term | Placement A Placement B\n£210.40 p/w £150.20 p/w", "£210.40 p/w £150.20 p/w")):
        [written] = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
        assert written.startswith(line), written
        assert "Visits" not in written and "travel time" not in written, written


def test_a_camhs_standard_is_rewritten_for_children_and_young_people_not_adults_in_social_care():
    written = output_rewrites("## Care and support that is right for me (CAMHS standards)\n\nThe first appointment should "
                               "be as soon as possible and no later than 4 weeks.")
    assert written and "Adults" not in written[0] and "ASCOT" not in written[0], written
    assert "children and young people" in written[0].lower(), written


def test_a_jobcentre_referral_standard_is_an_employment_service():
    written = output_rewrites("3. Provider receives the referral from the Jobcentre and acknowledges it within 2 "
                               "working days.")
    assert written and "paid work" in written[0], written


@pytest.mark.parametrize("text", [
    "The direct payment rate for personal assistants is £13.50 per hour.",
    "2. Direct payment hourly rates for personal assistants be uplifted to £14.20 per hour from April.",
])
def test_a_direct_payment_rate_gets_no_provider_terms(text):
    """A direct payment is what the person is given to employ their own assistant: no visit lengths, travel time or
    outcome payments to a provider."""
    [written] = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert "30 minutes" not in written and "travel time" not in written and "payment follows" not in written, written
    assert "direct payment" in written.lower(), written


def test_a_boards_agenda_item_putting_a_rate_to_it_is_flagged_with_no_rewrite():
    """A board's agenda item ("APPROVE and AUTHORIZE … to execute a contract … at the rate of $290 per ward per day") is a
    decision put to the board: the day rate is pointed out, but a suggestion pasted over it would read as the contract's
    terms, so none is written."""
    findings = review("APPROVE and AUTHORIZE the Chief Probation Officer to execute a contract with the County of Marin for "
                      "placement of wards at the rate of $290 per ward per day.").findings
    assert [f.category for f in findings] == ["cost-first"], findings
    assert findings[0].rewrite is None, findings[0].rewrite


def test_a_meetings_minutes_about_a_rate_get_no_rewrite():
    """What a councillor said about a proposed rate is a record of the meeting: rewritten, it would read as terms."""
    findings = review("Mr J Patel CC indicated that the Cabinet had concerns with a fixed hourly rate of £22 per hour.").findings
    assert all(f.rewrite is None for f in findings), [f.rewrite for f in findings]


def test_a_shared_lives_carers_fee_is_measured_for_the_adults_they_support_not_as_a_carers_service():
    """Shared Lives carers are paid to support adults in their homes: the people whose outcomes the fee is for are those
    adults, not unpaid carers (whatever "carers" the rest of the page says once it has named them)."""
    text = ("Shared Lives carer payments\n\nPayments to carers are made every four weeks.\n\n"
            "Long-term arrangements are paid at £431.90 per week.\n")
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert written and "unpaid carers" not in written and "ASCOT-Carer" not in written, written
    assert "adults with care and support needs" in written, written


@pytest.mark.parametrize("text", [
    "Kindergarten programme hours\n\nThe teacher must deliver the kindergarten programme for a minimum of 15 hours per week.",
    "Head Start enrolment\n\nEach centre has 25 calendar days to fill a vacancy in its Head Start classes.",
    "Funded places for 3 and 4 year olds\n\nThe setting will offer at least 10 sessions of provision during the school holidays.",
])
def test_a_place_in_early_education_gets_an_early_years_outcome_not_statutory_care_or_a_holiday_club(text):
    """A nursery, kindergarten or Head Start place is not a child-protection service, and under-fives are not the
    school-age children a holiday club's questions are for."""
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert written, text
    assert "statutory social care" not in written and "holiday club" not in written and "return to school" not in written
    assert "children under five" in written.lower() or "ASQ-3" in written, written


@pytest.mark.parametrize("text", [
    "Probation performance targets\n\nKPI 3: the proportion of court reports completed in the timescale the court sets, 90 per cent.",
    "The provider will run 300 unpaid work sessions a year for people on community orders.",
])
def test_a_probation_target_is_measured_by_reoffending_not_a_generic_follow_up(text):
    """Adults on probation get their service's own outcome (no further proven offence, from reoffending records), not the
    catch-all question every service gets, and the measure is never the youth justice system's."""
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "reoffending records" in written and "people on probation" in written.lower(), written
    assert "youth justice" not in written and "changes that matter most" not in written, written


@pytest.mark.parametrize("text", [
    "Prison service key targets\n\n4. An average of at least 22 hours of purposeful activity per week for each sentenced prisoner.",
    "HMP Northfield key targets\n\n7. To ensure 85 per cent of prisoners serving six months or more are working to a resettlement plan.",
])
def test_a_prison_target_is_for_people_in_prison_with_an_outcome_after_release(text):
    """A prison's targets are rewritten for the people it holds, with what happens after release (no further offence,
    a home to go to, work), not for people on probation, nor with the catch-all question."""
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "people in prison" in written.lower(), written
    assert "people on probation" not in written.lower() and "changes that matter most" not in written, written
    assert "after release" in written or "on release" in written, written


def test_a_resettlement_service_for_people_leaving_prison_stays_with_probation():
    written = " ".join(r["rewrite"] for r in _rewrites(
        "The provider will deliver 400 resettlement sessions a year for prison leavers."))
    assert "people on probation" in written.lower() and "people in prison" not in written.lower(), written


def test_a_direct_payment_rates_page_keeps_each_rate_the_persons_own_budget():
    """On a page of direct payment rates, a row that does not say so ("Hourly rate £20.10 per hour") is still the money a
    person is given to buy their own care: it is reviewed against their support plan, never part-paid on outcomes."""
    text = ("Direct payment rates\n\nWe use these rates to work out the direct payment we give you.\n\nAgency rates\n\n"
            "Sleep-in care hourly rate £15.80 per hour\n\nLive-in care weekly rate £1,290.00 per week\n")
    written = [r["rewrite"] for r in _rewrites(text)]
    assert len(written) == 2, written
    assert all("support plan" in w and "part of the payment" not in w for w in written), written


def test_a_childcare_hourly_rate_for_the_hours_a_child_attends_gets_an_early_years_outcome():
    text = "Providers are paid a locally set hourly rate for the number of hours each eligible child attends."
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "ASQ-3" in written or "children under five" in written.lower(), written
    assert "personal care" not in written and "everyday skills" not in written, written


def test_dated_milestone_rows_keep_their_dates_and_shares_in_one_suggestion():
    """A milestone schedule's rows ("1 June 2026 40% of planned sessions delivered") keep what makes each row: its date and its
    share, quoted together in one suggestion for the run, not "planned sessions delivered" three times."""
    text = ("Milestone date / minimum performance\n1 June 2026 40% of Planned Sessions Delivered\n"
            "1 September 2026 60% of Planned Sessions Delivered\n1 March 2027 90% of Planned Sessions Delivered\n")
    written = [r["rewrite"] for r in _rewrites(text)]
    assert len(written) == 1, written
    for date, share in (("1 June 2026", "40%"), ("1 September 2026", "60%"), ("1 March 2027", "90%")):
        assert f"{date} {share} of Planned Sessions Delivered" in written[0], written[0]


def test_a_quarter_hour_rate_row_comes_back_as_the_row_with_its_figures():
    """A waiver table's row whose unit is 15 minutes ("Respite Level 1 15 minutes 420 1310 $3.15") keeps its service, unit,
    counts and rate, with the outcome part after the rate, not a home-care paragraph that drops every figure."""
    text = "Waiver service | unit | users | cost\n\nDay Habilitation Level 1 15 minutes 702 1856 $1.94\n"
    written = [r["rewrite"] for r in _rewrites(text)]
    assert written and written[0].startswith("Day Habilitation Level 1 15 minutes 702 1856 $1.94"), written
    assert "supported at home" not in written[0], written


def test_a_short_social_value_weight_in_a_scheme_that_does_not_lead_on_price_keeps_the_scheme():
    """Where only social value is under 10% and nothing in the document weights price over 30%, the suggestion moves the
    missing points to social value and keeps the commissioner's weighting, never a new scheme that weights price more."""
    text = "Quality & Delivery 46% Integration & Partnership 12% Access & Equity 14% Social Value 8% Value for money - 20%"
    written = [f.rewrite for f in review(text).findings if f.rule == "cost-first/social-value-under"]
    assert written and "Keep this weighting" in written[0] and "2 points" in written[0], written
    assert "Price 30%" not in written[0], written
    # In a price-led document the short social value weight still points to the quality-first scheme proposed for it.
    led = review("Price 70%, Quality 25%, Social value 5%").findings
    assert not any("Keep this weighting" in (f.rewrite or "") for f in led), [f.rewrite for f in led]


def test_every_target_of_a_youth_justice_service_is_measured_by_staying_out_of_the_system():
    """A document that names itself a youth justice service in its title gives each of its targets that outcome, even one
    that names only a bail assessment or a conference report, first: a wellbeing scale is not what a remand target is for.
    Its victims, though, are not the young people who offended: their targets get the outcomes they confirm themselves."""
    text = ("Youth Justice Service: key performance targets for 2026-27\n\n"
            "1. At least 90 per cent of young people remanded by the courts to have a bail assessment completed within "
            "five working days.\n\n"
            "2. Some 85 per cent of conference reports to be returned to court within statutory timescales.\n\n"
            "3. Maintain a victim attendance rate of at least 65 per cent at restorative conferences.\n")
    lines = {f.rewrite: text[text.rfind("\n", 0, f.start) + 1:][:2] for f in review(text).findings if f.rewrite}
    written = {item: rewrite for rewrite, item in lines.items()}
    assert set(written) == {"1.", "2.", "3."}, written
    for key in ("1.", "2."):
        first = written[key].split(")")[0]  # the first outcome and its measure
        assert "stay out of the youth justice system" in first and "youth justice records" in first, written[key]
    assert "youth justice" not in written["3."] and "education, training or work" not in written["3."], written["3."]
    assert "victims" in written["3."] and "Some 85" not in written["2."], written  # their own group; no capital mid-line


def test_a_quote_runs_on_over_a_line_an_exported_pdf_wrapped_mid_phrase():
    """"… provide 15% of reports to courts in a" / "shortened format." is one sentence: the quote keeps its end."""
    text = "For 2026-27 the service will seek to provide 15% of reports to courts in a\nshortened format."
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "in a shortened format" in written, written


def test_children_in_residential_care_get_a_stable_placement_not_an_adult_or_a_stay_out_of_care_outcome():
    """Children in a residential placement are children in care: not adults in a care home (a hospital admission is not
    what a social worker's visits are for), and not a family kept out of statutory care, which they are already in.
    An indicator asked as a question is quoted without its question mark."""
    text = "Indicator 20 / What % of children in residential care are visited by their social worker at least once a month?"
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "stable placement" in written, written
    assert "hospital" not in written and "without needing statutory social care" not in written, written
    assert "month?" not in written, written


def test_a_talking_therapy_standard_gets_its_own_recovery_measure_only_in_england():
    """A waiting standard for NHS talking therapies is measured by whether people recover from depression or anxiety, on
    the programme's own scores, not by a general wellbeing scale; that measure is England's, so a Scottish draft does not
    get it."""
    english = ("NHS England standard: 75% of people referred to NHS Talking Therapies will start treatment within six "
               "weeks of referral.")
    written = " ".join(r["rewrite"] for r in _rewrites(english))
    assert "recover from depression or anxiety" in written and "NHS Talking Therapies recovery" in written, written
    scottish = ("Scottish Government standard: 90% of people referred to psychological therapies in NHS Scotland will start "
                "treatment within 18 weeks of referral.")
    written = " ".join(r["rewrite"] for r in _rewrites(scottish))
    assert written and "NHS Talking Therapies" not in written, written


def test_a_child_support_agency_target_is_not_a_family_support_outcome():
    """Parents with care and absent parents are the payees and payers of child maintenance: its payment targets are not
    about keeping families out of statutory children's social care."""
    text = "95 per cent of maintenance payments to parents with care to be made within 10 working days of receipt."
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert written and "statutory social care" not in written and "parenting" not in written, written


def test_a_benefit_named_for_its_claimants_does_not_make_a_carers_or_disability_service():
    """Carer's Allowance and Attendance Allowance are benefits a government agency pays: a target for clearing their
    claims is benefits administration, and its rewrite is not a carers' survey or a disability outcome."""
    text = "95% of claims for Carer's Allowance to be cleared within 12 working days."
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert written and "arer" not in written.replace("Carer's Allowance", ""), written


def test_a_benefit_agencys_clearance_target_is_measured_by_the_right_payment_on_time():
    """A social security agency's target to clear claims gets its claimants' own outcome, the right money at the right
    time, with DWP's customer survey where DWP runs it (Great Britain), and never a survey of another country."""
    written = " ".join(r["rewrite"] for r in _rewrites("To clear 90 per cent of new State Pension claims within 20 working days."))
    assert "right payment at the right time" in written and "Customer Experience Survey" in written, written
    ni = " ".join(r["rewrite"] for r in _rewrites(
        "Social Security Agency (Northern Ireland): 90 per cent of Pension Credit claims to be cleared within 15 working days."))
    assert "right payment at the right time" in ni and "Customer Experience Survey" not in ni, ni


def test_child_benefit_names_a_benefit_for_parents_and_keeps_its_capitals():
    written = " ".join(r["rewrite"] for r in _rewrites("Child Benefit: 73 per cent of new claims to be cleared in 10 days."))
    assert "hildren" not in written.split(";")[0] and "; Child Benefit: 73 per cent" in written, written


def test_a_work_focused_interview_target_is_employment_support_not_benefits_administration():
    """A benefit named beside a work-focused interview ("Income Support lone parent work-focused interviews") is who the
    interview is for: the outcome is work, however the interview is spelt."""
    for spelt in ("work-focused interviews", "Work Focussed Interviews"):
        written = " ".join(r["rewrite"] for r in _rewrites(
            f"85% of Income Support lone parent {spelt} that become due are conducted within 3 months."))
        assert "paid work" in written and "right payment" not in written, written


@pytest.mark.parametrize("clause,kept,never", [
    ("Band A: life-threatening calls. Callers will be reached in an average time of six minutes.",
     "target: Callers will be reached in an average time of six minutes", None),
    ("Respite referrals must be assessed within four hours for a suitable placement.",
     ": Respite referrals must be assessed within four hours", None),
    ("The Day Opportunities target for 2032 is 2.4 million funded hours.",
     "target: The Day Opportunities target for 2032 is 2.4 million funded hours", None),
    ("In relation to target K7 - aids delivered within five days.", None, "In relation to"),
])
def test_a_quote_that_opens_on_its_verb_keeps_the_subject_its_sentence_names(clause, kept, never):
    """"be reached in an average time of six minutes" does not say who is reached: the few words that name the
    subject come with it. A phrase that is not the subject ("In relation to target K7") stays out."""
    rewrite, = output_rewrites(clause)
    if kept:
        assert kept in rewrite, rewrite
    if never:
        assert never not in rewrite, rewrite


@pytest.mark.parametrize("clause,kept,never", [
    ("It is expected that providers will achieve 90% in relation to the 18 week Referral to Treatment standard.",
     "achieve 90% in relation to the 18 week Referral to Treatment", "target: week Referral"),
    ("Targets for the year\n1. A maximum wait of three weeks from referral to first appointment; and\n"
     "2. Care given in line with national guidance.", "a maximum wait of three weeks from referral", None),
    ("TARGET 12,000 learners complete courses (Adult Service) 4,000 courses completed (Colleges)", "12,000 learners",
     "TARGET 12 "),
])
def test_a_quote_keeps_the_figure_and_wait_it_belongs_to(clause, kept, never):
    """"18 week" keeps its 18, a wait named before its figure keeps its name, and the first digits of "12,000" are
    never read as a label "TARGET 12"."""
    rewrite = output_rewrites(clause)[0]
    assert kept in rewrite, rewrite
    if never:
        assert never not in rewrite, rewrite


def test_a_wait_in_a_numbered_list_comes_back_as_an_item_that_keeps_its_and():
    text = "The standard has two parts:\n1. A maximum wait of three weeks from referral to first appointment; and\n" \
           "2. Care given in line with national guidance."
    rewrite = output_rewrites(text)[0]
    assert rewrite.startswith("1. ") and rewrite.endswith("; and"), rewrite


def test_a_quote_keeps_the_long_dash_the_draft_joins_two_words_with():
    """The rules read "new claims—claims cleared" with a space for the dash (a hyphen would join the words into one);
    the suggestion quotes the draft as written."""
    text = "Targets for the year:\n3. Carer's allowance new claims\u2014claims cleared on average in six days.\n"
    rewrite, = output_rewrites(text)
    assert "claims\u2014claims cleared on average in six days" in rewrite, rewrite
    assert "claims claims" not in rewrite, rewrite


@pytest.mark.parametrize("text", [
    "Decide 70% of non-major planning applications within eight weeks or an agreed extension of time.",
    "To complete 85% of land registry dealings within 15 working days;",
    "Premises licence applications: 95% processed within 28 days.",
    # a council's counter: licences, permits and certificates issued in a time
    "To process applications for a street trading licence within 5 working days.",
    "Building permits will be issued within 30 working days.",
])
def test_a_target_for_deciding_applications_is_measured_by_a_sound_decision_in_time_not_a_follow_up_about_lives(text):
    """A planning, licensing or registry target counts decisions made in time. The change for the applicant is a
    decision in the time set or agreed that then stands (planning authorities in England are judged on the share
    overturned at appeal), not a follow-up months after they "stop using the service"."""
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "sound decision in the time set or agreed" in written and "decision records" in written, written
    assert "three to six months later" not in written, written


def test_a_rate_row_flattened_one_cell_a_line_keeps_its_label_and_rates_with_a_childs_progress(monkeypatch):
    """A kindergarten's funding table pasted from a PDF, each cell on a line of its own: the row's label, then its
    rates. The suggestion keeps the label and both rates on one line and, the rates being per funded child hour,
    links them to each funded child's progress: not a care paragraph that drops the rates, nor an award scheme."""
    from scoring import learned
    draft = ("## Funding rates per funded child hour\n\nSessional services, all staff qualified\n\n$11.40\n\n$11.85\n\n"
             "All-day services, half of staff qualified\n\n$9.60\n\n$9.95\n")

    def labels(doc, _rules_hits, model=None):  # the model's verdicts, fixed: this tests the suggestion they get
        return [(c.start, c.end, "cost-first", 0.99) for c in doc.clauses if c.text.endswith("qualified")]
    monkeypatch.setattr(learned, "learned_hits", labels)
    written = [f.rewrite for f in review(draft, learned=True).findings if f.rule == "cost-first/learned"]
    assert len(written) == 2, written
    assert written[0].startswith("Sessional services, all staff qualified: $11.40, $11.85; each rate stays the funding "
                                 "rate, with providers reporting each funded child's progress ("), written[0]
    assert written[1].startswith("All-day services, half of staff qualified: $9.60, $9.95;"), written[1]
    assert not any("Quality" in w or "travel time" in w for w in written), written


def test_a_dashboard_row_pasted_with_spaces_keeps_all_its_figures_in_the_suggestion():
    """"Home visits made June '31 71% 85% -14%" under "Measure Month Performance Target Gap": which figure is the target
    the header says, not the row, so the suggestion keeps the row's label with every figure (result, target, gap), not
    the month's result alone as if it were the measure. It comes back as the row it was: the figures in their own
    columns after the outcome, since the header's words cannot say which column each is."""
    table = "Measure Month Performance Target Gap\nHome visits made within 10 days June '31 71% 85% -14%\n"
    written = " ".join(r["rewrite"] for r in _rewrites(table))
    cells = re.split(r" {3,}", written)
    assert cells[1:] == ["71%", "85%", "-14%"], written
    assert "home visits made within 10 days June '31 reported as a secondary measure" in cells[0], written  # (lower case mid-sentence)


def _learned_rate_rewrites(monkeypatch, draft: str) -> list[str]:
    """The learned check's suggestions when it reads every line with a dollar amount as cost-first: the model's verdict
    fixed, so the test is of the suggestion it gets."""
    from scoring import learned

    def rows(doc, _rules_hits, model=None):
        return [(c.start, c.end, "cost-first", 0.99) for c in doc.clauses if "$" in c.text]
    monkeypatch.setattr(learned, "learned_hits", rows)
    return [f.rewrite for f in review(draft, learned=True).findings if f.rule == "cost-first/learned"]


def test_a_fee_schedule_row_with_its_unit_after_the_rate_keeps_its_line(monkeypatch):
    """"2 X X X X W1792 $3.26 15 min": the rate's unit follows it. The row comes back as itself with the rate kept as
    the base, not as a home care paragraph that drops the code and the rate."""
    written = _learned_rate_rewrites(monkeypatch, "Fee schedule for personal assistance\n\n2 X X X X W1792 $3.26 15 min\n")
    assert written and written[0].startswith("2 X X X X W1792 $3.26 15 min as the base rate, with part of the payment"), written


def test_an_adult_protective_services_time_target_gets_the_adults_own_safeguarding_outcomes():
    """Adult protective services held to closing cases within a time: the change is the adult's, the outcomes they
    wanted from the enquiry, asked for and achieved (the Making Safeguarding Personal questions), not a follow-up
    about a service they "stop using"."""
    text = "Adult Protective Services\n\nThe target is to keep APS cases open more than 60 days at 15 percent or less.\n"
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "Making Safeguarding Personal" in written and "adults at risk" in written.lower(), written


def test_each_row_of_a_spaced_dashboard_pasted_as_one_paragraph_is_found_and_keeps_its_figures():
    """Rows pasted under their header with single line breaks read as one paragraph: each row is still its own finding,
    and the one suggestion keeps every row's label and figures, so no row's target is dropped."""
    table = ("Measure Month Performance Target Gap\n"
             "Home visits to families 2x/Month May '31 64% 90% -26%\n"
             "Assessments completed within 30 days May '31 88% 95% -7%\n")
    found = [f for f in review(table).findings if f.category == "output-only"]
    assert [f.line for f in found] == [2, 3], [(f.line, f.match) for f in found]
    suggestion = found[0].rewrite
    rows = [re.split(r" {3,}", line) for line in suggestion.split("\n")]
    assert [r[1:] for r in rows] == [["64%", "90%", "-26%"], ["88%", "95%", "-7%"]], suggestion
    assert found[1].rewrite is None and found[1].rewrite_on_line == 2


def test_a_stop_smoking_target_is_rewritten_as_quits_confirmed_four_weeks_on():
    """A stop smoking service counted by the smokers it sees: the change is stopping, checked four weeks after the quit
    date with a carbon monoxide reading, not a generic follow-up question."""
    text = "Stop smoking service\n\nThe provider will support 1,200 smokers to set a quit date each year.\n"
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "four weeks after their quit date" in written and "carbon monoxide" in written, written


@pytest.mark.parametrize("text", [
    "Debt and welfare rights advice service\n\nThe provider will hold 40 financial capability sessions each year.\n",
    "Welfare Rights Service KPIs\n\nIndicator | Target\nNumber of benefit checks completed | 800 per year\n",
])
def test_money_advice_counts_are_rewritten_as_people_better_off_not_a_generic_follow_up(text):
    """Debt, welfare rights and financial capability services counted by sessions or checks: the change is in the
    person's money (income gained, debts written off), then debts they can manage, not "the changes that matter most"."""
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "better off" in written and "income gained and debt written off" in written, written
    assert "changes that matter most" not in written, written


@pytest.mark.parametrize("text,insights", [
    ("Domestic abuse counselling service\n\nThe service is expected to support a minimum of 400 victim-survivors each year.\n",
     True),
    # a Canadian programme: the United Kingdom's dataset is not proposed, the person's own follow-up is
    ("Ontario Domestic Violence Court Program\n\nNew staff in Ontario will ensure victims of domestic violence are contacted "
     "within 24 hours of a charge being laid.\n", False),
])
def test_domestic_abuse_targets_are_rewritten_as_survivors_safer_with_the_abuse_stopped(text, insights):
    """A domestic abuse service counted by the survivors it supports or the speed of its first call: the change is the
    survivor's safety (the abuse stopped, the risk lower), measured at intake and exit where the UK's dataset runs."""
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "abuse stopped or reduced" in written and "changes that matter most" not in written, written
    assert ("SafeLives Insights" in written) is insights, written


def test_childrens_ages_named_elsewhere_in_a_draft_do_not_strip_an_adult_service_of_its_measures():
    """Found in the Slack hand check: a childcare rate table's "under-fives" header in one part of a draft made every clause
    read as for children up to four, so debt advice to households lost its money outcome (its measures are for adults)
    and got the generic follow-up. Ages named in another table are not the ages of an adults' service."""
    draft = ("Support services: draft specification\n\n"
             "The provider will give debt advice to 900 households each year.\n\n"
             "Care type | Hourly rate cap for under-fives | Hourly rate cap for school-age children\n"
             "Family Day Care | $13.24 | $12.10\n")
    [written] = [f.rewrite for f in review(draft).findings if f.category == "output-only" and f.rewrite]
    assert "better off" in written and "changes that matter most" not in written, written


def test_refugee_resettlement_targets_are_rewritten_as_newcomers_settling_well():
    """A resettlement scheme counted by the refugees it takes or the hours of casework it gives: the change is the
    newcomers' own, settled in a home, work or learning and a community, asked with the Home Office's integration
    questions in the UK; not "the changes that matter most"."""
    text = ("Vulnerable Persons Resettlement Scheme\n\nThe council will resettle 40 refugees each year and give 12 hours "
            "of casework per family.\n")
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert "settle well" in written and "Indicators of Integration" in written, written
    assert "changes that matter most" not in written.split("(")[0], written


def test_a_schools_club_paid_per_child_per_day_is_not_given_an_under_fives_development_measure():
    """A rate "per day per child who attends the club" at special schools pays for school children: ASQ-3, a questionnaire
    for children up to five, is not proposed for them, as it is for a funded early years place."""
    written = " ".join(f.rewrite or "" for f in review(
        "For special schools, there is a daily rate of £3.40 per day per child who attends the breakfast club.").findings)
    assert written and "ASQ-3" not in written, written


@pytest.mark.parametrize("text,growth", [
    ("Supplementary feeding program\n\nThe program will serve 2,500 children under five each year.\n", True),
    # children past five: the growth standards are for birth to five, so they are not proposed
    ("Supplementary feeding program\n\nThe program will serve 2,500 children aged 6 to 12 each year.\n", False),
])
def test_a_feeding_programme_for_young_children_is_measured_by_their_growth_only_within_the_standards_ages(text, growth):
    written = " ".join(r["rewrite"] for r in _rewrites(text))
    assert ("WHO Child Growth Standards" in written) is growth, written
    assert "helped their child eat well" in written or growth, written


def test_a_rate_alone_on_its_line_keeps_the_label_above_it(monkeypatch):
    """A list of rates copied one cell a line: the label, a blank line, then its rate ("$30.00 (per hour)"), read by the
    learned check. The suggestion is that line of the list, its label and rate kept, not a care paragraph that loses
    the rate."""
    written = _learned_rate_rewrites(monkeypatch, "Rates paid to providers:\nSupported living service\n\n$30.00 (per hour)\n")
    assert written and written[0].startswith("Supported living service: $30.00 (per hour) as the base rate"), written


@pytest.mark.parametrize("draft,kept", [
    # flagged after its verb: the verb and what is offered stay with the count
    ("Objective 2.1 Vocational training in the café\nOffer catering training to at least 12 people",
     "offer catering training to at least 12 people"),
    # flagged whole, a plan's entry under its heading, with no full stop
    ("Objective 1\nDeliver over 40 accredited units per annum to at least 20 people",
     "deliver over 40 accredited units per annum to at least 20 people"),
])
def test_a_short_commitment_on_its_own_line_comes_back_as_one_entry_keeping_its_verb(draft, kept):
    """A plan's entry that opens on its verb is one line: the suggestion is one sentence that keeps the whole commitment
    as a secondary measure, not a two-sentence paragraph, and not the words after the verb alone."""
    suggestion = next(f.rewrite for f in review(draft).findings if f.category == "output-only" and f.rewrite)
    assert f"with the commitment to {kept} kept as a secondary measure" in suggestion, suggestion
    assert "The provider plans the service" not in suggestion, suggestion


def test_a_header_line_of_column_names_over_a_row_is_not_taken_for_the_rows_label():
    draft = "Indicator Outcome\n% of moderate-risk food premises inspected once every 6 months while open 92%"
    suggestion = next(f.rewrite for f in review(draft).findings if f.category == "output-only" and f.rewrite)
    assert not suggestion.startswith("Indicator Outcome"), suggestion
    assert "food premises inspected once every 6 months" in suggestion, suggestion


def test_a_rate_schedules_bullet_comes_back_as_the_bullet_with_its_code_and_date():
    """A rate schedule's bullet ("- Companion care – Service Code 31 – $19.40 per participant per hour, effective 1 July
    2031.") keeps its service, code, rate and date; the outcome part follows it, not a paragraph in its place."""
    text = "Hourly rates\n\n- Companion care – Service Code 31 – $19.40 per participant per hour, effective 1 July 2031.\n"
    found = [f for f in review(text).findings if f.category == "cost-first"]
    assert found and found[0].rewrite
    assert found[0].rewrite.startswith("- Companion care - Service Code 31 - $19.40 per participant per hour, effective 1 July 2031; "
                                       "this rate stays the base rate, with part of the payment linked to whether"), found[0].rewrite


def test_a_measure_named_percentage_is_not_kept_as_a_label_over_its_rewrite():
    """"Percentage: young people seen within 10 working days" names the measure itself: its rewrite replaces it, rather
    than leaving "Percentage:" as a label over a sentence about outcomes."""
    found = [f for f in review("Percentage: young people seen within 10 working days of referral. Target 90%.").findings
             if f.category == "output-only"]
    assert found and found[0].rewrite
    assert not found[0].rewrite.startswith("Percentage:"), found[0].rewrite
    kept = [f for f in review("KPI 3: 90% of young people seen within 10 working days of referral.").findings
            if f.category == "output-only"]
    assert kept and kept[0].rewrite.startswith("KPI 3:"), kept[0].rewrite  # a real label stays


def test_a_rate_line_whose_unit_is_shortened_with_a_stop_comes_back_as_the_line_with_each_rate_kept():
    """"Home care hourly rate $12.00 / Hr. $12.85 / Hr." ends on the stop of "Hr.", not of a sentence: it comes back as
    the same line, both rates kept as base rates, not as a paragraph keeping only the first."""
    text = "Rates\n\nHome care hourly rate $12.00 / Hr. $12.85 / Hr.\n"
    found = [f for f in review(text).findings if f.category == "cost-first"]
    assert found and found[0].rewrite
    assert found[0].rewrite.startswith("Home care hourly rate $12.00 / Hr. $12.85 / Hr; each rate stays the base rate"), \
        found[0].rewrite


def test_a_row_under_a_time_limit_column_keeps_its_time_and_its_results_column():
    """A charter's table of the most days each step may take: the row comes back as the row, its time limit kept as the
    row's own standard (not replaced by a count's baseline) and its results column left as written."""
    text = ("What we will do | The most days it will take us | Performance this quarter |\n"
            "Decide an application for support | 21 days | 96% |\n")
    found = [f for f in review(text).findings if f.category == "output-only"]
    assert found and found[0].rewrite
    cells = [c.strip() for c in found[0].rewrite.strip().strip("|").split("|")]
    assert len(cells) == 3, found[0].rewrite
    assert cells[1:] == ["21 days", "96%"], found[0].rewrite
    assert "decide an application for support reported as a secondary measure" in cells[0], found[0].rewrite


def test_a_two_column_time_limit_table_is_read_and_rewritten_as_rows():
    """"Type of repair | Target response time" over "Urgent repairs | 4 hours": each row is held to its time, and the run
    of rows comes back as one suggestion of two-cell rows, the tenants' outcome first and each row's time kept."""
    text = "Type of repair | Target response time\nUrgent repairs | 4 hours\nRoutine repairs | 20 days\n"
    found = [f for f in review(text).findings if f.category == "output-only"]
    assert len(found) == 2
    rows = found[0].rewrite.strip().split("\n")
    assert len(rows) == 2, found[0].rewrite
    for row, time in zip(rows, ("4 hours", "20 days")):
        assert row.startswith("Tenants say"), row
        assert row.endswith(" | " + time), row


def test_a_row_written_without_bars_at_its_ends_comes_back_the_same_way():
    """A charter's row whose cells hold sentences ("01 | Land settlement. | Within 3 days after receipt. | …") is one
    row, not split at its stops, and its rewrite keeps the row's own form: no bars added at its ends."""
    text = ("Sr. No. | Name of service | Service delivery deadline | Place of service\n"
            "01 | Settlement of land leases. | Within 3 (three) days after receipt of the file. | Office of the Land Officer.\n")
    found = [f for f in review(text).findings if f.category == "output-only"]
    assert len(found) == 1 and found[0].rewrite
    rewrite = found[0].rewrite
    assert rewrite.startswith("01 | ") and not rewrite.rstrip().endswith("|"), rewrite
    assert "| Within 3 (three) days after receipt of the file. | Office of the Land Officer." in rewrite, rewrite


def test_a_service_to_places_is_measured_by_the_state_of_the_place_not_a_follow_up_with_each_person():
    """Street cleaning, grounds upkeep and pest control change places, not one person's life: a row counting streets
    swept is measured by inspecting a sample of sites, its target is set on each site, and rat baiting by surveying the
    treated blocks again; a count of people seen keeps the person's follow-up."""
    swept = review("Performance measure | Target\n% of roads swept at least 4 times a year | 100\n").findings
    assert swept and swept[0].rewrite
    rewrite = swept[0].rewrite
    assert "inspections of a random sample of sites" in rewrite, rewrite
    assert "each site's starting point" in rewrite and "follow-up questions to each person" not in rewrite, rewrite
    baited = [f for f in review("Pest control\nNumber of sewer locations baited for rats each month: 300\n").findings
              if f.category == "output-only"]
    assert baited and "signs of active rats or other pests" in baited[0].rewrite, baited[0].rewrite
    seen = review("Performance measure | Target\nNumber of clients seen each year | 400\n").findings
    assert seen and "each person's starting point" in seen[0].rewrite and "sample of sites" not in seen[0].rewrite


def test_a_plan_sent_in_for_approval_is_an_application_even_where_it_names_street_lights():
    """Processing plans for street lights within 14 days is deciding applications, not keeping the streets lit."""
    text = ("Engineering department\nTo process 80% of street lights and drainage proposal plans received within 14 days "
            "of receiving the completed documents.\n")
    found = [f for f in review(text).findings if f.category == "output-only"]
    assert found and "decision" in found[0].rewrite and "sample of sites" not in found[0].rewrite, found[0].rewrite


@pytest.mark.parametrize("text, expected", [
    # a visitor's wait at a counter and correspondence acknowledged are contact standards
    ("Visitors shall not wait to be served for longer than twenty (20) minutes.", "the help or answer they contacted"),
    ("All correspondence by letter or e-mail shall be acknowledged within three (3) working days.",
     "the help or answer they contacted"),
    # unemployment insurance is a benefit: the claimant's payment, not a follow-up about their life
    ("Percentage of first unemployment insurance payments made within 14 days of eligibility: 87%", "the right payment"),
    # snow clearing and property tax petitions are a service to places and a decision on an application
    ("Priority 2: collector roads plowed within 24 hours of the end of snowfall.", "sample of sites"),
    ("Disposal of revision petition on property tax within 30 days.", "sound decision"),
    # replies told other ways: "your other letters", a question or comment handled, a reply the person receives, a form,
    # a wait at the desk in minutes
    ("- We will reply to your other emails within four weeks.", "the help or answer they contacted"),
    ("- We will handle a comment about our website within 3 working days.", "the help or answer they contacted"),
    ("- You will receive a full reply within 10 working days if you write using our online contact form.",
     "the help or answer they contacted"),
    ("- With an appointment, the waiting time at the service desk is a maximum of 10 minutes.",
     "the help or answer they contacted"),
])
def test_counter_waits_benefit_payments_snow_and_tax_petitions_get_their_own_outcome(text, expected):
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and expected in found[0].rewrite and "changes that matter most" not in found[0].rewrite, \
        [f.rewrite for f in found]


def test_a_utility_standard_is_measured_by_how_often_and_how_long_customers_lose_supply():
    """A water or power company's time to restore a supply is held to interruptions and minutes lost, not to a follow-up
    question about each customer's life."""
    found = [f for f in review("Restoring electricity supply after a fault: 90% of customers reconnected within 4 hours.")
             .findings if f.category == "output-only" and f.rewrite]
    assert found and "supply interruption records" in found[0].rewrite, [f.rewrite for f in found]
    assert "changes that matter most" not in found[0].rewrite


@pytest.mark.parametrize("text", [
    "Physical planning\n• Complete land application reviews within 21 days of the date on the letter.",
    "Our pledges:\n• Allocate serviced plots to approved applicants within 3 months",
    "Document verification will be completed within two working days of the request.",
    "Business licensing\n• Business license approval: we will process every application within 10 working days.",
])
def test_a_charters_decisions_on_land_plots_documents_and_licences_are_measured_as_sound_decisions(text):
    """A charter's time to decide a land application, allocate a plot, verify a document or approve a licence is a
    decision for an applicant: its outcome is a sound decision that stands, not a follow-up about a person's life."""
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "sound decision" in found[0].rewrite and "changes that matter most" not in found[0].rewrite, \
        [f.rewrite for f in found]


@pytest.mark.parametrize("text, expected", [
    # a contact standard in other words: rings, written contact, a full reply, hold time, a counter, a lead-in's line
    ("We aim to answer:\n• phone calls within five rings\n• e-mails within three working days",
     "the help or answer they contacted"),
    ("We will respond to all written contact within 8 business days.", "the help or answer they contacted"),
    ("The average hold time for callers must be 90 seconds or less.", "the help or answer they contacted"),
    ("We will serve you at our service counters within 15 minutes.", "the help or answer they contacted"),
    # a licence spelt the American way, a passport and a funding decision are decisions on an application
    ("Issuance of a trade license within 12 days of application.", "sound decision"),
    ("Passports to be processed within 10 working days.", "sound decision"),
    ("Our goal is to issue written notification of the funding decision within 90 calendar days of the deadline.",
     "sound decision"),
    # a birth or death registered and its certificate issued, and building plans checked, are decisions on an application
    # even where the row names a hospital
    ("Services | Service standard\nDeath registration & issue of death certificate Death in the hospital Within 7 days from the"
     " application", "sound decision"),
    ("We will:\n• aim to check full plans applications within 10 working days of receiving a valid application",
     "sound decision"),
    # substance users are a drug and alcohol service's group
    ("% of substance users (over 18 years) for whom treatment has commenced within one month of assessment",
     "drug or alcohol"),
])
def test_contact_standards_licences_passports_and_substance_users_get_their_own_outcome(text, expected):
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and expected in found[0].rewrite and "changes that matter most" not in found[0].rewrite, \
        [f.rewrite for f in found]


@pytest.mark.parametrize("text", [
    "We promise that our response time will:\nacknowledge contact within 2 working days",
    "Customers shall be seen within five (5) minutes of the agreed time of a booked appointment.",
    "Average answer time per month must be no greater than 60 seconds.",
    "The plan must resolve 100% of inquiries within 10 business days.",
    "We will aim to send you a full reply within 15 working days of receiving your letter or email.",
    # a call back, a service desk, an answer time told alone, a reply in full, two ways in as a label
    "We will:\n• if we promise to call you back, we will do this within two working days",
    "We will:\n• aim to see at least 85% of customers within 15 minutes at our Customer Service Desks",
    "Our standards:\n• Answer in 30 seconds",
    "Letters & E-mails: 95% acknowledged within 3 working days.",
    # a list's lead-in that says how people got in touch, above an item that does not ("If you email us" / "Reply in
    # full within 15 working days"), a visit to an office, and calls with a note in brackets before "will be returned"
    "If you email us we will:\n• Reply in full within 15 working days.",
    "When you call at our housing office we will:\n• See you within 15 minutes if you have not booked a time.",
    "• Phone calls (including those left as messages) will be returned within two working days",
])
def test_more_contact_standards_are_measured_by_whether_people_got_what_they_contacted_for(text):
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "the help or answer they contacted" in found[0].rewrite, [f.rewrite for f in found]
    assert "who take part" not in found[0].rewrite  # people who got in touch, not who took part in something


def test_a_librarys_counts_are_measured_by_what_its_users_take_away():
    """Loans, visits and programmes counted are a library's use: the outcome is what people learned and the confidence
    and know-how they took away (Project Outcome's questions), not a generic follow-up."""
    found = [f for f in review("Performance measures\nNumber of library programmes for children delivered: 400").findings
             if f.category == "output-only" and f.rewrite]
    assert found and "learned something new" in found[0].rewrite and "changes that matter most" not in found[0].rewrite


def test_a_contact_standard_in_a_document_about_another_service_is_measured_as_contact():
    """'We will respond to emails and letters within 7 days' among a council's standards for bins and streets is a contact
    standard: whether people got what they got in touch for, not the streets' condition."""
    text = ("Our service standards for waste, litter and street cleaning.\n"
            "Answering correspondence: we will respond to all emails and letters within 7 days of receipt.")
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "the help or answer they contacted" in found[0].rewrite, [f.rewrite for f in found]
    assert "streets, parks" not in found[0].rewrite


def test_recovery_of_waste_and_a_public_health_duty_in_a_street_service_are_not_drug_or_health_services():
    """A litter plan's "Recycling and Recovery" is waste recovery, not recovery from drugs; "public health action" in
    street cleaning standards is the council's environmental duty, not a public health programme measured by wellbeing."""
    waste = output_rewrites("2.3 Promote Recycling and Recovery\n\nAction Target Indicator\n  • No. of cleaning services per annum")
    assert waste and "drug" not in waste[0] and "clean" in waste[0], waste
    street = output_rewrites("Street cleaning standards\n  1. Where urgent public health action is needed we will respond "
                              "within 1 working day.")
    assert street and "WEMWBS" not in street[0] and "hospital" not in street[0], street


def test_a_fly_tipping_rows_rewrite_is_about_the_place_and_keeps_its_time_cell_whole():
    rewrites = output_rewrites(" Performance indicator  2022/23 value  2023/24 target\n"
                                "Average time taken to clear a reported fly-tip (Minimise)  n/a  3 days")
    assert rewrites and "streets, parks and public places" in rewrites[0], rewrites
    assert "3 days" in rewrites[0], rewrites


def test_a_repair_lines_priority_code_and_category_stay_labels_and_are_not_quoted():
    lead = "When you report a repair it is given one of these priorities:\n"
    emergency = output_rewrites(lead + "  • P1: Emergency – An engineer will be with you within four hours.")
    assert emergency and emergency[0].startswith("• P1: Emergency – "), emergency
    assert "as a secondary measure, an engineer will be with you within four hours" in emergency[0], emergency
    coded = output_rewrites(lead + "  • MLD10: Mould - The repairs team will carry out mould treatment and redecoration works "
                                    "within 10 working days of the surveyor's visit to the home, once the damp survey is complete.")
    assert coded and "outcome: The repairs team will carry out" in coded[0] and "outcome: MLD10" not in coded[0], coded


def test_identity_documents_issued_in_a_time_are_measured_as_decisions_for_applicants():
    rewrites = output_rewrites("SERVICE CHARGES TIMELINE\n4 Issuing identity cards to registered residents NIL 2 Months")
    assert rewrites and "get a sound decision in the time set" in rewrites[0], rewrites


def test_a_charters_other_rows_are_not_measured_as_complaints_because_one_row_is():
    """One row of a charter about answering complaints does not make its rows for registering people or issuing permits a
    complaints service; that row keeps its complaints measure, and urgent correspondence is measured as contact."""
    text = ("SERVICES CHARGES TIMELINES\n1 Registration of new arrivals NIL   2 Days\n"
            "2 Response to resident complaints NIL 10   Days\n3 Response to urgent correspondence NIL 5   Days")
    rewrites = output_rewrites(text)
    assert len(rewrites) == 3, rewrites
    assert "complaint" not in rewrites[0].split(";")[0], rewrites
    assert "complaint" in rewrites[1].split(";")[0], rewrites
    assert "the help or answer they contacted" in rewrites[2], rewrites


def test_a_short_standard_whose_activity_cannot_be_quoted_is_kept_whole():
    """"Feedback to tenants will be given within 10 days" under a lead-in: no activity phrase can be cut from it, but its
    standard and its time are still kept as a secondary measure, never dropped."""
    text = ("Each request will be given attention and action taken within a period of no more than 5 days if:-\n"
            "- Feedback to tenants will be given within 10 days")
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite and "10 days" in f.match]
    assert found and "within 10 days" in found[0].rewrite, [f.rewrite for f in review(text).findings]


def test_a_fee_tables_rate_cell_flattened_one_to_a_line_keeps_its_rates():
    """A fee review's row copied one cell a line ("15.12", "(Hourly rate)", "16.08") is flagged on its unit's line: the
    suggestion keeps the current and the proposed rate with the outcome-linked part, not a care paragraph without them."""
    text = ("Type of provision / Recommendation / % Increase / Current £ / Proposed £\nShared care at home\n\n"
            "Aligned to the supported living rate. *\n\n5.9%\n\n17.40\n\n(Hourly rate)\n\n18.43")
    found = [f for f in review(text).findings if f.rule == "cost-first/hourly-rate"]
    assert found and found[0].rewrite.startswith("17.40 (Hourly rate) 18.43"), [f.rewrite for f in found]
    assert "part of the payment linked to whether" in found[0].rewrite


def test_a_rows_label_that_names_a_place_keeps_its_name_and_is_not_made_a_commitment():
    """'Contact Centre response times – …' is a row's label naming the centre: its rewrite keeps the label, and does not
    turn it into "the commitment to contact Centre response times"."""
    text = ("Activity Performance measure Targets\n"
            "Contact Centre response times – letters (%) answered within 10 working days 90% 95%")
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "Contact Centre" in found[0].rewrite, [f.rewrite for f in found]
    assert "commitment to contact" not in found[0].rewrite.lower()


@pytest.mark.parametrize("text, kept", [
    # a line with its own subject and verb is kept as the standard it sets, which reads as a sentence
    ("• All emails will be acknowledged within 2 days",
     "the standard that all emails will be acknowledged within 2 days is"),
    ("Crisis team standards:\nd) The team offers a same-day assessment for at least 75% of urgent referrals made before 5pm.",
     "the standard that the team offers a same-day assessment"),
])
def test_a_standard_with_its_own_subject_is_kept_as_a_standard_not_run_on(text, kept):
    """A list line that says who does what ("All letters will be acknowledged …", "The team offers …") is a clause: kept
    beside the outcome as "the standard that … is kept", not run on into "… within 3 working days reported as"."""
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and kept in found[0].rewrite, [f.rewrite for f in found]
    assert not re.search(r"(?:days|5pm) (?:reported|kept) as a secondary", found[0].rewrite), found[0].rewrite


def test_a_measures_name_is_still_kept_as_it_is():
    """A measure's name has no verb of its own: it is kept as written, not turned into "the standard that …"."""
    text = "Key performance indicators\n• No. of home visits made per month"
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "no. of home visits made per month reported as a secondary measure" in found[0].rewrite, \
        [f.rewrite for f in found]


def test_a_bodys_pledge_about_its_own_service_names_no_provider():
    """A council's own pledge ("we will respond …") has no provider to plan the service: the rewrite says the body plans
    it itself. A clause about a provider still says the provider does."""
    own = [f for f in review("Our complaints standard\n3. For all complaints we will respond within 15 working days.").findings if f.category == "output-only" and f.rewrite]
    assert own and "We plan the service with" in own[0].rewrite and "The provider" not in own[0].rewrite, \
        [f.rewrite for f in own]
    bought = [f for f in review("The provider will respond to 95% of referrals within 2 working days.").findings
              if f.category == "output-only" and f.rewrite]
    assert bought and "The provider plans the service with" in bought[0].rewrite, [f.rewrite for f in bought]


@pytest.mark.parametrize("text", [
    "Timely processing of grant requests\nPayment claim processing\n\nUnder 20 days",
    "3 | To ensure that 90% of applications to hire community halls are processed within 4 working days |",
    "Service standards\n• Funding application decision within 40 working days",
])
def test_a_standard_for_deciding_applications_is_measured_by_a_sound_decision(text):
    """A time to process or decide what people apply or claim for (a hall hire, a grant, a claim) is an applicant's
    standard: its outcome is a sound decision in the time set, not "the changes that matter most" to people's lives."""
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "sound decision" in found[0].rewrite, [f.rewrite for f in found]


def test_getting_back_to_someone_after_their_call_is_a_contact_standard():
    found = [f for f in review("We will call you back within one working day of receiving your message.").findings
             if f.category == "output-only" and f.rewrite]
    assert found and "the help or answer they contacted" in found[0].rewrite, [f.rewrite for f in found]


def test_a_charter_rows_standard_is_kept_as_a_standard_in_its_row():
    """A client charter's row ("To ensure that the application … is processed within 5 working days | 100%") keeps its
    standard beside the outcome as a sentence can read it ("the standard that the application … is processed …"), not
    run on as "to ensure that … reported as a secondary measure"."""
    text = ("No | Client charter | Target\n"
            "4 | To ensure that each application to hire a sports pitch is processed within 3 working days | 100% |")
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found, [(f.rule, f.match) for f in review(text).findings]
    written = found[0].rewrite
    assert "the standard that each application to hire a sports pitch is processed within 3 working days is reported" \
        in written and written.rstrip(" |").endswith("100%"), written
    assert "to ensure that" not in written.lower(), written


def test_a_worked_bill_of_hours_at_a_rate_keeps_its_hours_rate_and_total():
    """"(800 hours x $48.10 rate per hour = $38,480.00)" is the contract's cap worked out: the rewrite keeps the line,
    its hours, rate and total, and adds the outcome-linked part, not a home care paragraph that drops all three."""
    line = "(800 hours x $48.10 rate per hour = $38,480.00)"
    found = [f for f in review(line).findings if f.rule == "cost-first/hourly-rate" and f.rewrite]
    assert found, [(f.rule, f.match) for f in review(line).findings]
    written = found[0].rewrite
    assert written.startswith(line) and "part of the payment linked to whether" in written, written


def test_a_contract_notices_price_only_award_comes_back_as_the_notices_own_fields():
    """A notice's "Price - Weighting: 100" under its award criteria comes back as the notice's fields with a quality-led
    proposal in them (a quality criterion, social value, price), each a line as the notice writes it, not a paragraph."""
    text = "II.2.5) Award criteria\nQuality criterion - Name: Not applicable / Weighting: 0\nPrice - Weighting: 100"
    written = [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert written, [(f.rule, f.match) for f in review(text).findings]
    lines = written[0].split("\n")
    assert lines[0].startswith("Quality criterion - Name: ") and lines[0].endswith("/ Weighting: 60"), lines
    assert lines[-1].startswith("Price - Weighting: 30"), lines
    assert all("Weighting: " in line for line in lines), lines


@pytest.mark.parametrize("text,wanted,unwanted", [
    # a fire and rescue service's attendance standard: residents kept safe from fire, from its incident records; everyone
    # in the area, not "residents who use the service"
    ("Response standards\n• Life-risk incidents (10/90) - the first fire appliance will be in attendance within ten minutes, "
     "90% of the time.", ("killed or hurt in fires", "incident records"), ("who use the service", "changes that matter")),
    # a postal regulator's delivery standard: post on time wherever people live, measured independently area by area
    ("% of letters posted before noon delivered by next working day - 97%",
     ("post on time wherever they live", "% of letters posted before noon"), ("changes that matter", "connected")),
    # mail "connected" to flights is not people feeling connected to one another
    ("Parcels despatched: % of parcels processed and connected to outbound lorries by next working day - 95%",
     ("post on time",), ("connected to other people", "Five Ways")),
])
def test_a_service_to_things_or_to_everyone_is_not_given_a_person_by_person_follow_up(text, wanted, unwanted):
    """A fire service's response time or a postal delivery standard is not a care service's: the suggestion names what its
    residents or customers get, measured where the service keeps it, and never the follow-up question a care service asks
    each person when they stop using it (or a "feel connected" scale, because mail is "connected" to a flight)."""
    written = output_rewrites(text)
    assert written, review(text).findings
    for w in wanted:
        assert w in written[0], written[0]
    for u in unwanted:
        assert u not in written[0], written[0]


def test_a_bus_operators_vehicles_in_service_standard_is_measured_by_passengers_journeys():
    """A share of peak buses run is the operator's output: the rewrite asks passengers about their journeys (an
    independent survey at stops and on board), not a care service's follow-up question, and keeps the share it set."""
    rewrite, = output_rewrites("Peak vehicles in service\nOn weekday mornings the operator will run at least 97% of the "
                                "710 morning peak vehicle requirement on the bus network.")
    assert rewrite.startswith("Passengers who use the service can rely on the buses"), rewrite
    assert "asked at stops and on board" in rewrite and "changes that matter most" not in rewrite, rewrite
    assert "not a target: at least 97% of the 710 morning peak vehicle requirement" in rewrite, rewrite


def test_an_electricity_connection_standard_is_measured_by_a_reliable_supply():
    rewrite, = output_rewrites("Re-energisation\nWhere a customer asks for re-energisation, the distributor must carry out "
                                "the re-energisation by the end of the next business day.")
    assert "a safe, reliable supply" in rewrite and "changes that matter most" not in rewrite, rewrite


def test_a_kept_activity_that_opens_on_a_name_keeps_its_capital():
    """The draft's own words after the colon stay as written: "Northgrid" is a name, not a word to lower-case."""
    rewrite, = output_rewrites("Unplanned interruptions\nNorthgrid will provide this information within 30 minutes of "
                                "being told of the interruption.")
    assert "outcome: Northgrid will provide this information within 30 minutes" in rewrite, rewrite


def test_a_telephone_fault_repair_benchmark_is_measured_by_customers_not_a_landlords_tenants():
    """"Fault repair by next working day" under a telephone service's benchmarks is a line fault put right: the
    rewrite asks the service's customers about its reliability, never a landlord's tenant survey."""
    rewrite, = output_rewrites("Benchmarks for Basic Telephone Service (Wire Line)\nFault repair by next working day 92%")
    assert rewrite.startswith("Customers have a phone and broadband service they can rely on"), rewrite
    assert "Tenant" not in rewrite and "92%" in rewrite, rewrite


def test_an_electricity_breakdown_rows_time_is_measured_by_a_reliable_supply():
    rewrite = output_rewrites("Underground cable breakdowns\nThe company will restore supply in towns within 10 hours.")
    assert rewrite and "a safe, reliable supply" in rewrite[0] and "changes that matter most" not in rewrite[0], rewrite


def test_a_service_for_two_groups_is_rewritten_for_both_not_the_first_alone():
    text = ("Appropriate adult service for children and vulnerable adults in police custody\n"
            "Appropriate adults will arrive at the custody suite within 2 hours of the call from the police.")
    found = [f for f in review(text).findings if f.rule == "output-only/timeliness"]
    assert found and found[0].rewrite.startswith("Children and vulnerable adults who use the service")
    # a second word that is staff, not a group the service is for, is left out
    staff = review("Family support service for parents and volunteers\nDeliver 40 parenting sessions each quarter.").findings
    assert staff and all("and volunteers" not in (f.rewrite or "") for f in staff)


def test_an_hourly_rate_for_a_service_other_than_care_at_home_is_not_sent_to_home_care_guidance():
    custody = review("Appropriate adult service in police custody\n"
                     "The contracted hourly rate for this service will be 33.00 per hour inclusive of all costs.").findings
    rate = [f for f in custody if f.rule == "cost-first/hourly-rate"]
    assert rate and rate[0].guidance
    assert "homecare" not in rate[0].why.lower()
    assert not {"time-and-task-homecare", "testing-homecare-hourly-rates"} & {g["id"] for g in rate[0].guidance}
    homecare = [f for f in review("Home care service for older people\nThe contracted hourly rate for home care will be "
                                  "£21.50 per hour.").findings if f.rule == "cost-first/hourly-rate"]
    assert homecare and "time-and-task-homecare" in {g["id"] for g in homecare[0].guidance}


def test_a_time_to_decide_what_people_applied_for_is_measured_by_the_decision_not_a_generic_follow_up():
    found = [f for f in review("The department will process all new pension claims within one month of receipt.").findings
             if f.rule == "output-only/timeliness"]
    assert found and "get a decision on what they applied or claimed for" in found[0].rewrite
    assert "changes that matter most to them" not in found[0].rewrite


def test_a_visitor_served_within_minutes_is_a_contact_standard():
    found = [f for f in review("- Without an appointment, we will serve you within 15 minutes.").findings
             if f.category == "output-only"]
    assert found and "get the help or answer they contacted the service for" in found[0].rewrite


# A charter table copied one cell a paragraph (from a PDF or a web page): our own rows, written in that shape.
_CELL_PARAGRAPH_CHARTER = """Civil registry services

No.

Service

Documents to bring

Time taken

Notes

1

Marriage certificate copy

1. Signed request form
2. Identity card copy

45 Minutes

If all papers are in order

2

Change of address

1. Tenancy agreement
2. Identity card copy

2 Hours

If all papers are in order
"""


def test_a_row_copied_one_cell_a_paragraph_comes_back_as_its_cells_with_its_time_kept():
    """Each row's suggestion keeps its number, the documents to bring and the time taken as written, one paragraph a cell,
    names a decision for the applicant (not a general follow-up survey), and the rows come back as one suggestion."""
    found = [f for f in review(_CELL_PARAGRAPH_CHARTER).findings if f.category == "output-only"]
    assert len(found) == 2, [(f.rule, f.start) for f in found]
    first, second = found
    assert second.rewrite is None and second.rewrite_on_line == first.line
    rows = first.rewrite.split("\n\n")
    assert rows[0] == "1" and rows[2] == "1. Signed request form\n2. Identity card copy" and rows[3] == "45 Minutes", rows
    assert rows[4] == "2" and rows[6] == "1. Tenancy agreement\n2. Identity card copy" and rows[7] == "2 Hours", rows
    assert all(r.startswith("Applicants ") for r in (rows[1], rows[5])), rows
    assert "decision" in first.rewrite and "changes that matter most" not in first.rewrite, first.rewrite
    assert "marriage certificate copy reported as a secondary measure" in rows[1], rows[1]


def test_a_respite_rate_on_a_page_of_foster_family_rates_is_paid_for_the_children_placed():
    """"Respite" alone reads as adult social care; on a page of foster family payment rates it is the children's, and the
    payment part names their placement's outcome, not adults with care and support needs."""
    page = ("Standard Payment Rates for Foster Family Care\n\n"
            "Type of Payment Age Limit Amount\n\n"
            "4. Emergency placement allowance all ages $25.00 per day\n\n"
            "5. Resource Family Respite Care all ages $35.00 per day\n")
    rewrites = [f.rewrite for f in review(page).findings if f.rewrite and "Respite" in f.rewrite]
    assert rewrites, review(page).findings
    assert "children in care" in rewrites[0] and "adults" not in rewrites[0], rewrites[0]


def test_a_price_list_flattened_one_row_a_line_comes_back_as_its_rows():
    """A price list copied from a PDF, one row a line with its cells run together: the suggestion keeps every row on
    its own line as written, and puts the outcome-linked part of the payment after them as a sentence of its own, not
    the rows run into one line with prose added to the last cell."""
    rows = ["HS01 Personal care visit $42.50 Per visit", "HS02 Domestic help visit $35.10 Per visit",
            "HS03 Meal preparation visit $30.20 Per visit"]
    text = "Item code | Service | Price (excl. tax) | Unit\n" + "\n".join(rows) + "\n"
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert len(found) == 1, [(f.rule, f.rewrite) for f in review(text).findings]
    lines = found[0].rewrite.split("\n")
    assert lines[:3] == rows and len(lines) == 4, lines
    assert lines[3].startswith("These rates stay the base rates, with part of the payment linked to outcomes"), lines[3]
    # pasted back, the sentence under the rows ties their payment to outcomes, so none reads as paying per visit alone
    assert not [f.rule for f in review(found[0].rewrite).findings if f.category in ("output-only", "cost-first")]


def test_a_quote_keeps_who_a_target_is_for_after_a_participle_and_with():
    """"patients referred with a suspected cancer": the with-phrase says who is counted, so the kept target does not
    stop at "referred" as if every patient were meant."""
    text = "90% of patients referred with a suspected cancer will start treatment within 31 days.\n"
    (rewrite,) = [f.rewrite for f in review(text).findings if f.rewrite]
    assert "referred with a suspected cancer" in rewrite, rewrite


def test_a_target_told_as_what_it_is_is_not_called_not_a_target_in_the_same_breath():
    """"…not a target: the regional target for 2031/32 is 98,400 discharges" contradicts itself: a quote that names its
    own target or goal is reported in place of the target."""
    for text, kept in (("The regional target for 2031/32 is 98,400 discharges.", "98,400 discharges"),
                       ("The programme's goal for 2031 is 240 young carers.", "240 young carers")):
        (rewrite,) = [f.rewrite for f in review(text).findings if f.rewrite]
        assert "not a target" not in rewrite and "in place of the target: " in rewrite and kept in rewrite, rewrite
    (plain,) = [f.rewrite for f in review("The provider will deliver 200 sessions a year.").findings if f.rewrite]
    assert "not a target: " in plain, plain


def test_out_patient_waits_are_a_health_service_and_letters_in_the_plural_get_a_contact_outcome():
    (clinic,) = [f.rewrite for f in review("- Out-patients will be seen by a doctor within 45 minutes of arrival.").findings]
    assert clinic.startswith("- Patients who use the service") and "changes that matter most" not in clinic, clinic
    (letters,) = [f.rewrite for f in review("Written correspondences will be answered within 5 working days.").findings]
    assert "contacted the service for" in letters, letters


@pytest.mark.parametrize("clause,kept", [
    ("Copies of care plans will be made available within 2 working days by the care coordinator from the time of request.",
     "Copies of care plans will be made available within 2 working days"),
    ("Letters from tenants will be answered within ten working days of receipt.",
     "Letters from tenants will be answered within ten working days"),
])
def test_a_time_standard_is_quoted_with_what_is_to_be_done_not_from_its_verb(clause, kept):
    rewrites = [f.rewrite for f in review(clause).findings if f.category == "output-only" and f.rewrite]
    assert rewrites, clause
    assert kept in rewrites[0]


def test_letters_to_be_replied_without_to_still_get_the_contact_outcome():
    # "replied within", as charters often write it, is a reply standard like "replied to within"
    rewrites = [f.rewrite for f in review("Written letters will be replied within ten working days of receipt.").findings
                if f.category == "output-only" and f.rewrite]
    assert rewrites
    assert "get the help or answer they contacted the service for" in rewrites[0]
    assert "changes that matter most" not in rewrites[0]


@pytest.mark.parametrize("line, group", [
    ("Key performance measure 2: Number of clients", "Key performance measure 2: Percentage of clients who "),
    ("- % of carers assessed within 28 days: 90%", "Percentage of carers who "),
    ("C2 Number of adults receiving care at home", "Percentage of adults "),
])
def test_an_indicators_name_comes_back_as_an_indicator_of_the_change(line, group):
    """A KPI's title counts people; its suggestion is a KPI too, the share of them whose lives changed, with the count
    kept beside it (not a sentence set where a measure's name was)."""
    text = "Performance indicators\n" + line + "\n"
    written = [f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert len(written) == 1 and group in written[0], written
    assert written[0].rstrip(";").endswith("reported as a secondary measure"), written


def test_a_sentence_about_a_count_is_still_a_sentence():
    text = "The provider will deliver 400 sessions to young people each year.\n"
    written = [f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert written and not any(w.startswith("Percentage of") for w in written), written


@pytest.mark.parametrize("line, group", [
    ("Number of youth and women given business skills training: 120", "youth and women"),
    ("Number of persons with disabilities given grants to start a business: 40", "people with disabilities"),
])
def test_the_people_a_count_names_are_the_people_its_rewrite_is_for(line, group):
    text = "Output indicators\n" + line + "\n"
    written = [f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert written and group in written[0].split(";")[0].lower(), written  # the outcome's people, not the count kept


def test_a_youth_clubs_name_is_not_its_client_group():
    text = "Output indicators\nNumber of youth clubs opened in the district: 12\n"
    written = [f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert all("percentage of youth who" not in w.lower() and not w.lower().startswith("youth ") for w in written), written


def test_a_count_a_copy_wrapped_over_two_lines_is_kept_whole():
    """A PDF copy breaks a row's label mid-phrase, even with a blank line between the pieces: the count kept as a
    secondary measure, and the people the outcome is for, are the whole label's, not its last line's."""
    for gap in ("\n", "\n\n"):
        text = f"Output indicators\n\nNumber of young people and{gap}adults trained in first aid 120 140 District report\n"
        written = [f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite]
        assert written and "young people and adults trained in first aid" in written[0], (gap, written)


def test_a_kpi_tables_count_comes_back_as_a_share_in_its_own_column():
    text = "| Indicator | Target 2025 |\n|---|---|\n| Number of carers assessed | 400 |\n"
    written = [f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert written and written[0].startswith("| Percentage of carers who "), written
    assert written[0].count("|") == 3 and "number of carers assessed: 400" in written[0], written


@pytest.mark.parametrize("text", [
    "Workload Indicators | FY2024 Actual | FY2025 Target\nStreet maintenance: lane miles maintained 610 640",
    "Workload Indicators | FY2024 Actual | FY2025 Target\nRepair requests completed for city facilities 469 550",
])
def test_a_citys_upkeep_of_its_streets_and_buildings_is_measured_by_the_place_not_by_tenants_or_a_follow_up(text):
    """Lane miles and a city's buildings kept in repair are services to places: their repairs are not a landlord's
    repairs to tenants' homes, and people do not "stop using" a street."""
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found, text
    written = found[0].rewrite
    assert "sample of sites" in written and "enant" not in written and "changes that matter most" not in written, written


@pytest.mark.parametrize("text, expected", [
    # a pension's payments processed in time: the right payment on time, not a follow-up about a pensioner's life
    ("Percentage of pension-related payments processed within established timeframes 95% 97.6% 95%", "the right payment"),
    # refunds issued or processed in time: a decision on what people claimed for
    ("- Process 100% of refunds within 30 days", "a decision on what they applied or claimed for"),
    ("Percentage of refunds issued within 30 days: 95%", "a decision on what they applied or claimed for"),
])
def test_payments_and_refunds_processed_in_time_are_measured_by_the_payment_or_decision_itself(text, expected):
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and expected in found[0].rewrite and "changes that matter most" not in found[0].rewrite, \
        [f.rewrite for f in found]


@pytest.mark.parametrize("text", [
    # the time told from the application, after the verb
    "We will approve the hire of community halls within one (1) week from the application date.",
    "Issue the street trading licence within 10 working days of receiving a complete application.",
    # what is decided named otherwise: a records request, tax returns, planning permission, reports on applications
    "Percentage of public records requests processed within three days or less",
    "We will process 90% of tax returns within 10 working days.",
    "3 | Issue the planning permission decision within 56 days |",
    "The registry will issue 80% of first reports on new applications in 12 weeks.",
])
def test_a_time_to_decide_or_issue_what_people_applied_for_is_read_in_its_other_forms(text):
    """A counter's standard is a decision on what was applied for, whichever way the draft puts it: the change for the
    applicant is the decision in time that stands, not "the changes that matter most" months after they stop using it."""
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "decision records" in found[0].rewrite, [f.rewrite for f in found]
    assert "changes that matter most" not in found[0].rewrite, found[0].rewrite


@pytest.mark.parametrize("text, own", [
    ("On arriving for your appointment at the hospital you can expect: To arrive no more than 60 minutes before or later "
     "than your appointment time on 90% of occasions.", "you can expect: To arrive no more than 60 minutes"),
    ("Specifications include, but are not limited to: Direct service hours of no less than 6 hours per day,",
     "not limited to: Direct service hours of no less than 6 hours per day, so that"),
    ("When we collect you from the clinic you can expect: That you will be collected within 45 minutes on 85% of occasions.",
     "you can expect: That you will be collected within 45 minutes on 85% of occasions, so that"),
])
def test_an_item_that_finishes_a_lead_in_on_its_line_comes_back_finishing_it(text, own):
    """A charter's "you can expect:" or a specification's "include:" run into the item's line is finished by the item's
    own words; the rewrite keeps them there and adds the change they are for, rather than putting an outcome sentence
    after the colon ("you can expect: Patients who use the service report …")."""
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and own in found[0].rewrite, [f.rewrite for f in found]
    assert not re.search(r":\s+(?:Patients|People)\s+who\s+use", found[0].rewrite), found[0].rewrite


@pytest.mark.parametrize("text", [
    "On collection from hospital you can expect: To wait no longer than 60 minutes after your booked collection time.",
    "Travel time on vehicle – 85% of patients to travel for no longer than 60 minutes on the vehicle.",
])
def test_a_transport_charters_journeys_are_measured_by_getting_to_care_not_by_health_after_treatment(text):
    """Time on the vehicle or waiting to be collected is patient transport: what it can answer for is people getting to
    their care and home again, not their health after treatment (EQ-5D)."""
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found and "get to their appointments and treatment" in found[0].rewrite and "EQ-5D" not in found[0].rewrite, \
        [f.rewrite for f in found]


def test_a_transport_line_pasted_under_another_services_target_keeps_the_journeys_outcome_and_its_patients():
    """A paste of a family support target and a transport charter's collection time: the second line's journeys are
    patients' journeys to their care, not families staying together."""
    found = [f for f in review("The new cycle targets 8,500 families across the district.\nOn collection from the clinic you "
                               "can expect: To wait no longer than 60 minutes after your booked collection time.").findings
             if f.category == "output-only" and f.rewrite and "collection" in f.rewrite]
    assert found and "patients who use the service get to their appointments" in found[0].rewrite, [f.rewrite for f in found]
    assert "stay safely together" not in found[0].rewrite, found[0].rewrite


@pytest.mark.parametrize("text, rate", [
    ("Nursing fee per week £851.81 (not including the Health Board contribution)", "£851.81 per week"),
    ("Nursing home fee per week £920.05 (not including the Health Board contribution)", "£920.05 per week"),
])
def test_a_care_home_fee_named_per_week_before_its_sum_keeps_the_sum_and_its_residents_quality_of_life(text, rate):
    """A fee list that names the period before the sum ("fee per week £851.81") still sets that sum: it stays as the base
    rate, and a nursing or care home's residents are measured by their quality of life (ASCOT), not followed up after they
    "stop using the service"."""
    found = [f for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert found and f"The rate of {rate} stays as the base rate" in found[0].rewrite, [f.rewrite for f in found]
    assert "ASCOT" in found[0].rewrite and "stop using the service" not in found[0].rewrite, found[0].rewrite


def test_a_community_access_rate_row_is_paid_for_disabled_people_not_for_staying_at_home():
    """A disability price list's row for community access (support to take part in community life) is a disability
    service's: its outcome part is not home care's "stay living in their own home"."""
    row = "| Core Support | Community Access (1:1) | Item 04_104 | Weekdays - $67.55 p/hr |"
    written = [f.rewrite for f in review(row).findings if f.rewrite and f.category == "cost-first"]
    assert written and "disabled people" in written[0], written
    assert "own home" not in written[0] and "supported at home" not in written[0], written


def test_a_care_homes_rate_by_the_month_is_kept_as_the_base_rate(monkeypatch):
    """"nursing home rates will increase … to $6,000 per month": the monthly rate stays as the base of the payment, and a
    care home's residents are not promised paid travel time or minutes of care."""
    from scoring import learned

    def the_line(doc, _rules_hits, model=None):  # the learned check finds this line: this tests how it comes back
        return [(c.start, c.end, "cost-first", 0.99) for c in doc.clauses if "$6,000" in c.text]
    monkeypatch.setattr(learned, "learned_hits", the_line)
    text = "- nursing home rates will increase by 20% from $5,000 to $6,000 per month;"
    rewrite, = [f.rewrite for f in review(text, learned=True).findings if f.rewrite and f.category == "cost-first"]
    assert "$6,000 per month stays as the base rate" in rewrite, rewrite
    assert "travel time" not in rewrite and "minutes delivered" not in rewrite, rewrite


def test_a_fee_with_the_same_sum_in_brackets_in_another_currency_keeps_its_sums_as_the_base():
    """"300 NRS ($4.7) for each delivery attended": one fee, given in two currencies, is kept as written as the base rate,
    not turned into activity "reported as a secondary measure"."""
    written = [f.rewrite for f in review("▪ 300 NRS ($4.7) for each delivery attended").findings if f.rewrite]
    assert written and written[0].startswith("▪ 300 NRS ($4.7) for each delivery attended; this rate stays the base rate"), written


def test_a_quote_cut_before_its_verb_does_not_end_on_the_subject_left_behind():
    """"… a quit programme: / NB This must meet the required minimum …": the activity quoted back ends at the programme,
    not on "NB This", which cannot be pasted."""
    clause = ("Number of smokers to be supported through a quit programme: / NB This must meet the required minimum of "
              "<insert number>service users per year")
    written = [f.rewrite for f in review(clause).findings if f.rewrite]
    assert written and not re.search(r"\b(?:NB\s+)?This\.?$", written[0]), written
    assert written[0].endswith("supported through a quit programme."), written


def test_personal_assistance_paid_by_the_hour_is_a_disability_service():
    """Personal assistance (a disabled person's own assistants, as Sweden's assistance compensation pays for) is measured by
    the outcomes in the person's own support plan, not by another service's outcome."""
    written = [f.rewrite for f in review("Personal assistance is paid at SEK 280 per hour.").findings if f.rewrite]
    assert written and "disabled people" in written[0] and "SEK 280 per hour" in written[0], written


@pytest.mark.parametrize("clause,group", [
    ("Crisis beds (max stay 30 days): the service serves a minimum of 12 adults who are homeless.", "Homeless adults"),
    ("The project will house 30 women who are at risk of becoming homeless.", "Women at risk of homelessness"),
    ("The service will support 40 adults with serious mental illness each year.", "Adults with serious mental illness"),
])
def test_a_group_keeps_the_words_that_say_who_they_are(clause, group):
    """"12 adults who are homeless" is rewritten for homeless adults, not for "adults" (a reader's commonest complaint
    is a group made generic); a length of stay ("max stay 30 days") does not read as a change in people's lives."""
    rewrite, = output_rewrites(clause)
    assert rewrite.startswith(group + " who use the service"), rewrite
    assert f"with {group[0].lower()}{group[1:]}," in rewrite, rewrite


@pytest.mark.parametrize("row,wanted,unwanted", [
    ("Child Care (per hour, registered providers) | CC0020 | $29.40 |", "each funded child's progress", "supported at home"),
    ("Crisis Intervention | $3.10 per minute | $4.05 per minute", "people with mental health needs", "supported at home"),
    ("Shared Supported Accommodation - Daily Support Fee | SSA002 | $512.40 |", "disabled people", "homeless"),
])
def test_a_rate_row_is_paid_on_the_outcomes_of_the_service_it_names(row, wanted, unwanted):
    """A child care row is a funded place (each child's progress, not a care plan at home), crisis intervention and day
    treatment are mental health services, and shared supported accommodation is a disability service (not homelessness)."""
    written = [f.rewrite for f in review(row).findings if f.rewrite and f.category == "cost-first"]
    assert written and written[0].split("\n")[0] == row.strip(), written
    assert wanted in written[0] and unwanted not in written[0], written[0]


def test_a_child_care_rate_table_naming_no_service_row_by_row_is_still_a_funded_place():
    """"HOURLY | $2.39 | …" under a child care table's heading: the rows name no service, the table does."""
    table = ("Child care market rates\n| Rate | Infant | Toddler | Preschool |\n| HOURLY | $2.39 | $2.25 | $2.25 |\n"
             "| DAILY | $23 | $23 | $23 |\n")
    written = [f.rewrite for f in review(table).findings if f.rewrite and f.category == "cost-first"]
    assert written and "each funded child's progress" in written[0] and "people supported" not in written[0], written


@pytest.mark.parametrize("line,who", [
    ("Price: $11.40 per bed per day", "adults with care and support needs"),
    ("Accommodation supplement: $21.90 per resident per day", "residents"),
])
def test_a_price_per_bed_or_resident_comes_back_as_its_line_for_a_care_homes_residents(line, who):
    """A labelled price per bed or resident per day keeps its line ("Price: $11.40 per bed per day as the base rate, …"),
    not a paragraph opened by its label, and is a care home's price: not "people supported at home"."""
    written = [f.rewrite for f in review(line).findings if f.rewrite and f.category == "cost-first"]
    assert written and written[0].startswith(line + " as the base rate, with part of the payment linked to whether " + who), written
    assert "at home" not in written[0], written[0]


def test_a_price_per_bed_pasted_under_child_care_rates_is_still_a_care_homes():
    """Found in the Slack hand check: a paste mostly of child care rates gave "Price: $11.40 per bed per day" the funded
    child's progress; a bed's price is a care home's, whatever the paste is mostly about."""
    paste = ("Child care rates\n| Rate | Infant | Toddler |\n| HOURLY | $2.50 | $2.30 |\n| DAILY | $24 | $22 |\n\n"
             "Price: $11.40 per bed per day\n")
    written = [f.rewrite for f in review(paste).findings if f.rewrite and f.rewrite.startswith("Price:")]
    assert written and "child" not in written[0] and "adults with care and support needs" in written[0], written


@pytest.mark.parametrize("label,ages", [
    ("| Service | Infant (0-18 months) | Toddler (18-36 months) | Preschool (3-5 years) | School age (6-12 years) |", (0, 12)),
    ("Toddlers: 12 – 36 months", (1, 3)),
    ("Youth (13-17 years)", (13, 17)),
])
def test_an_age_band_under_its_groups_name_is_read(label, ages):
    found = detect_ages(label)
    assert found is not None and (found.low, found.high) == ages, found


def test_a_contracts_term_in_years_is_not_an_age_band():
    assert detect_ages("The contract term is 3-5 years, with an option to extend.") is None


@pytest.mark.parametrize("table", [
    "Child care rates 2025-26\n| Service | Infant (0-18 months) | Toddler (18-36 months) | Preschool (3-5 years) | School age (6-12 years) |\n"
    "| Full-time centre care (per day) | $62.00 | $55.00 | $48.00 | $30.00 |\n"
    "| Part-time family child care (per day) | $40.00 | $38.00 | $35.00 | $25.00 |\n",
    "Childcare subsidy rates\n| Provider type | Under 2 (0-23 months) | 2-5 years | School-age (5-12 years) |\n"
    "| Licensed child care centre (per day) | $55.00 | $48.00 | $26.00 |\n| Family child care home (per day) | $45.00 | $40.00 | $22.00 |\n",
])
def test_a_child_care_rate_table_running_to_school_age_asks_the_development_measure_of_its_under_fives(table):
    """ASQ-3 is for children up to five and a half: across columns that run to twelve, the rewrite says the under-fives'
    progress is reported with it, and never gives school-age children a young child's screening tool or an adult's star."""
    written = [f.rewrite for f in review(table).findings if f.rewrite and f.category == "cost-first"]
    assert written, table
    for w in written:
        assert "the under-fives' progress (ASQ-3" in w and "each funded child's progress" not in w, w
        assert "Outcomes Star" not in w, w


@pytest.mark.parametrize("schedule", [
    "Workers' compensation home services fee schedule\n| Child care (per hour) | CC01 | $30.10 |\n| Housekeeping (per hour) | HK01 | $36.00 |\n",
    "Motor accident injury scheme: maximum rates for home help\nChild minding (per hour)\t$28.50\nDomestic assistance (per hour)\t$35.20\n",
])
def test_child_care_an_injury_scheme_buys_is_help_at_home_for_the_injured_person(schedule):
    """A compensation scheme pays for child care so that its injured client can manage at home: not a funded early years
    place, so no child development screening and no "children and young people" as the group."""
    written = [f.rewrite for f in review(schedule).findings if f.rewrite and f.category == "cost-first"]
    assert written, schedule
    for w in written:
        assert "ASQ-3" not in w and "funded child" not in w and "children and young people" not in w, w
        assert "people supported at home" in w, w


def test_a_housekeeping_row_on_a_child_care_rate_sheet_keeps_its_own_outcome():
    """Housekeeping and domestic help are help at home: pasted beside child care rates they do not take the child care
    rows' funded-child sentence."""
    sheet = ("Child care rates\n| Child care centre (per hour) | $12.40 |\n| Kindergarten (per hour) | $11.10 |\n"
             "| Housekeeping (per hour) | $38.00 |\n")
    written = [f.rewrite for f in review(sheet).findings if f.rewrite and f.category == "cost-first"]
    whole = "\n".join(written)
    housekeeping = next(line for line in whole.split("\n") if line.startswith("| Housekeeping"))
    after = whole.split("\n")[whole.split("\n").index(housekeeping) + 1]
    assert "funded child" not in after and "people supported at home" in after, whole


@pytest.mark.parametrize("clause", [
    "Local Authorities had a statutory obligation to offer an NHS Health Check to 100% of eligible people over a period of "
    "five years.",
    "Public Health England (PHE) aspired to achieve a national take up rate in the region of 75% of the eligible population "
    "receiving a health check once every 5 years.",
])
def test_a_duty_or_an_aim_told_as_history_is_pointed_out_but_not_rewritten(clause):
    """Minutes that tell what a body had to do or hoped for set nothing: rewritten, they would read as a commitment (and a
    statutory duty called "not a target")."""
    found = review(clause).findings
    assert found and not any(f.rewrite for f in found), [f.rewrite for f in found]
    assert output_rewrites("The provider will offer an NHS Health Check to 100% of eligible people over five years.")


def test_an_injury_schemes_schedule_does_not_change_a_child_care_table_pasted_apart_from_it():
    """Found in the Slack hand check: a paste opening on a workers' compensation schedule gave a child care subsidy table
    further down the injured person's outcome. The scheme is read from a rate's own line, lead-in or heading."""
    paste = ("Workers' compensation home services fees\n| Child care (per hour) | CC01 | $30.10 |\n"
             "| Housekeeping (per hour) | HK01 | $36.00 |\n\nChild care subsidy rates\n"
             "| Licensed child care centre (per day) | $55.00 |\n| Family child care home (per day) | $45.00 |\n")
    written = [f.rewrite for f in review(paste).findings if f.rewrite and f.category == "cost-first"]
    scheme = next(w for w in written if w.startswith("| Child care (per hour)"))
    subsidy = next(w for w in written if w.startswith("| Licensed child care centre"))
    assert "people supported at home" in scheme and "funded child" not in scheme, scheme
    assert "each funded child's progress" in subsidy and "supported at home" not in subsidy, subsidy


def test_every_row_under_an_injury_schemes_header_is_for_the_injured_person():
    """The scheme named only in the table's header ("TAC Item Number") still makes each row's group the people it supports
    at home, not "children and young people" because the page also prices child care."""
    table = ("Home and child care service fees\nService Description | TAC Item Number | Maximum Payment Rate |\n"
             "Housekeeping (per hour) | H601* | $37.85 |\n")
    written = [f.rewrite for f in review(table).findings if f.rewrite and f.category == "cost-first"]
    assert written and "whether people supported at home" in written[0] and "children and young people" not in written[0], written


def test_a_care_home_rate_row_is_linked_to_its_residents_quality_of_life_not_to_staying_at_home():
    """A nursing home's weekly fee, as a fee table gives it: the outcome part is the residents' own (ASCOT), never that they
    stay living in their own home, which contradicts the setting the fee pays for."""
    for row, who in (("Nursing home (standard) | £905.10 per week", "whether residents"),
                     ("Older people's nursing home | £905.10 per week (excluding FNC)", "whether older people")):
        written = [f.rewrite for f in review(f"Care home fees 2025/26\n{row}\n").findings if f.rewrite and f.category == "cost-first"]
        assert written and written[0].startswith(row) and who in written[0] and "ASCOT" in written[0], written
        assert "own home" not in written[0] and "supported at home" not in written[0], written


@pytest.mark.parametrize("clause", [
    "Maximum price: €70.00 per room per night, excluding VAT, for a single adult occupant.",
    "That compares with the £28 paid per bed per night in council-run hostels.",
])
def test_a_price_for_a_room_or_a_bed_by_the_night_is_pointed_out_with_no_support_plan_suggestion(clause):
    """A room's or a bed's price buys a roof: an outcome payment on a support plan would invent a service that is not
    there (and a price held against another is told, not set)."""
    found = [f for f in review(clause).findings if f.category == "cost-first"]
    assert found and not any(f.rewrite for f in found), [f.rewrite for f in found]
    respite = [f.rewrite for f in review("Respite beds are paid at £120 per bed per night.").findings if f.rewrite]
    assert respite and "£120 per bed per night" in respite[0], respite


def test_a_day_rate_rule_with_no_amount_is_kept_with_the_outcome_part_after_it():
    """"The scheme pays one of three hospice per diem rates": the rule stays as written and a sentence after it links part
    of the payment to the service's own outcome, not a support-plan paragraph that drops the rule."""
    rule = "The scheme pays one of three hospice per diem rates for each day a patient is enrolled."
    written = [f.rewrite for f in review(rule).findings if f.rewrite]
    assert written and written[0].startswith(rule), written
    assert "Part of the payment is linked to whether" in written[0] and "IPOS" in written[0], written
    home = "The policy sets the level-of-care per diem paid to a licensee for each long-term care home."
    written = [f.rewrite for f in review(home).findings if f.rewrite]
    assert written and written[0].startswith(home) and "ASCOT" in written[0] and "own home" not in written[0], written


def test_a_listed_day_rate_rule_keeps_its_marker_and_words_with_the_outcome_sentence_after_them():
    """A regulation's list item that names a day's rate and no sum ("(2) The basic per diem rate for each day the resident
    is in the nursing home.") comes back as the same item, its marker and words kept, with the outcome sentence after it."""
    item = "(2) The basic per diem rate for each day the resident is in the nursing home."
    written = [f.rewrite for f in review(f"Payment\n{item}\n").findings if f.rewrite and f.category == "cost-first"]
    assert written and written[0].startswith(item + " Part of the payment is linked to whether residents"), written


@pytest.mark.parametrize("clause", [
    "Sign language interpreters are paid $58 per hour, with a two hour minimum booking.",
    "The legal aid tariff pays duty counsel $95 per hour for court appearances.",
    "If you only receive a community alarm from the council, the most you will pay is £4.10 per week.",
    "Telephone interpretation services will be paid at $1.10 per minute.",
    "Out-of-hours GP shifts are paid at £202.76 per hour.",
])
def test_a_rate_for_a_service_that_is_not_care_or_a_charge_to_the_person_gets_no_support_plan_suggestion(clause):
    """An interpreter's, a lawyer's or a doctor's hourly rate, or what a person is charged for an alarm, is pointed out at most, never
    rewritten as care planned around a support plan with part of the payment on its outcomes."""
    found = [f for f in review(clause, learned=True).findings if f.category == "cost-first"]
    assert not any(f.rewrite for f in found), [f.rewrite for f in found]
    care = [f.rewrite for f in review("Home care will be paid at £21.50 per hour.").findings if f.rewrite]
    assert care and "£21.50 per hour" in care[0], care


@pytest.mark.parametrize("text, wanted, unwanted", [
    # diabetes care counted in reviews or cycles of care: the results the reviews are for, from the practice's records
    ("Practices will complete an annual diabetes review for 90% of registered patients with diabetes.",
     "within the treatment targets agreed with them", ("changes that matter most", "lose weight")),
    # a prevention programme counted in sessions: weight lost and kept off, not the control of a condition people do not have
    ("The provider will deliver 16 core sessions of the diabetes prevention programme to 400 adults at risk of type 2 "
     "diabetes each year.", "lose weight and keep it off", ("treatment targets", "living with their condition")),
    # children with diabetes: the adult targets and adult scales are not proposed for them
    ("The children's diabetes team will see 95% of children aged 5 to 15 with type 1 diabetes for an annual review.",
     "Children aged 5 to 15", ("treatment targets", "EQ-5D-5L")),
])
def test_diabetes_care_and_prevention_get_their_own_outcomes(text, wanted, unwanted):
    """A diabetes service measured by reviews held or sessions run is asked for what they are for: blood glucose,
    blood pressure and cholesterol within target for people with diabetes (the three the National Diabetes Audit reports),
    weight lost and kept off for adults at risk; never adult targets or adult scales for children."""
    written = " ".join(f.rewrite for f in review(text).findings if f.category == "output-only" and f.rewrite)
    assert wanted in written, written
    assert not any(u in written for u in unwanted), written


def test_a_time_to_decide_applications_pasted_beside_another_service_keeps_its_own_outcome():
    """A counter's standard on its own line in a draft about diabetes care is measured by the decision, not by the
    blood glucose targets of the service the rest of the draft is about."""
    draft = ("Practices will complete an annual diabetes review for 90% of registered patients with diabetes.\n\n"
             "We will process 90% of tax returns within 10 working days.\n")
    written = [f.rewrite for f in review(draft).findings if f.category == "output-only" and f.rewrite]
    assert len(written) == 2, written
    assert "treatment targets" in written[0], written[0]
    assert "decision" in written[1] and "blood glucose" not in written[1], written[1]


@pytest.mark.parametrize("clause", [
    "The switchboard has a target of answering 97 per cent. of all calls offered.",
    "75 per cent. of calls to the general enquiry line (GEL) to be answered first time;",
    "No more than 10 per cent. of calls to be abandoned by the caller;",
    "90 per cent. of call-backs promised by the team to be made within one working day;",
])
def test_a_helplines_share_of_calls_answered_or_abandoned_gets_the_contact_outcome(clause):
    """A helpline's standard told as a share of calls in words ("per cent of all calls offered", calls "to be answered
    first time", calls abandoned, callbacks promised) is a contact standard, not a service whose aims are unknown."""
    rewrites = [f.rewrite for f in review(clause, rewrites=True).findings if f.category == "output-only" and f.rewrite]
    assert rewrites
    assert "get the help or answer they contacted the service for" in rewrites[0]
    assert "changes that matter most" not in rewrites[0]


@pytest.mark.parametrize("clause, wanted", [
    # a work programme named only by where people go ("into work") or who they are ("out-of-work residents")
    ("The programme will support 600 out-of-work residents each year.", "move into paid work"),
    ("The provider aims to help at least 250 people into work by March 2027.", "move into paid work"),
    # supported employment named by its model
    ("The provider will deliver IPS services to 120 people each year.", "move into paid work"),
    # a stop smoking service named by who it treats
    ("Services will treat at least 6% of adults who smoke each year.", "stop smoking"),
    # a transit service's productivity counted in boardings
    ("Route productivity will be measured as the number of passenger boardings per revenue hour.",
     "get them where they are going"),    # an after-school programme counted in students a day: what the programme is for, progress at school
    ("Each after-school program site will serve 80 students per day.", "make progress in reading, writing and maths"),
])
def test_a_service_named_by_whom_it_serves_or_how_it_counts_gets_its_own_areas_outcome(clause, wanted):
    """A clause that names its service only by the people it serves or the way it counts them (people helped "into work",
    "adults who smoke", "passenger boardings per revenue hour") is measured by that service's outcome, not by the stock
    outcome for a service whose aims are unknown."""
    rewrites = [f.rewrite for f in review(clause, rewrites=True).findings if f.category == "output-only" and f.rewrite]
    assert rewrites, clause
    assert wanted in rewrites[0], rewrites[0]
    assert "changes that matter most" not in rewrites[0], rewrites[0]
