"""Rewrites fit the place they go: a table row comes back as a row with the same columns, a list
item as a list item, a sentence as a sentence; a run of similar rows gets one suggestion."""

import re

import pytest

from scoring import review

KPI_TABLE = """## Performance indicators

| Ref | Indicator | Target | Reporting | How measured |
|---|---|---|---|---|
| 1 | Number of counselling sessions delivered | 1,200 per year | Quarterly | Case management system |
| 2 | Number of new referrals accepted | 300 per year | Quarterly | N/A |
| 3 | Number of group workshops held | 24 per year | Annually | Attendance sheets |
"""


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _output_findings(text):
    return [f for f in review(text).findings if f.category == "output-only"]


def test_a_kpi_row_comes_back_as_a_row_with_the_same_columns():
    findings = _output_findings(KPI_TABLE)
    suggestion = findings[0].rewrite
    rows = suggestion.split("\n")
    assert all(len(_cells(r)) == 5 for r in rows), suggestion
    first = _cells(rows[0])
    assert first[0] == "1" and first[3] == "Quarterly"  # the id and the cadence stay as written
    assert re.search(r"[A-Z]", first[1]) and "Number of" not in first[1]  # an outcome, not the count
    assert "1,200 per year" in first[2] and "secondary" in first[2]  # the count is kept, as a secondary measure
    assert "," in first[4] and "Case management" not in first[4]  # how the outcome is measured, and when


def test_a_run_of_similar_rows_gets_one_suggestion_not_a_copy_per_row():
    findings = _output_findings(KPI_TABLE)
    with_rewrite = [f for f in findings if f.rewrite]
    assert len(findings) >= 3 and len(with_rewrite) == 1
    rows = with_rewrite[0].rewrite.split("\n")
    assert len(rows) == 3  # each row of the run, rewritten once
    assert not any(debris in with_rewrite[0].rewrite for debris in ("N/A", "/ Quarterly", "| |"))


def test_a_row_whose_suggestion_sits_on_an_earlier_row_points_to_that_row():
    findings = _output_findings(KPI_TABLE)
    head = next(f for f in findings if f.rewrite)
    rest = [f for f in findings if not f.rewrite]
    assert rest and all(f.rewrite_on_line == head.line for f in rest)
    assert head.rewrite_on_line is None


def test_two_rules_on_one_clause_share_one_suggestion_and_the_second_points_to_it():
    text = "The provider will deliver 40 sessions a year and reach 300 residents.\n"
    findings = [f for f in review(text).findings if f.category == "output-only"]
    written = [f for f in findings if f.rewrite]
    assert len(written) == 1
    assert all(f.rewrite_on_line == written[0].line for f in findings if not f.rewrite)


# A table row a stored copy flattened to one cell a line: the indicators, then their targets, each on its own line.
FLATTENED_ROW = """Volunteering workplan 2024-25

2.1, 2.4
Number of taster sessions
Number of group sessions
Yearly target:
320 taster sessions
48 group sessions
"""


def test_a_flattened_row_s_targets_get_one_suggestion_that_keeps_every_figure():
    findings = _output_findings(FLATTENED_ROW)
    written = [f for f in findings if f.rewrite]
    assert len(findings) >= 2 and len(written) == 1, [(f.match, f.rewrite) for f in findings]
    suggestion = written[0].rewrite
    assert "320 taster sessions" in suggestion and "48 group sessions" in suggestion, suggestion
    assert suggestion.count("secondary measure") == 1, suggestion
    assert all(f.rewrite_on_line == written[0].line for f in findings if not f.rewrite)


def test_pasted_tab_separated_rows_stay_tab_separated():
    text = "KPI\tMeasure\tTarget\tFrequency\nK1\tNumber of home visits completed\t400 per quarter\tMonthly\n"
    suggestion = _output_findings(text)[0].rewrite
    cells = suggestion.split("\t")
    assert len(cells) == 4 and cells[0] == "K1" and cells[3] == "Monthly"
    assert "400 per quarter" in cells[2]


def test_a_row_without_a_header_keeps_its_label_and_cadence():
    text = "KPI 7\tNumber of befriending calls made\t2,000 per year\tQuarterly return\n"
    cells = _output_findings(text)[0].rewrite.split("\t")
    assert cells[0] == "KPI 7" and cells[3] == "Quarterly return"
    assert "2,000 per year" in cells[2] and "calls" not in cells[1]


