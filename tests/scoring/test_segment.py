"""Clauses keep exact offsets, lines and columns back into what the commissioner pasted."""

import pytest

from scoring import review
from scoring.normalize import normalize
from scoring.segment import LineIndex, segment


def _texts(raw):
    return [(c.kind, c.text) for c in segment(normalize(raw))]


def test_sentences_bullets_numbered_items_and_table_rows_are_separate_clauses():
    raw = (
        "AWARD CRITERIA\n"
        "Criterion\tWeighting\nPrice\t70%\n\n"
        "The provider will run clubs. Young people (e.g. those aged 13) will attend.\n"
        "• 5,000 contacts a year\n"
        "2. Minimum 40 referrals per quarter, reported\n   monthly.\n"
        "| Price | 60% |\n|---|---|\n"
    )
    assert _texts(raw) == [
        ("sentence", "AWARD CRITERIA"),
        ("row", "Criterion\tWeighting"),
        ("row", "Price\t70%"),
        ("sentence", "The provider will run clubs."),
        ("sentence", "Young people (e.g. those aged 13) will attend."),
        ("item", "5,000 contacts a year"),
        ("item", "Minimum 40 referrals per quarter, reported\n   monthly."),
        ("row", "| Price | 60 % |".replace(" %", "%")),
    ]


def test_a_hard_wrapped_pdf_sentence_stays_one_clause():
    raw = "The provider will deliver a wide range of activities for\nyoung people across the borough each week."
    assert len(segment(normalize(raw))) == 1


@pytest.mark.parametrize("raw,count", [
    ("Report the number of people housed from Apr. 1 to Sept. 30 each year.", 1),
    ("Grants come from the U.S. Department of Health and Human Services each year.", 1),
    ("The Dept. of Housing pays quarterly. The provider reports monthly.", 2),
    ("The service opened in Jan. The provider has twelve staff.", 2),  # a month before a capital can end a sentence
])
def test_dates_and_public_bodies_cut_short_do_not_end_a_sentence(raw, count):
    assert len(segment(normalize(raw))) == count, _texts(raw)


@pytest.mark.parametrize("raw,count", [
    ("The council will work with a minimum of 900 'Priority\nFamilies' over three years.", 1),  # inside a quotation
    ("The provider will support a minimum of 40 young people with the\nYouth Justice Service each year.", 1),
    ("and will hold no fewer than 12 sessions with\nParent Carer Forum members.", 1),  # a line in lower case
    ("Key Performance Indicators - Installation of AT\nAll installations to be completed within 5 days.", 2),
    ("Service Requirements\nThe provider will deliver 200 sessions.", 2),
])
def test_a_sentence_wrapped_before_a_capitalised_word_is_not_cut_as_a_heading(raw, count):
    assert len(segment(normalize(raw))) == count, _texts(raw)


@pytest.mark.parametrize("raw,count", [
    # a long section title over an instruction that opens on a capitalised verb: two clauses
    ("Helping older residents to stay healthy, independent and connected to their communities\n"
     "Respond to 90% of requests for minor adaptations within 10 working days", 2),
    ("Our priority for the year ahead is supporting families to build resilience and stay together\n"
     "Provide 300 parenting sessions across the district", 2),
    # a sentence wrapped before a capitalised name is still one
    ("The provider will work closely with the local authority, schools and the voluntary sector to support\n"
     "Looked After Children across the county.", 1),
])
def test_a_long_section_title_over_an_instruction_is_its_own_clause(raw, count):
    """A title that names the outcomes a section is for does not swallow the section's first instruction: merged,
    the title's words ('stay healthy', 'stay together') read as the instruction's outcome and hid its target."""
    assert len(segment(normalize(raw))) == count, _texts(raw)


def test_an_instruction_under_a_long_outcome_title_is_still_read_as_a_target():
    raw = ("Helping older residents to stay healthy, independent and connected to their communities\n"
           "Respond to 90% of requests for minor adaptations within 10 working days")
    assert any(f.category == "output-only" for f in review(raw).findings)


def test_normalising_keeps_length_so_offsets_hold():
    raw = "“Smart” quotes\u00a0and – dashes &amp; *bold* <https://x.org|a link>\r\nnext"
    norm = normalize(raw)
    assert len(norm) == len(raw)
    assert '"Smart" quotes and - dashes &' in norm and " bold " in norm and "a link" in norm


