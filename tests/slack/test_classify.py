"""Question or draft? Messages as commissioners type them, with the kind a person would expect.

The table was written before the heuristics were tuned; the heuristics are general rules
(interrogative openings, tender register, length, layout), not a list of these examples."""

import pytest

from bot.slack.classify import Intent, classify

LONG_PASTE = """4. Service requirements

4.1 The Provider shall deliver a minimum of 200 youth sessions per year across the three centres.
What does success look like? The Council expects young people to be safe and to enjoy the sessions.
4.2 The Provider shall carry out at least 6 hours of detached youth work each week.
4.3 All referrals must be contacted within 5 working days."""

KPI_TABLE = "KPI\tTarget\tFrequency\nHours of care delivered\t10,000\tMonthly\nVisits completed on time\t95%\tMonthly"

PIPE_TABLE = """| KPI | Target |
| --- | --- |
| Number of assessments completed | 400 per year |
| Carers contacted within 10 days | 90% |"""

CASES = [
    # Questions, with and without a question mark, tidy and hurried.
    ("How should we weight price against quality?", "question"),
    ("how do i write outcomes for a carers service", "question"),
    ("what's the difference between outputs and outcomes", "question"),
    ("Should social value be 10% or more?", "question"),
    ("can we pay providers by results for homecare", "question"),
    ("Is it ok to have a KPI on number of visits?", "question"),
    ("any tips on co-production with young people", "question"),
    ("tell me about the triple bottom line", "question"),
    ("explain outcomes based commissioning", "question"),
    ("I need guidance on setting award criteria for a Powys domiciliary care contract", "question"),
    ("whats a good outcome measure for lonelines", "question"),
    ("Do we need to involve service users in evaluating bids?", "question"),
    ("why is price-first bad", "question"),
    ("When should the provider report outcomes?", "question"),
    ("which wellbeing scale works for teenagers?", "question"),
    ("who should sit on the evaluation panel", "question"),
    ("Are outcome payments allowed under the Procurement Act 2023?", "question"),
    ("hw do we measure social value in Glasgow tenders?", "question"),
    ("What outcomes would suit a Ceredigion youth service", "question"),
    ("help me write an outcome for a befriending service", "question"),
    ("outcome measures for homelessness?", "question"),
    ("Wellbeing measures for older people in Rhondda Cynon Taf", "question"),
    ("what % should social value be?", "question"),
    ("Should the provider be paid per visit or per outcome?", "question"),
    ("hi, quick one - do we have to use the lowest price?", "question"),
    ("need some help with award criteria for a Fife care home tender", "question"),
    ("looking for examples of outcome KPIs for domestic abuse services", "question"),
    ("We're retendering our carers support service in Conwy next spring and the current contract is all "
     "about numbers of assessments and contacts. What's the best way to move to outcomes without "
     "destabilising the current provider?", "question"),
    ("wat is co-production", "question"),
    ("Does the Social Value Act apply to contracts under the threshold in Perth and Kinross", "question"),
    # One-line clauses and criteria.
    ("The provider will deliver 200 sessions a year.", "review"),
    ("The Provider shall ensure that 95% of visits are completed within 15 minutes of the scheduled time.", "review"),
    ("the provider must see all referrals within 48 hours", "review"),
    ("Price 60% Quality 40%", "review"),
    ("Evaluation: Price 70% / Quality 30%", "review"),
    ("Quality 70%", "review"),
    ("KPI 1: Number of young people attending sessions per quarter | Target: 300", "review"),
    ("Number of clients supported: 250 per annum", "review"),
    # KPI names with their figures, pasted as lines (a reader's paste of two KPI lines was answered as a question)
    ("Number of clients in drug treatment: 640\nNo of carers assessed each quarter", "review"),
    ("No of classes held\n120\n135", "review"),
    ("number of visits for a carers service", "question"),
    ("Number of visits: is 3 a week enough?", "question"),
    ("Payment will be made at £18.50 per contact hour.", "review"),
    ("The successful bidder is expected to demonstrate value for money.", "review"),
    ("Contract value: £450,000 over 3 years (2+1)", "review"),
    ("Young people will report improved wellbeing as measured by SWEMWBS", "review"),
    ("Outcome: carers report feeling less isolated (measured using the UCLA loneliness scale at 6 months).", "review"),
    ("The service will be delivered across Ynys Môn and Gwynedd, with at least 80% of contacts in Welsh "
     "where requested.", "review"),
    ("Services will be provided in Dumfries and Galloway and the Scottish Borders. The contractor shall "
     "deliver 1,500 hours of support per annum.", "review"),
    ("Award criteria: Quality 50%, Price 40%, Social Value 10%. The lowest priced bid will receive full "
     "marks for price.", "review"),
    ("Bidders must describe how they will involve people with lived experience in the design of the "
     "service (20%).", "review"),
    ("Method statement question 4: How will you ensure the service is co-produced with carers? "
     "(500 words, 15%)", "review"),
    ("Please describe your approach to social value (max 1000 words)", "review"),
    # Layouts people paste: bullets, numbered clauses, tables, whole sections.
    ("- Deliver 12 workshops per term\n- Reach 500 residents in Merthyr Tydfil\n- Produce a quarterly "
     "monitoring report", "review"),
    ("3.1 The Service will operate Monday to Friday 9am-5pm.\n3.2 The Provider must maintain a waiting "
     "list of no more than 4 weeks.", "review"),
    (KPI_TABLE, "review"),
    (PIPE_TABLE, "review"),
    (LONG_PASTE, "review"),
    # A question wrapped round a clause: the clause is what they want looked at.
    ("is this ok: The provider will deliver 40 sessions per month.", "review"),
    ("Can you check this: Evaluation will be 70% price and 30% quality", "review"),
    ("thoughts on this? The Provider shall achieve 95% of visits on time.", "review"),
    ("The provider will deliver 200 sessions a year. Is that an output?", "review"),
    # Help and nothing.
    ("help", "help"),
    ("HELP", "help"),
    ("Help!", "help"),
    ("?", "help"),
    ("<@U0123ABC> help", "help"),
    ("", "empty"),
    ("   \n ", "empty"),
    ("<@U0123ABC>", "empty"),
    # Prefixes force the kind, whatever the words look like.
    ("review: how many sessions should we ask for?", "review"),
    ("ask: The provider will deliver 200 sessions", "question"),
    ("Review - Price 80% Quality 20%", "review"),
    ("ASK - social value weighting", "question"),
    ("<@U0123ABC> review: The provider will run a helpline.", "review"),
]