@pytest.mark.parametrize("text", [
    "KPI 4\tNumber of outreach sessions held\t150\tQuarterly\n",
    "| PI 2 | Number of drop-in visits recorded | 1,200 | Annually |\n",
])
def test_a_bare_number_after_the_indicator_is_its_target_not_an_id(text):
    """Without a header, "150" after the indicator is the count the provider is held to: it is kept with the
    indicator as a secondary measure, and the outcome never sits beside it as if 150 people had to improve."""
    suggestion = _output_findings(text)[0].rewrite
    cells = [c.strip() for c in re.split(r"[|\t]", suggestion.strip().strip("|"))]
    figure = re.search(r"\d[\d,]+(?=\t| \|)", text).group()
    assert len(cells) == 4 and cells[0] in ("KPI 4", "PI 2")
    assert cells[2] != figure and figure in cells[2] and "secondary" in cells[2]


def test_a_bullet_comes_back_as_a_bullet_with_its_own_marker():
    for marker in ("- ", "• ", "3. ", "(b) "):
        text = f"The provider will:\n\n{marker}deliver 40 parenting workshops per year.\n"
        suggestion = _output_findings(text)[0].rewrite
        assert suggestion.startswith(marker) and "\n" not in suggestion, (marker, suggestion)


def test_a_sentence_comes_back_as_one_sentence_without_a_marker():
    suggestion = _output_findings("The provider will deliver 200 youth sessions per year.")[0].rewrite
    assert suggestion[0].isupper() and "\n" not in suggestion and "|" not in suggestion


def test_an_award_row_comes_back_as_the_schemes_rows_in_the_same_columns():
    text = "| Criterion | Weighting |\n|---|---|\n| Price | 70% |\n| Quality | 30% |\n"
    cost = [f for f in review(text).findings if f.category == "cost-first" and f.rewrite]
    assert len(cost) == 1
    rows = [_cells(r) for r in cost[0].rewrite.split("\n")]
    assert all(len(r) == 2 for r in rows)
    weights = {name: int(value.rstrip("%")) for name, value in rows}
    assert weights["Quality"] > weights["Price"] and weights["Social value"] >= 10 and sum(weights.values()) == 100


def test_a_row_flattened_with_slashes_comes_back_flattened_with_the_same_cells():
    """A stored copy of a PDF or web table joins cells with " / "; the line above is its header."""
    text = ("Service / Indicator / Target / Frequency\n"
            "Day centre / Number of activity sessions delivered / 480 per year / Quarterly\n")
    suggestion = _output_findings(text)[0].rewrite
    cells = suggestion.split(" / ")
    assert len(cells) == 4 and cells[0] == "Day centre" and cells[3] == "Quarterly", suggestion
    assert "480 per year" in cells[2] and "secondary" in cells[2] and "Number of" not in cells[1], suggestion


def test_a_row_parted_by_bars_with_none_at_its_ends_comes_back_as_a_row_under_its_header():
    """A PDF's table copied with bars between cells but none at the ends: the first barred line is the header, however
    many rows stand between it and the flagged row, and an empty cell left at the end of a line is no column."""
    text = ("Team | Standard | Standard achieved? | |\n"
            "Housing options | We will answer every call within 2 minutes | Yes | |\n"
            "Tenancy support | We will visit each new tenant within 10 working days of the tenancy starting | No | ||\n")
    found = [f for f in _output_findings(text) if f.rewrite]
    assert [f.line for f in found] == [2]  # one suggestion for the run of two similar rows
    first = found[0].rewrite.split("\n")[0]
    assert first.endswith(" |"), found[0].rewrite  # the row's closing bar, as it was written
    cells = [c.strip() for c in first.rstrip(" |").split(" | ")]
    assert len(cells) == 3 and cells[0] == "Housing options" and cells[2] == "Yes", found[0].rewrite
    assert "within 2 minutes" in cells[1] and "secondary" in cells[1], found[0].rewrite


def test_slashes_inside_a_sentence_are_not_a_row():
    text = "Overview\nThe provider will deliver 300 advice sessions / workshops per year to tenants / leaseholders.\n"
    suggestion = _output_findings(text)[0].rewrite
    assert suggestion.endswith(".") and " / " not in suggestion.split("(")[0], suggestion