def test_a_long_dash_between_a_label_and_its_figure_parts_them_and_a_hyphen_in_a_name_stays():
    """A table flattened into text joins each row's label to its target with a long dash ("Widows' benefit—85 per cent.
    in 10 days"): the figure is read as a figure, and the finding still points at it in the original."""
    raw = "Clearance targets\nWidows' benefit\u201485 per cent. in 10 days"
    (finding,) = [f for f in review(raw).findings if f.category == "output-only"]
    assert raw[finding.start:finding.end] == finding.match and finding.match.startswith("85")
    assert normalize("COVID-19 cases and ages 16\u201325") == "COVID-19 cases and ages 16-25"


def test_a_figure_hyphened_to_its_unit_is_read_as_figure_and_unit_and_the_finding_quotes_the_original():
    """Notices write "a minimum of 6-hours per week" and "within 1-month of referral": the rules read the hours and the
    month, the finding quotes the hyphen as written, and a hyphened adjective or a run of hyphened words is left alone."""
    raw = "Provide all learners with classes for a minimum of 6-hours per week."
    (finding,) = [f for f in review(raw).findings if f.category == "output-only"]
    assert raw[finding.start:finding.end] == finding.match and "6-hours" in finding.match
    assert normalize("within 1-month of referral") == "within 1 month of referral"
    kept = "15-minute visits, 24-hour cover and a 24-hours-a-day line"
    assert normalize(kept) == kept

@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_findings_point_at_line_and_column_of_the_original(newline):
    raw = newline.join(["Intro line.", "", "  • The provider will deliver 200 youth sessions per year."])
    finding = review(raw).findings[0]
    assert raw[finding.start:finding.end] == finding.match
    assert (finding.line, finding.column) == (3, raw.splitlines()[2].index("200") + 1)


def test_slack_markup_and_smart_quotes_do_not_hide_a_finding():
    raw = "*KPI 1:* the provider will deliver\u00a0200 “youth” sessions per year &amp; report quarterly"
    finding = review(raw).findings[0]
    assert finding.rule == "output-only/activity-count"
    assert raw[finding.start:finding.end] == finding.match


def test_line_index_counts_crlf_as_one_break():
    index = LineIndex("a\r\nb\nc")
    assert index.locate(3) == (2, 1) and index.locate(5) == (3, 1)


def test_a_giant_unpunctuated_paste_is_cut_into_bounded_clauses_that_keep_every_word():
    raw = ("Price 60% Quality 40%, " * 400).strip()
    clauses = segment(normalize(raw))
    assert max(len(c.text) for c in clauses) <= 1000
    assert "".join(raw[c.start:c.end] for c in clauses).replace(" ", "") == raw.replace(" ", "")


def test_a_count_written_with_a_hash_is_not_a_markdown_heading():
    kinds = _texts("Indicators:\n# of families supported\n## Delivery")
    assert ("sentence", "# of families supported") in kinds
    assert kinds[-1][0] == "heading"


def test_a_count_row_that_opens_on_a_hash_with_cells_between_bars_is_not_a_markdown_heading():
    kinds = _texts("Measures | 2023 Actual | 2024 Target\n# Nests treated |  | 380\n## Notes\nNone this year.")
    assert not any(k == "heading" and "Nests" in t for k, t in kinds)
    assert ("heading", "## Notes") in kinds or any(k == "heading" and "Notes" in t for k, t in kinds)


def test_a_lead_in_ending_in_a_colon_ends_its_sentence():
    kinds = _texts("Performance indicators vary by contract, so these are examples:\nNumber of sessions run")
    assert [t for _, t in kinds] == ["Performance indicators vary by contract, so these are examples:",
                                     "Number of sessions run"]


def test_a_web_page_line_break_tag_is_a_line_break_unless_the_sentence_goes_on():
    raw = "PERFORMANCE MEASURES<br />The provider will keep records of the number of <br /> meals served."
    norm = normalize(raw)
    assert len(norm) == len(raw) and norm.count("\n") == 1
    assert [t for _, t in _texts(raw)][-1].startswith("The provider will keep records")
    assert "meals served" in [t for _, t in _texts(raw)][-1]


