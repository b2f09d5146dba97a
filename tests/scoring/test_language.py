"""A draft in another language gets a plain warning that the review reads English only, so a quiet review is not
taken for a clean one; English drafts, terse English tables and bilingual drafts get no such warning."""

from scoring import review
from scoring.draft_text import LANGUAGE_RULE, not_english

# Our own sentences, in the shapes of a customer charter and a tender's award rule.
MALAY = ("Kami akan memastikan setiap permohonan bantuan diproses dalam tempoh 10 hari bekerja dari tarikh dokumen "
         "yang lengkap diterima. Semua aduan akan diberi maklum balas dalam tempoh 2 hari bekerja oleh pegawai yang "
         "bertugas di kaunter.")
FRENCH = ("Le titulaire assurera 900 heures d'accompagnement par an pour les familles du quartier. Le marché sera "
          "attribué à l'offre la plus avantageuse, le prix comptant pour 70 % de la note et la valeur technique pour "
          "30 %.")
ENGLISH_TABLE = ("| Measure | Target | When |\n|---|---|---|\n| Carers assessed | 350 | Quarterly |\n"
                 "| Visits completed | 2,400 | Yearly |\n| Calls answered on time | 90% | Monthly |\n"
                 "| Volunteers recruited | 25 | Yearly |\n| Groups run | 12 | Yearly |")
WELSH_AND_ENGLISH = ("Bydd y gwasanaeth yn cefnogi pobl ifanc yn y sir. The service will support young people in "
                     "the county to stay safe and well. Mae'r darparwr yn gyfrifol am gynnwys pobl ifanc. The "
                     "provider is responsible for involving young people in how the service is run and judged.")


def _rules(text):
    return [f.rule for f in review(text).findings]


def test_a_draft_in_another_language_is_told_the_review_reads_english_only():
    for text in (MALAY, FRENCH):
        report = review(text)
        notice = report.findings[0]
        assert notice.rule == LANGUAGE_RULE and notice.level == "warning" and notice.category == "input"
        assert "English only" in notice.message
        assert not report.has_errors  # a warning, not a failed review


def test_the_notice_does_not_hide_what_the_rules_find_in_english_words_of_the_draft():
    # French prose with one English KPI line: the prose is still mostly French, and the English line is still read.
    text = FRENCH + "\n\n" + FRENCH + "\n\nThe provider will deliver 200 sessions a year."
    rules = _rules(text)
    assert rules[0] == LANGUAGE_RULE and any(r.startswith("output-only/") for r in rules[1:])


def test_english_drafts_terse_tables_and_bilingual_drafts_get_no_language_warning():
    assert LANGUAGE_RULE not in _rules(ENGLISH_TABLE)
    assert LANGUAGE_RULE not in _rules(WELSH_AND_ENGLISH)
    assert LANGUAGE_RULE not in _rules("The provider will deliver 200 sessions a year for carers in the borough.")
    # too short to tell: a few words are never called another language
    assert not not_english("Le prix: 60 %.")


def test_the_language_check_reads_a_bounded_sample_of_a_huge_draft():
    # 200,000 words of English after a French opening: only the opening is read, so the answer is quick and decided
    # by the sample, and it never grows with the draft.
    assert not_english(FRENCH * 400 + " the and of " * 200000)