@pytest.mark.parametrize("line,label", [
    ("KPI 6 – average bed occupancy", "KPI 6"),
    ("Key performance measure 2: average bed occupancy", "Key performance measure 2:"),
    ("4. Number of advice sessions held (KPI) 1,500 1,320 88%", "4."),
])
def test_a_short_indicator_line_comes_back_as_one_indicator_with_its_label(line, label):
    text = f"We report quarterly on these indicators:\n\n{line}\n"
    suggestion = _output_findings(text)[0].rewrite
    assert suggestion.startswith(label + " ") and "\n" not in suggestion, suggestion
    assert "secondary measure" in suggestion and "The provider plans" not in suggestion, suggestion
    if "1,500" in line:
        assert "1,500" in suggestion and "1,320" not in suggestion  # the target, not last year's actuals


def test_a_forms_field_for_a_count_comes_back_as_one_indicator_not_a_paragraph():
    """"Average number of families served monthly* :" waits for its figure: a field, not a list's lead-in."""
    text = "Service outputs\n\nOutput #4:\nAverage number of unduplicated families served each month* :\n"
    suggestion = _output_findings(text)[0].rewrite
    assert suggestion.startswith("Output #4: ") and "The provider plans" not in suggestion, suggestion
    assert "families served each month reported as a secondary measure" in suggestion, suggestion


def test_a_measure_kept_as_secondary_keeps_the_sign_it_opens_on():
    """"% of parcels delivered …" kept without its "%" reads "of parcels delivered …": not a measure any more."""
    suggestion = _output_findings("% of parcels delivered by next working day to a rural address - 97%")[0].rewrite
    assert "; % of parcels delivered by next working day" in suggestion, suggestion


def test_rows_rewritten_together_do_not_all_name_the_same_outcome():
    """Where the service area offers several outcomes, a run of rows takes turns among them (with no
    area known, the one honest fallback is the person-defined outcome, the same on every row)."""
    table = ("## Youth service KPIs\n\n| Ref | Indicator | Target | Reporting |\n|---|---|---|---|\n"
             "| Y1 | Number of youth club sessions delivered | 150 | Quarterly |\n"
             "| Y2 | Number of young people attending detached work | 400 | Quarterly |\n"
             "| Y3 | Number of youth workers' one-to-one meetings held | 250 | Quarterly |\n")
    rows = [r.split("|")[2].strip() for r in _output_findings(table)[0].rewrite.split("\n")]
    assert len(rows) == 3 and len(set(rows)) >= 2, rows


def _cost_first_rewrites(text):
    return [f.rewrite for f in review(text).findings if f.category == "cost-first" and f.rewrite]


def test_a_lowest_price_term_inside_a_longer_rule_is_replaced_where_it_stands():
    rule = ("Except where this chapter says otherwise, every contract over $25,000 shall be let to the lowest "
            "responsible bidder, unless the board finds that a higher bid better serves the public.")
    [suggestion] = _cost_first_rewrites(rule)
    assert suggestion.startswith("Except where this chapter says otherwise, every contract over $25,000 shall be let to the ")
    assert "unless the board finds that a higher bid better serves the public" in suggestion  # the rule's own steps stay
    assert "lowest" not in suggestion.lower() and "most advantageous" in suggestion
    assert "Quality 70%, Price 30%" in suggestion  # a dollar rule: no UK social value criterion is proposed
    assert not [f for f in review(suggestion).findings if f.category in ("cost-first", "output-only")]


def test_a_list_item_keeps_its_marker_and_its_end_when_the_term_is_replaced():
    item = "(c) Orders shall be placed with the lowest qualified supplier able to deliver within ten days;"
    [suggestion] = _cost_first_rewrites(item)
    assert suggestion.startswith("(c) Orders shall be placed with the qualified supplier offering the most advantageous tender")
    assert suggestion.endswith(");")


@pytest.mark.parametrize("rule,kept", [
    # a buyer's standing practice, said without a modal verb
    ("The quotation is awarded to the lowest responsive and responsible vendor.",
     "The quotation is awarded to the responsive and responsible vendor offering the most advantageous tender."),
    ("Offers are checked for completeness, with the contract awarded to the cheapest compliant offer.",
     "Offers are checked for completeness, with the contract awarded to the most advantageous compliant offer."),
    # a short rule keeps its own words too; the words that only said how price was reckoned go
    ("The contract shall be awarded to the lowest evaluated qualified bidder.",
     "The contract shall be awarded to the qualified bidder offering the most advantageous tender."),
])
def test_a_standing_award_practice_is_changed_where_it_stands_keeping_the_bidders_qualities(rule, kept):
    [suggestion] = _cost_first_rewrites(rule)
    assert suggestion.startswith(kept), suggestion
    assert "lowest" not in suggestion.lower() and "cheapest" not in suggestion.lower()