def test_a_break_that_cuts_a_long_wrapped_line_before_a_capital_does_not_end_the_item():
    """An exported PDF breaks its lines with tags wherever the line was full, also before a place's name: the item's
    count and its group stay one clause, and the count is read as the target it is. Short lines broken by tags (a list
    of indicators) still come apart."""
    raw = ("1. Housing advice, casework and court representation to at least 65 low income <br />Riverside "
           "households who have received a notice to quit.")
    assert len(_texts(raw)) == 1
    assert any(f.category == "output-only" for f in review(raw).findings)
    assert len(_texts("Number of referrals<br />Number of assessments")) == 2


def test_a_company_name_does_not_end_the_sentence():
    text = "The contract went to Harbour Lanterns Co. Ltd. despite another firm offering the lowest bid. Work starts in May."
    clauses = [c.text for c in segment(text)]
    assert clauses[0] == "The contract went to Harbour Lanterns Co. Ltd. despite another firm offering the lowest bid."
    assert len(clauses) == 2, clauses


def test_a_number_in_words_with_its_figure_after_the_unit_reads_as_the_figure_and_keeps_its_place():
    draft = "Assessments shall be completed within fourteen working days (14) of referral."
    tidy = normalize(draft)
    assert len(tidy) == len(draft)  # offsets still point at the draft
    assert "within 14 working days" in tidy
    found = [f for f in review(draft, rewrites=False).findings if f.category == "output-only"]
    assert found and draft[found[0].start:found[0].end] == found[0].match
    assert normalize("The office is open twenty (20) hours a week.") != "The office is open twenty (20) hours a week."


def test_a_price_a_scan_split_at_its_point_stays_one_clause_and_counts_nothing():
    text = "Hot Lunch Meals $3. 215 per meal\nFrozen Meals $2 . 480 per meal\nThe provider will deliver 215 meals a week."
    assert [c.text for c in segment(text)][:2] == ["Hot Lunch Meals $3. 215 per meal", "Frozen Meals $2 . 480 per meal"]
    lines = {f.line for f in review(text, rewrites=False).findings if f.category == "output-only"}
    assert lines == {3}  # the cents are no count of meals; the weekly count is


def test_a_row_whose_figures_a_copy_set_inside_its_wrapped_label_is_read_as_one_clause():
    """A PDF copy of a budget book sets a row's figures on the first line of its wrapped label, inside a bracket it
    closes on the next line: the bracket holds the row together, and its target is still read."""
    text = ("Key Measures FY24 Actual FY25 Estimated FY26 Target\n"
            "Complete 300 affordable homes (60% N/A 120 300\nAMI or lower) each year\n")
    tidy = normalize(text)
    assert len(tidy) == len(text)
    lines = {f.line for f in review(text, rewrites=False).findings if f.category == "output-only"}
    assert lines == {2}, lines
    # a blank line still parts two paragraphs, bracket or not
    assert len(segment(normalize("Outcomes (see annex A\n\nThe annex) are reviewed each year."))) == 2


def test_a_line_that_stops_on_a_bound_goes_on_with_its_figure():
    """"… will serve at least" over "250 homeowners …": the bound needs the figure on the next line, so the two lines
    are one sentence, not a heading over a line that opens on a number."""
    text = "The Home Repair Grant will serve at least\n250 homeowners during the year."
    assert [c.text for c in segment(normalize(text))] == [text]
    assert [f.category for f in review(text, rewrites=False).findings] == ["output-only"]


def test_a_barred_row_whose_cells_hold_sentences_is_one_clause():
    """A charter's row with no bar at its ends whose cells are sentences ("Sr. No. | …" over "01 | Land leases. | Within 3
    days of receipt. | …") is one row each, not cut at the stops inside its cells; a sentence with one bar is prose."""
    text = ("Sr. No. | Name of service | Time limit | Place of service\n"
            "01 | Settlement of land leases. | Within 3 days of receipt. | Office of the Land Officer.\n"
            "02 | Copies of records. | Within 2 days. | Records Room.")
    clauses = segment(normalize(text))
    assert [c.kind for c in clauses] == ["row", "row", "row"], [(c.kind, c.text) for c in clauses]
    assert clauses[1].text.startswith("01 | ") and clauses[1].text.endswith("Office of the Land Officer.")
    prose = segment(normalize("Ask for help | we answer. Then we act. And we report."))
    assert [c.kind for c in prose] == ["sentence"] * 3


