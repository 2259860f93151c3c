"""The shipped decision tree and duties table on ten municipal systems; each test names the provision
that decides it (Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from classification_support import features
from geletterdheid.classification import Outcome, classify
from geletterdheid.content import Catalog

pytestmark = pytest.mark.content


def run(catalog: Catalog, **changes: Any) -> Outcome:
    assert catalog.decision_tree is not None and catalog.duties is not None
    return classify(features(**changes), catalog.decision_tree, catalog.duties, catalog.legal)


def articles(outcome: Outcome) -> list[str]:
    return [duty.article for duty in outcome.duties]


def duty(outcome: Outcome, article: str) -> Any:
    found = [d for d in outcome.duties if d.article == article]
    assert len(found) == 1, f"{article} in {articles(outcome)}"
    return found[0]


def route(outcome: Outcome) -> list[tuple[str, str | None]]:
    return [(step.node, step.answer) for step in outcome.path if step.kind != "transparantie"]


def test_bijstand_fraud_scoring_with_profiling_is_high_risk_under_annex_iii_5a(repo_catalog):
    # Annex III point 5(a) (eligibility for, and revoking or reclaiming, public assistance benefits);
    # Art. 6(3) last subparagraph: a system that profiles natural persons is always high-risk.
    outcome = run(repo_catalog, bijlage_iii="5(a)", profilering=True)
    assert (outcome.risk_class, outcome.role) == ("hoog-risico", "gebruiksverantwoordelijke")
    assert ("profilering", "ja") in route(outcome)
    assert "uitzondering-6-3" not in [node for node, _ in route(outcome)]  # 6(3) is never asked
    bijlage = next(step for step in outcome.path if step.node == "bijlage-iii")
    assert bijlage.found == ("bijlage III, punt 5(a)",)
    assert {"26(1)", "26(2)", "27", "49(3)", "86", "4"} <= set(articles(outcome))
    assert duty(outcome, "27").starts == dt.date(2027, 12, 2)  # Art. 113: Annex III high-risk rules
    # Art. 49(3): the fact sheet marks the start of deployer registration as unverified: no date invented.
    registration = duty(outcome, "49(3)")
    assert registration.starts is None and "niet bevestigd" in (registration.unsettled or "")
    assert "16" not in articles(outcome)  # provider duties stay with the supplier
    # Art. 111(2): a high-risk system a public authority already used must comply by 2 August 2030.
    assert duty(outcome, "111(2)").starts == dt.date(2030, 8, 2)


def test_website_chatbot_is_minimal_with_art_50_1_for_the_provider(repo_catalog):
    # Art. 50(1): the provider designs the chatbot so people know they deal with an AI system.
    outcome = run(repo_catalog, interactie_met_personen=True)
    assert (outcome.risk_class, outcome.transparency) == ("minimaal", ("50(1)",))
    disclose = duty(outcome, "50(1)")
    assert disclose.description.startswith("De aanbieder moet") and "controleer" in disclose.description
    assert disclose.starts == dt.date(2026, 8, 2)
    assert articles(outcome) == ["4", "50(1)"]


def test_emotion_recognition_of_call_centre_staff_is_banned_by_5_1_f(repo_catalog):
    # Art. 5(1)(f): inferring emotions of natural persons in the workplace.
    outcome = run(
        repo_catalog,
        verboden=["emotieherkenning-werk-onderwijs"],
        emotieherkenning_of_biometrische_categorisering=True,
    )
    assert outcome.risk_class == "verboden"
    assert next(step for step in outcome.path if step.node == "verboden").found == ("5(1)(f)",)
    assert outcome.transparency == ()  # no Art. 50 steps for a banned system: it must stop
    assert articles(outcome) == ["4", "5(1)"]
    assert duty(outcome, "5(1)").starts == dt.date(2025, 2, 2)


def test_rule_based_permit_calculator_is_not_an_ai_system(repo_catalog):
    # Art. 3(1) and recital 12: rules defined solely by natural persons are not an AI system.
    outcome = run(repo_catalog, is_ai_systeem=False)
    assert (outcome.risk_class, outcome.role, outcome.duties) == ("geen-ai", None, ())
    assert route(outcome) == [("ai-systeem", "nee"), ("geen-ai", None)]
    first = outcome.path[0]
    assert first.answer_text == "Nee, het voert alleen regels uit die mensen hebben opgesteld"
    assert repo_catalog.decision_tree is not None
    node = repo_catalog.decision_tree.node(outcome.path[-1].node)
    assert node is not None and node.sources[0].label == "artikel 3(1)"  # what the site page shows


def test_cv_screening_is_high_risk_under_annex_iii_4a(repo_catalog):
    # Annex III point 4(a): recruitment and selection, including filtering applications.
    outcome = run(repo_catalog, bijlage_iii="4(a)")
    assert outcome.risk_class == "hoog-risico"
    assert ("uitzondering-6-3", "nee") in route(outcome)
    assert {"26(2)", "26(7)", "27", "49(3)", "86"} <= set(articles(outcome))


def test_translation_tool_is_minimal_with_only_ai_literacy(repo_catalog):
    # Not Art. 5, not Annex I or III: minimal risk; Art. 4 applies to every AI system.
    outcome = run(repo_catalog)
    assert (outcome.risk_class, outcome.transparency) == ("minimaal", ())
    assert articles(outcome) == ["4"]
    assert duty(outcome, "4").starts == dt.date(2025, 2, 2)


def test_wmo_summary_without_profiling_is_not_high_risk_under_6_3_d(repo_catalog):
    # Art. 6(3)(d): a preparatory task for an assessment; 6(4) and 49(2) are then the provider's duties.
    outcome = run(repo_catalog, bijlage_iii="5(a)", uitzondering_6_3="voorbereidende-taak")
    assert (outcome.risk_class, outcome.conclusion) == ("minimaal", "geen-hoog-risico-6-3")
    assert next(step for step in outcome.path if step.node == "uitzondering-6-3").found == ("6(3)(d)",)
    assert articles(outcome) == ["4", "6(4)", "49(2)"]
    for article in ("6(4)", "49(2)"):
        assert duty(outcome, article).description.startswith("De aanbieder moet")
    assert duty(outcome, "49(2)").starts is None  # start date not confirmed: said, not invented
    assert "26(1)" not in articles(outcome) and "27" not in articles(outcome)


def test_wmo_summary_developed_by_the_gemeente_gives_it_the_6_4_and_49_2_duties(repo_catalog):
    outcome = run(repo_catalog, bijlage_iii="5(a)", uitzondering_6_3="voorbereidende-taak", zelf_ontwikkeld=True)
    assert outcome.role == "aanbieder"
    assert duty(outcome, "6(4)").description.startswith("Leg vast")
    assert duty(outcome, "49(2)").description.startswith("Registreer")


def test_traffic_light_control_is_high_risk_under_annex_iii_point_2_without_fria(repo_catalog):
    # Annex III point 2: safety components in road traffic. Art. 27 (FRIA), 49(3) and 86 exclude point 2.
    outcome = run(repo_catalog, bijlage_iii="2")
    assert outcome.risk_class == "hoog-risico"
    assert "26(1)" in articles(outcome)
    assert not {"27", "49(3)", "86"} & set(articles(outcome))
    assert duty(outcome, "49(5)").starts is None  # registered at national level; start date not confirmed


def test_ai_images_in_communications_are_minimal_and_50_4_only_for_a_deepfake(repo_catalog):
    # Art. 50(2) marking is the provider's duty; Art. 50(4) applies to the deployer only for a deepfake.
    images = run(repo_catalog, synthetische_inhoud=True)
    assert (images.risk_class, images.transparency) == ("minimaal", ("50(2)",))
    assert duty(images, "50(2)").description.startswith("De aanbieder moet")
    assert duty(images, "111(4)").starts == dt.date(2026, 12, 2)  # generative systems already on the market
    assert "50(4)" not in articles(images)
    deepfake = run(repo_catalog, synthetische_inhoud=True, deepfake=True)
    assert deepfake.transparency == ("50(2)", "50(4)")
    assert duty(deepfake, "50(4)").description.startswith("Zeg bij een deepfake")


def test_self_developed_chatbot_makes_the_gemeente_provider_with_its_own_50_1_duty(repo_catalog):
    # Art. 3(3): a public authority that develops a system and puts it into service under its own name.
    outcome = run(repo_catalog, zelf_ontwikkeld=True, interactie_met_personen=True)
    assert (outcome.role, outcome.risk_class, outcome.transparency) == ("aanbieder", "minimaal", ("50(1)",))
    assert ("rol", "ja") in route(outcome)
    assert duty(outcome, "50(1)").description.startswith("Zorg dat mensen weten")


def test_self_developed_high_risk_system_carries_provider_and_deployer_duties(repo_catalog):
    # Art. 16, 43 and 49(1) for the provider; it uses the system itself, so Art. 26 and 27 apply too.
    outcome = run(repo_catalog, zelf_ontwikkeld=True, bijlage_iii="5(a)", profilering=True)
    assert {"16", "43", "49(1)", "26(1)", "27"} <= set(articles(outcome))


def test_emotion_recognition_of_residents_is_high_risk_with_50_3(repo_catalog):
    # Annex III point 1(c) plus Art. 50(3): transparency comes on top of the risk class.
    outcome = run(repo_catalog, bijlage_iii="1(c)", emotieherkenning_of_biometrische_categorisering=True)
    assert (outcome.risk_class, outcome.transparency) == ("hoog-risico", ("50(3)",))
    assert "50(3)" in articles(outcome)


def test_every_duty_of_an_outcome_has_a_date_or_says_why_not(repo_catalog):
    for changes in (
        {"bijlage_iii": "5(a)"},
        {"zelf_ontwikkeld": True, "bijlage_iii": "2"},
        {"bijlage_i_product": True},
    ):
        for found in run(repo_catalog, **changes).duties:
            assert (found.starts is None) == (found.unsettled is not None), found


def test_example_inventory_is_classified_as_its_comments_say(repo_catalog):
    assert repo_catalog.inventory is not None
    assert len(repo_catalog.inventory.systems) in range(6, 10)
    expected = {
        "bijstand-fraudesignalen": "hoog-risico",
        "chatbot-website": "minimaal",
        "cv-selectie": "hoog-risico",
        "vertaaltool": "minimaal",
        "wmo-samenvatting": "minimaal",
        "verkeerslichten": "hoog-risico",
        "beeldgenerator-communicatie": "minimaal",
        "vergunningscalculator": "geen-ai",
        "klantcontact-emotieanalyse": "verboden",
    }
    assert repo_catalog.decision_tree is not None and repo_catalog.duties is not None
    got = {
        s.id: classify(s.features, repo_catalog.decision_tree, repo_catalog.duties, repo_catalog.legal).risk_class
        for s in repo_catalog.inventory.systems
    }
    assert got == expected