@pytest.mark.parametrize("report", [
    "Following evaluation of the proposals, Harbour Cleaning Ltd was selected as the lowest responsive and responsible "
    "bidder for all four zones.",
    "The district's purchasing code requires staff to purchase supplies and services at the lowest cost.",
    # (an award told in the active past)
    "The contract award was published in January 2024 and the Government entered into a contract in February 2024, with the "
    "bidder who submitted the lowest evaluated bid, which is also the lowest overall bid.",
    "Last year the council awarded the contract to the lowest priced bidder after a short tender.",
])
def test_an_award_already_made_or_a_law_requiring_the_lowest_price_is_flagged_without_a_scheme_pasted_over_it(report):
    findings = [f for f in review(report).findings if f.category == "cost-first"]
    assert findings, "the lowest-price award is still pointed out"
    assert all(f.rewrite is None for f in findings), [f.rewrite for f in findings]


def test_a_clause_that_is_only_the_term_or_has_another_problem_gets_the_whole_scheme():
    assert _cost_first_rewrites("Award basis: lowest price")[0].startswith("Award basis: ")
    mixed = ("Providers are paid £30 per session delivered, and the contract goes to the lowest bidder who can "
             "start in April.")
    for suggestion in _cost_first_rewrites(mixed):
        assert "£30 per session" not in suggestion
        assert not [f for f in review(suggestion).findings if f.category in ("cost-first", "output-only")]


def test_a_price_per_unit_is_not_turned_into_a_tender_per_unit():
    text = "Each route will be awarded to the lowest price per passenger journey quoted by the operators on the list."
    assert all("tender per passenger" not in s for s in _cost_first_rewrites(text))


@pytest.mark.parametrize("line,label", [
    ("1 KPI Title CT204 - No. of Home Visits Made", "1 KPI Title CT204 -"),
    ("Housing KPI Title HS12 - Number of tenancy visits completed", "Housing KPI Title HS12 -"),
])
def test_a_kpi_title_field_keeps_its_label_and_id(line, label):
    findings = _output_findings("Key performance indicators\n\n" + line + "\n")
    assert findings and findings[0].rewrite.startswith(label), findings[0].rewrite if findings else None


def test_a_sentence_about_the_law_is_not_rewritten_to_say_the_law_is_different():
    text = "The Acts currently require councils to award most works contracts to the lowest responsible bidder."
    for suggestion in _cost_first_rewrites(text):
        assert "currently require" not in suggestion  # a proposal of the council's own, not a changed statute


def test_a_principle_of_case_law_under_its_lead_in_is_not_rewritten_in_place():
    text = ("Notable principles from the courts are:\n\n"
            "- Where no other criteria are set, the award goes to the lowest priced compliant bid.\n")
    for suggestion in _cost_first_rewrites(text):
        assert "award goes to the most advantageous" not in suggestion


def test_the_quoted_activity_stops_at_the_end_of_its_sentence():
    text = "Reviews of foster carers completed within 30 days will be no less than 90%. see the annex for dates"
    [finding] = _output_findings(text)
    assert finding.match.startswith("completed within 30 days")  # the finding starts at what was done
    assert finding.rewrite.endswith("completed within 30 days will be no less than 90%."), finding.rewrite
    assert "annex" not in finding.rewrite


def test_a_service_pledge_row_under_a_dated_header_comes_back_as_the_same_row():
    """A pledge table ("Service | Pledge | Target 2030-31 | Achievement"), its rows barred with no bar in front: the
    suggestion keeps the service's name and both figures in their cells, and puts the outcome where the pledge was."""
    text = ("Service | Pledge | Performance Target 2030-31 | Achievement |\n---|---|---|---|\n"
            "Repairs to street lights | Repair within five working days of the report | 95% | 97.2% |\n")
    suggestion = next(f.rewrite for f in _output_findings(text) if f.rewrite)
    assert suggestion.endswith(" |"), suggestion  # closed by a bar, as the row was
    cells = suggestion.rstrip(" |").split(" | ")
    assert cells[0] == "Repairs to street lights" and cells[2:] == ["95%", "97.2%"], suggestion
    assert "within five working days" in cells[1] and "secondary" in cells[1], suggestion