def test_rows_closed_by_a_bar_but_not_opened_by_one_are_a_row_each():
    """A table whose lines end with a bar and do not start with one ("Urgent repairs | 4 hours |") is one row a line, so
    a whole pasted table has every row read and held to its time, not the later rows run together as one sentence."""
    text = ("Type of repair | Target response time |\nUrgent repairs | 4 hours |\nRoutine repairs | 20 working days |\n"
            "Planned repairs | 90 days |\n")
    clauses = segment(normalize(text))
    assert [c.kind for c in clauses] == ["row"] * 4, [(c.kind, c.text) for c in clauses]
    found = [f for f in review(text).findings if f.category == "output-only"]
    assert [f.line for f in found] == [2, 3, 4]
    assert len(found[0].rewrite.strip().split("\n")) == 3, found[0].rewrite  # one suggestion for the run of rows


def test_a_row_whose_first_cell_is_its_item_number_is_a_row_not_a_list_item():
    """"3. | Processing of applications | … | Within 7 days" is a charter's numbered row: read as a row under its header
    (a "Time Frame" column), its number kept in its own cell, not taken as a list marker that leaves the cells misaligned."""
    text = ("No. | Service offered | What you bring | Charge | Time Frame\n"
            "3. | Connection of a new water meter. | Completed form and deposit. | As per tariff | Within 10 days of applying\n"
            "b) | Replacement of a stolen meter. | Police abstract. | Free | Within 3 days\n")
    clauses = segment(normalize(text))
    assert [c.kind for c in clauses[1:3]] == ["row", "row"] and clauses[1].text.startswith("3. |")
    assert segment("a | b | c")[0].kind != "row"  # a single letter without its stop starts no row
    found = [f for f in review(text).findings if f.category == "output-only"]
    assert [f.line for f in found] == [2, 3]
    assert found[0].rewrite.split("\n")[0].startswith("| 3. |") or found[0].rewrite.startswith("3. |")


def test_a_rows_figures_set_one_to_a_line_are_read_with_its_label():
    """A web or PDF copy of a table puts each cell on a line: the label and the figures under it are one row."""
    text = ("PERFORMANCE MEASURES\nActual\nTarget 2025-26\n· Number of group sessions delivered\n412\n450\n"
            "Number of volunteers recruited\n35\n40\n")
    texts = [c.text for c in segment(text)]
    assert "Number of group sessions delivered\n412\n450" in texts and "Number of volunteers recruited\n35\n40" in texts


def test_a_lists_numbers_alone_on_their_lines_are_not_a_rows_figures():
    texts = [c.text for c in segment("Outcome indicators\nobjective of project achieved\n2\n3\nAgreed level\n")]
    assert "objective of project achieved\n2\n3" not in texts


def test_a_line_a_pdf_copy_broke_with_a_blank_line_is_one_clause():
    """A copy that doubles each line break leaves a blank line inside a phrase: a paragraph that goes on in lower case,
    or an indicator's label over its figures, is still one clause, and a target across the break is found."""
    text = ("% of new referrals / re-referrals offered a first appointment\n\n"
            "and seen within 8 weeks by the memory clinic\n\n"
            "Number of carers given a break\n\n310 420 450 District returns\n\n"
            "Our aims\n\nThe service opened in 2019.\n")
    texts = [c.text for c in segment(text)]
    assert texts[0].endswith("and seen within 8 weeks by the memory clinic") and texts[0].startswith("% of new")
    assert texts[1] == "Number of carers given a break\n\n310 420 450 District returns"
    assert texts[2:] == ["Our aims", "The service opened in 2019."]  # a paragraph after a heading stays its own
    assert [f.line for f in review(text).findings if f.category == "output-only"][:1] == [1]


def test_a_paragraph_after_a_finished_line_is_not_joined_to_it():
    text = "Providers report each quarter.\n\nand seen within 8 weeks is the standard we measure.\n"
    assert len(segment(text)) == 2


