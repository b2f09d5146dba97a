"""A social landlord's repairs, lettings and charter targets get a tenants' outcome, not a support-plan review.

Repairs done in a time limit, visits to new tenants and audits of tenancies say how fast a landlord works.
Their rewrites propose what tenants want from it: a home that is safe and well kept, and repairs done well
in a time that suits them, measured by the regulator's Tenant Satisfaction Measures survey. Support to keep
a tenancy (floating support, homelessness) keeps its own tenancy measures. All examples are our own.
"""

import pytest

from knowledge.outcome_library import measures
from scoring import review
from scoring.service_area import detect_area

LANDLORD_TARGETS = [
    "Repairs standards\n\nAll emergency repairs will be attended to and made safe within 24 hours.",
    "Housing association KPIs\n\n% of repairs completed right first time (target = 92%)",
    "Repairs charter\n\nWe will attend to emergency repairs within 4 hours of your call.",
    "Landlord services\n\nAverage number of days to complete a repair (target = 8 days)",
]


def _measures_in(rewrite: str) -> set[str]:
    # (a measure named beside the nation's own collection: "(the landlord's own survey …; in England, Tenant …, every year)")
    return {key for key, m in measures().items()
            if any(f"{start}{m.short}{end}" in rewrite for start in ("(", "; in England, ") for end in (", ", "; in "))}


@pytest.mark.parametrize("text", LANDLORD_TARGETS)
def test_a_landlords_timeliness_target_is_rewritten_for_tenants_with_the_satisfaction_measures(text):
    rewrites = [f.rewrite for f in review(text).findings if f.rewrite and f.category == "output-only"]
    assert rewrites, text
    for rewrite in rewrites:
        # a text that does not say where it is from: a survey any landlord runs, with England's measures named beside it
        assert _measures_in(rewrite) == {"repairs-follow-up", "tenant-satisfaction-measures"}, rewrite
        assert "; in England, Tenant Satisfaction Measures" in rewrite, rewrite
        assert rewrite.startswith(("Tenants ", "Percentage of tenants who ")), rewrite
        assert "support-plan review" not in rewrite


@pytest.mark.parametrize("text", LANDLORD_TARGETS)
def test_an_english_landlords_timeliness_target_gets_the_tenant_satisfaction_measures_alone(text):
    rewrites = [f.rewrite for f in review(text.replace("\n\n", " (England)\n\n", 1)).findings
                if f.rewrite and f.category == "output-only"]
    assert rewrites, text
    for rewrite in rewrites:
        assert _measures_in(rewrite) == {"tenant-satisfaction-measures"}, rewrite


def test_support_to_keep_a_tenancy_stays_a_homelessness_service():
    text = "Floating support helps tenants at risk of eviction to keep their tenancy."
    assert detect_area(text).key == "homelessness"
    assert detect_area("Responsive repairs to tenants' homes and communal areas.").key == "social-housing"