def test_a_budget_book_row_pasted_with_spaces_comes_back_as_a_row_with_its_figures_in_their_columns():
    """A key measures table pasted with spaces only ("Key Measures FY23 Actual FY24 Estimated FY25 Target"): the
    suggestion is the same row, the outcome where the measure was, the actual and the estimate kept as written, and
    the target column given a target from a baseline with the row's own count as a secondary measure."""
    text = ("Key Measures FY23 Actual FY24 Estimated FY25 Target\n"
            "Number of older people served by the handyperson service 156 180 400\n")
    suggestion = next(f.rewrite for f in _output_findings(text) if f.rewrite)
    assert "\n" not in suggestion, suggestion
    cells = re.split(r" {3,}", suggestion)
    assert len(cells) == 4 and cells[1:3] == ["156", "180"], suggestion
    assert "400" in cells[3] and "secondary" in cells[3] and "Number of older people" not in cells[0], suggestion


def test_a_spaced_row_under_a_header_whose_columns_cannot_be_told_keeps_every_figure():
    """When the header names fewer columns than the row has figures, no figure is taken for the target: they all stay
    as written, and the count goes with the outcome as a secondary measure."""
    text = ("Performance measures FY23 FY24 Target\n"
            "Number of older people served by the handyperson service 156 180 400 410\n")
    suggestion = next(f.rewrite for f in _output_findings(text) if f.rewrite)
    cells = re.split(r" {3,}", suggestion)
    assert cells[1:] == ["156", "180", "400", "410"] and "secondary" in cells[0], suggestion


def test_a_row_whose_cells_name_their_quarters_keeps_them_and_gives_the_total_the_target():
    """A district plan's row with no header, in Markdown bold: each "Q1: …" cell is that quarter's column, kept as
    written; the last bare figure is the year's target; the bold markers are not quoted back."""
    row = "| **Number of adults completing literacy classes** | Q1: - | Q2: 40 | Q3: 60 | Q4: 100 | 200 |\n"
    suggestion = next(f.rewrite for f in _output_findings(row) if f.rewrite)
    cells = _cells(suggestion)
    assert cells[1:5] == ["Q1: -", "Q2: 40", "Q3: 60", "Q4: 100"], suggestion
    assert "200" in cells[5] and "secondary" in cells[5] and "**" not in suggestion, suggestion


def test_a_row_with_its_own_item_number_keeps_every_cell_in_its_column():
    # The header has no column for the row's item number: the number stays first, the outcome goes in the service
    # column, and the time limit and compliance level stay in their own columns as written.
    text = ("| Kind of request | Target response time (working days) | Target compliance level |\n|---|---|---|\n"
            "| 7. | Issue of street trading licences | 21 | 100% |\n| 8. | Issue of building permits | 30 | 95% |\n")
    finding = _output_findings(text)[0]
    first = _cells(finding.rewrite.split("\n")[0])
    assert len(first) == 4 and first[0] == "7."
    assert "Issue of street trading" not in first[1].split(";")[0] and "secondary" in first[1]
    assert first[2:] == ["21", "100%"]


def test_a_header_whose_blank_number_heading_was_moved_to_its_end_still_lines_up_the_row():
    # A stored copy wrote the number column's blank heading last: the row's item number is still its own column.
    text = ("Kind of request | Target response time (working days) | Target compliance level | |\n"
            "7. | Issue of street trading licences | 21 | 100% |\n8. | Issue of building permits | 30 | 95% |\n")
    finding = _output_findings(text)[0]
    first = _cells(finding.rewrite.split("\n")[0])
    assert first[0] == "7." and first[2:] == ["21", "100%"]
    assert "Issue of street trading" not in first[1].split(";")[0]


def test_a_row_with_a_target_for_each_year_keeps_its_count_once_in_the_last_target_cell():
    text = ("Performance Measures | FY23 Actual | FY24 Target | FY25 Target\n"
            "# Nests treated | 410 | 380 | 380\n")
    finding = _output_findings(text)[0]
    cells = _cells(finding.rewrite.split("\n")[0])
    assert len(cells) == 4 and cells[1] == "410"  # the actual stays as written, in its column
    assert "secondary" not in cells[2] and "secondary" in cells[3]
    assert cells[3].count("380") == 1  # the same target two years running is said once