@pytest.mark.parametrize("raw", [
    "Each health worker is paid Rs. 250 for every home visit completed.",
    "A fee of NPR 1,500 is paid to the facility for each assisted delivery.",
])
def test_a_sum_in_rupees_does_not_end_its_sentence_and_is_quoted_as_written(raw):
    assert len(segment(normalize(raw))) == 1
    findings = [f for f in review(raw, rewrites=False).findings if f.rule == "output-only/payment-per-activity"]
    assert findings, raw
    assert any(code in findings[0].match for code in ("Rs. 250", "NPR 1,500")), findings[0].match


def test_a_word_copys_o_sub_bullets_are_items_of_their_own():
    """Word's second-level bullet, flattened to the letter "o", starts an item: a breakdown under a sentence is read on its
    own ("Of the 812 referrals …, only 406 attended" tells a result), not as the tail of the line above it."""
    raw = "The service is open to all.\no       Of the 812 referrals received, only 406 attended.\no Meals must be approved by a dietitian."
    assert _texts(raw) == [
        ("sentence", "The service is open to all."),
        ("item", "Of the 812 referrals received, only 406 attended."),
        ("item", "Meals must be approved by a dietitian."),
    ]
    assert not [f.rule for f in review(raw).findings if f.category == "output-only"]
    # (a wrapped sentence's next line that starts with a lower-case word stays part of it)
    assert len(segment(normalize("The provider will support older people to go\nout and about in their community."))) == 1


def test_a_title_in_capitals_wrapped_over_lines_is_one_clause():
    """A council resolution's title set in capitals and wrapped over many lines is one block: read a line at a time, each
    line looked like a heading, and "ADVANCED" / "PAYMENT FOR SHELTER BED SERVICES" was flagged as payment per bed."""
    title = ("A RESOLUTION OF THE MAYOR AND CITY COMMISSION OF THE\n"
             "CITY OF LAKESIDE, APPROVING AMENDMENT NO. 2 TO THE\n"
             "PROFESSIONAL SERVICES AGREEMENT WITH HARBOR HOUSE, INC.,\n"
             "AMENDING SECTION 3.2, \"INVOICING\", TO PERMIT ADVANCED\n"
             "PAYMENT FOR SHELTER BED SERVICES AND ASSOCIATED\n"
             "COSTS, BASED ON NEED AND BUDGET APPROPRIATION.\n")
    clauses = segment(normalize(title))
    assert len(clauses) == 1, [c.text for c in clauses]
    assert not review(title).findings, [f.rule for f in review(title).findings]


def test_headings_in_capitals_stay_apart_from_the_table_under_them():
    text = ("ANNEX B: KEY PERFORMANCE INDICATORS FOR THE HOMECARE SERVICE\n"
            "| Indicator | Target |\n| Visits completed on time | 95% |\n")
    clauses = segment(normalize(text))
    assert clauses[0].text.strip() == "ANNEX B: KEY PERFORMANCE INDICATORS FOR THE HOMECARE SERVICE", [c.text for c in clauses]


def test_a_numbered_outcome_title_is_not_read_as_part_of_the_row_under_it():
    """"Outcome 2: …" over an action plan's row is the section's title: joined to the row, its words ("a greater say")
    read as an outcome the row names, and the row's activity target went unflagged."""
    text = ("Outcome 2: A greater say for residents in how their neighbourhood services are run and delivered\n"
            "Resident involvement / 2.1.1 / Increase the number of residents' panels held annually across the borough to 12.")
    clauses = segment(text)
    assert clauses[0].text.startswith("Outcome 2:") and "Resident involvement" not in clauses[0].text
    assert any(f.category == "output-only" for f in review(text, rewrites=False).findings)


def test_a_title_case_line_over_a_row_is_its_heading_not_part_of_the_row():
    """A section title in title case, longer than a short label ("Information Returns for Day Centre and Luncheon Club
    Providers"), heads the row under it; joined to it, the title's words were read as the row's own, and a reporting
    heading's field read as a target. A wrapped sentence, which does not capitalise every word, is still joined."""
    title = "Information Returns Required from Day Centre and Luncheon Club Providers"
    clauses = segment(f"{title}\nNumber of lunches served in the month")
    assert [c.text for c in clauses] == [title, "Number of lunches served in the month"]
    found = review(f"{title}\nNumber of lunches served in the month", rewrites=False).findings
    assert [f for f in found if f.category == "output-only"] == []
    wrapped = segment("The provider will send the council a short monthly summary of the meals and\nSessions it delivered.")
    assert len(wrapped) == 1