@pytest.mark.parametrize("message,kind", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_kind(message, kind):
    assert classify(message).kind == kind


def test_the_table_is_big_enough_to_mean_something():
    assert len(CASES) >= 45
    assert sum(k == "question" for _, k in CASES) >= 20
    assert sum(k == "review" for _, k in CASES) >= 20


@pytest.mark.parametrize("message,text", [
    ("review: how many sessions should we ask for?", "how many sessions should we ask for?"),
    ("Review - Price 80% Quality 20%", "Price 80% Quality 20%"),
    ("REVIEW:The provider will run a helpline.", "The provider will run a helpline."),
    ("ask: The provider will deliver 200 sessions", "The provider will deliver 200 sessions"),
    ("Ask -  social value weighting ", "social value weighting"),
    ("<@U0123ABC> review: The provider will run a helpline.", "The provider will run a helpline."),
    ("<@U0123ABC|tender-coach>   How do we weight price?", "How do we weight price?"),
])
def test_prefix_and_mention_are_stripped(message, text):
    assert classify(message).text == text


def test_a_draft_keeps_its_layout():
    assert classify(KPI_TABLE).text == KPI_TABLE
    assert classify("  " + LONG_PASTE + "\n").text == LONG_PASTE


def test_the_clause_after_a_lead_in_question_is_what_gets_reviewed():
    intent = classify("is this ok: The provider will deliver 40 sessions per month.")
    assert intent == Intent("review", "The provider will deliver 40 sessions per month.")


@pytest.mark.parametrize("message,text", [
    # a request to look over the clauses after it, in whatever currency they pay
    ("Please check our maternity clauses: For each normal delivery the health centre receives KES 6,000.",
     "For each normal delivery the health centre receives KES 6,000."),
    ("can you review the payment terms: A case rate of PHP 4,500 is paid to accredited providers.",
     "A case rate of PHP 4,500 is paid to accredited providers."),
    ("<@U0123ABC> have a look at the fee: Facilitators are paid Rs. 500 per session.",
     "Facilitators are paid Rs. 500 per session."),
])
def test_a_request_to_check_what_follows_reviews_the_clause_after_it(message, text):
    assert classify(message) == Intent("review", text)


@pytest.mark.parametrize("message", [
    "Please check the guidance on social value before Friday.",
    "Can you review how other councils weight quality?",
])
def test_a_request_to_check_with_no_clause_after_it_is_still_a_question(message):
    assert classify(message).kind == "question"


def test_help_and_empty_carry_no_text():
    assert classify("help").text == ""
    assert classify("<@U0123ABC>").text == ""


def test_a_prefix_with_nothing_after_it_is_empty():
    assert classify("review:").kind == "empty"
    assert classify("ask - ").kind == "empty"


def test_words_that_merely_start_with_a_prefix_are_not_one():
    # "reviewing" and "asking" are ordinary words, not a forced kind.
    assert classify("reviewing award criteria - what weighting for quality?").kind == "question"
    assert classify("asking for a friend: how do outcome payments work?").kind == "question"
    assert classify("review-based commissioning: what is it?").kind == "question"
    assert classify("Ask-the-expert sessions: are they outputs?").kind == "question"


@pytest.mark.parametrize("message", ["what can you do?", "How do I use this", "help please", "commands"])
def test_questions_about_the_bot_itself_get_help(message):
    assert classify(message).kind == "help"