def test_a_count_named_in_the_measured_by_column_is_found_and_its_target_cell_is_rewritten():
    text = ("Indicator | Measured by | Reference Point or Target\n"
            "Better access to youth counselling. | Number of counselling sessions provided. | At least 4,000 sessions provided.\n")
    finding = _output_findings(text)[0]
    cells = _cells(finding.rewrite)
    assert len(cells) == 3
    assert "At least 4,000 sessions" in cells[2] and "secondary" in cells[2]  # the count kept, as a secondary measure
    assert ".:" not in finding.rewrite


def test_a_charter_line_opening_on_to_comes_back_as_the_same_kind_of_line_with_its_commitment_kept():
    finding = _output_findings("To carry out drain clearing in council housing estates once a month.")[0]
    assert finding.rewrite.startswith("To ") and finding.rewrite.endswith(".")
    assert "drain clearing in council housing estates once a month" in finding.rewrite
    assert "The provider plans" not in finding.rewrite and finding.rewrite.count(". ") == 0  # one line, not a paragraph


@pytest.mark.parametrize("told,set_", [
    # a decision or a trend told as news gets no suggestion; the same figure set as a rule does
    ("The county board approved an increase in the per diem subsidy that shelter operators receive, from $48 to $55 per day.",
     "Shelter operators are paid a per diem subsidy of $55 per day for each resident."),
    ("The proportion of children screened before school entry continued to improve from 61% in 2019 to 78% in 2023.",
     "The proportion of children screened before school entry will rise to 90% by 2026."),
    ("Residents moving in would have to pay $41.20 per day for their room and board.",
     "Providers are paid $41.20 per day for each resident's room and board."),
    # a report's finding or a body's statement told in the news is not contract wording either
    ("A survey by the provider association showed the hourly rate paid for home care is £19.80 on average.",
     "Providers are paid £19.80 per hour for home care."),
    ("The ministry said the hourly rate paid to agencies would be looked at again next spring.",
     "Agencies are paid an hourly rate of £19.10 for home support."),
])
def test_a_sentence_that_tells_what_happened_is_pointed_out_but_not_rewritten_as_a_commitment(told, set_):
    told_findings = [f for f in review(told).findings if f.category in ("output-only", "cost-first")]
    assert told_findings and all(f.rewrite is None for f in told_findings), [f.rewrite for f in told_findings]
    assert any(f.rewrite for f in review(set_).findings if f.category in ("output-only", "cost-first"))


def test_a_clause_in_another_language_is_pointed_out_but_gets_no_english_suggestion():
    draft = ("Pasal 12\n\n(2) Metode evaluasi ini digunakan untuk pengadaan jasa dalam hal harga menjadi dasar penetapan "
             "pemenang di antara penawaran yang memenuhi persyaratan teknis.")
    found = [f for f in review(draft).findings if f.rule == "cost-first/lowest-price"]
    assert found and found[0].rewrite is None
    assert found[0].no_rewrite and "not in English" in found[0].no_rewrite  # and the report says why
    english = review("Price shall be the basis for selecting the successful bidder among the offers that pass.").findings
    assert [f.rewrite for f in english if f.rule == "cost-first/lowest-price"][0]  # the same rule in English: a suggestion


def test_a_rate_that_leads_into_a_list_keeps_no_colon_before_its_rider():
    found = [f for f in review("Fixed case rate of $3,600 per case treated, paid in three instalments:").findings
             if f.rewrite]
    assert found and ":;" not in found[0].rewrite
    assert found[0].rewrite.startswith("Fixed case rate of $3,600 per case treated, paid in three instalments; ")


@pytest.mark.parametrize("clause,kept", [
    # the share, the subject or the noun a flagged standard goes on from stays in the quoted secondary measure
    ("At least 90% of expectant mothers in every locality will have booked with a midwife by the 10th week of pregnancy.",
     "At least 90% of expectant mothers in every locality will have booked with a midwife"),
    ("The national aim is for initial assessment to take place within 10 days in 95% of referrals.",
     "initial assessment to take place within 10 days in 95% of referrals"),
    ("Increasing childhood immunisation coverage before age 2 from 70% in 2020 to 90% in 2025",
     "childhood immunisation coverage before age 2 from 70% in 2020 to 90% in 2025"),
    ("Customer charter:\n- Answers to written enquiries will be given within 14 days\n- Refunds will be paid within 28 days",
     "nswers to written enquiries will be given within 14 days"),
    # a count after "over" with a scale word ("over 2.5 million hours") is the activity, not a number bound to "over"
    ("This year the trust intends to provide over 2.5 million community nursing hours, including rapid response, to "
     "over 9,000 people.", "over 2.5 million community nursing hours"),
    # a run of participles and a second indicator stay in the quote ("… recruited, trained and retained …, and the number of …")
    ("The project's KPIs are the number of volunteers recruited, trained and retained in the county, and the number of "
     "groups set up.", "number of volunteers recruited, trained and retained in the county, and the number of groups set up"),
    # a share that "will increase from … to …" is the target itself, kept with the count it follows
    ("It will fund 300,000 hours of respite and the carer-led proportion of new respite hours will increase from 10% in "
     "2024 to 25% in 2026.", "will increase from 10% in 2024 to 25% in 2026"),
    # a colon that goes on into a report of results ends the standard kept
    ("The standard is that 80% of people should be seen within four weeks: in June, 86% of people were seen within four "
     "weeks.", "outcome: 80% of people should be seen within four weeks."),
    # a role's whole name is the subject of the standard, not its last word
    ("A Tenancy Support Officer will visit you within 5 working days of the referral.",
     "outcome: A Tenancy Support Officer will visit you within 5 working days of the referral."),
])
def test_a_kept_standard_keeps_its_subject_and_every_count_and_share_and_ends_where_the_clause_moves_on(clause, kept):
    found = [f for f in review(clause).findings if f.category == "output-only" and f.rewrite]
    assert found, review(clause).findings
    assert kept in found[0].rewrite, found[0].rewrite


@pytest.mark.parametrize("clause,sums", [
    # every sum of a package stays, in the currency written, not only the one a rule matched
    ("The volunteer incentive package of KES 1,500 includes KES 700 for household registration and KES 800 for "
     "facilitating facility delivery", ("KES 1,500", "KES 700", "KES 800")),
    ("The midwife package of NPR 900 includes NPR 400 for antenatal care and NPR 500 for facilitating institutional delivery",
     ("NPR 900", "NPR 400", "NPR 500")),
])
def test_a_payment_in_any_currency_keeps_every_sum_in_its_rewrite(clause, sums):
    found = [f for f in review(clause).findings if f.rewrite]
    assert found, review(clause).findings
    assert all(s in found[0].rewrite for s in sums), found[0].rewrite


def test_a_fee_table_copied_one_cell_a_line_is_read_a_row_a_line_and_its_rows_come_back_as_written():
    # a web copy that puts each cell on its own line, closed by its bar, with no header row in the run
    text = ("Payments for community health work |\n|\n|\n"
            "Child growth check |\n400 |\n$0.20 |\n"
            "Home visit to a newly discharged patient |\n600 |\n$0.30 |\n"
            "Referral of a sick child completed |\n800 |\n$0.40 |\n"
            "Water point repaired |\n2,000 |\n$1.00 |\n")
    found = [f for f in review(text).findings if f.rule == "output-only/payment-per-activity"]
    assert [text[f.start:f.end].split(" |")[0] for f in found] == [
        "Child growth check", "Home visit to a newly discharged patient", "Referral of a sick child completed"]
    lines = found[0].rewrite.split("\n")
    # one suggestion for the run: its rows as written (the fees are not counts to report), then one line under them
    assert lines[:3] == ["Child growth check | 400 | $0.20 |", "Home visit to a newly discharged patient | 600 | $0.30 |",
                         "Referral of a sick child completed | 800 | $0.40 |"]
    assert len(lines) == 4 and lines[3].startswith("These fees stay the base rates, with part of the payment linked to")
    one = review("| Home safety assessment | £35 |").findings[0].rewrite.split("\n")
    assert one[0] == "| Home safety assessment | £35 |" and one[1].startswith("This fee stays the base rate, with ")


@pytest.mark.parametrize("clause,kept", [
    ("Community follow-up must take place within five (5) days of discharge from the ward.",
     "Community follow-up must take place within 5 days of discharge"),
    ("Each new referral shall be assessed within 10 working days of receipt.",
     "Each new referral shall be assessed within 10 working days"),
    # a standard of how soon people are seen is kept as a standard too, with or without "must"
    ("92% of children referred to the clinic wait less than six weeks for a first appointment.",
     "92% of children referred to the clinic wait less than six weeks for a first appointment"),
    ("The regional aim is for a first home visit to take place within ten days in 85% of referrals.",
     "a first home visit to take place within ten days in 85% of referrals"),
])
def test_a_quoted_duty_stays_a_service_standard_and_is_not_called_not_a_target(clause, kept):
    found = [f for f in review(clause).findings if f.category == "output-only" and f.rewrite]
    assert found, review(clause).findings
    assert "a service standard, reported beside the outcome: " + kept in found[0].rewrite, found[0].rewrite
    assert "not a target" not in found[0].rewrite


@pytest.mark.parametrize("clause,rate", [
    # a rate named before its sum keeps its sum and its unit in the rewrite
    ("Notice: the published quarter hour rate for contracted home care will change to $7.64 per quarter hour from July.",
     "$7.64 per quarter hour"),
    ("The hourly rate for domiciliary care will be £23.40 from 1 April.", "£23.40 an hour"),
    # a rate changed from one sum to another, each with its unit: the new one is the base
    ("The respite base rate will rise from $26.10 per hour to $27.40 per hour.", "$27.40 per hour"),
])
def test_a_rate_named_before_its_sum_keeps_the_sum_as_the_base_rate(clause, rate):
    found = [f for f in review(clause).findings if f.category == "cost-first" and f.rewrite]
    assert found, review(clause).findings
    assert f"The rate of {rate} stays as the base rate" in found[0].rewrite, found[0].rewrite


def test_the_size_of_a_rate_change_is_not_called_the_base_rate():
    # "A $5 per day increase" is how much a rate goes up by, not the rate
    for clause in ("A $5 per day increase to the residential care component of the rate.",
                   "Providers get a £1.10 an hour uplift for weekend home care.",
                   # the change named before its sum
                   "A permanent increase of $12 per resident per day for residential care takes effect in October."):
        found = [f for f in review(clause).findings if f.category == "cost-first" and f.rewrite]
        assert found, review(clause).findings
        assert "stays as the base rate" not in found[0].rewrite, found[0].rewrite


MIXED_PASTE = ("The immunisation service is paid per dose as follows.\nVaccine | Fee\nMMR | £10.06\nPertussis | £10.06\n\n"
               "Homelessness hostel\nThe provider will accommodate 40 rough sleepers each quarter.\n"
               "The hostel must achieve 95% bed occupancy.\n")


def test_a_two_column_price_list_without_end_bars_comes_back_as_its_rows_for_the_service_its_lead_in_names():
    """"Vaccine | Fee" over "MMR | £10.06": the rows come back as written, not run into a sentence ("the standard that MMR
    | £10.06 is"); and in a paste that is mostly about a hostel, the fee rows are the immunisation service's that the line
    over them names, not the homelessness outcome of the paste's commonest service."""
    fees = [f for f in review(MIXED_PASTE).findings if f.rewrite and "MMR" in f.match]
    assert fees, [(f.rule, f.match) for f in review(MIXED_PASTE).findings]
    lines = fees[0].rewrite.split("\n")
    assert lines[:2] == ["MMR | £10.06", "Pertussis | £10.06"], lines
    assert len(lines) == 3 and lines[2].startswith("These fees stay the base rates, with part of the payment linked to"), lines
    assert "vaccine-preventable disease" in lines[2] and "homeless" not in lines[2] and "tenancy" not in lines[2], lines[2]
    # pasted back under the same header, the note under the rows lets them off
    pasted = "Vaccine | Fee\n" + fees[0].rewrite
    assert not [f.rule for f in review(pasted).findings if f.category in ("output-only", "cost-first")], pasted


@pytest.mark.parametrize("clause,ending", [
    # the phrase goes on past the quote ("with street drinkers per month"): the quote says it was cut
    ("The outreach team will make 250 contacts with street drinkers per month.", ": 250 contacts …"),
    # a bracket inside a word is not where the quote stops
    ("The Provider will deliver 12 workshops for grandparent(s) raising grandchildren.",
     ": 12 workshops for grandparent(s) raising grandchildren."),
    # the quote opens on the count, not on the preposition left from the verb it was cut from
    ("The strategy will streamline assessments and develop transition plans for at least 200 offenders.",
     ": at least 200 offenders."),
    # a whole phrase before the clause's next part ends as a sentence
    ("The Family Hub will deliver 40 parenting programmes per year, each lasting 10 weeks.",
     ": 40 parenting programmes per year."),
])
def test_a_quote_ends_as_its_phrase_does_and_says_when_it_was_cut(clause, ending):
    rewrite = _output_findings(clause)[0].rewrite
    assert rewrite.endswith(ending), rewrite
