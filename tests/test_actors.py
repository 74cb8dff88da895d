from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from briefing.analysis import PipelineUnavailable, analyse
from briefing.analysis.pipeline import load_pipeline


def actors_of(text: str) -> dict[str, dict]:
    return {a["name"]: a for a in analyse(text)["actors"]}


def test_possessive_and_article_are_stripped():
    found = actors_of("North Korea’s army moved. The RAND Corporation's report followed. "
                      "Officials in North Korea declined to comment.")
    assert "North Korea" in found and "North Korea’s" not in found
    assert "RAND Corporation" in found
    assert len(found["North Korea"]["mentions"]) == 2


def test_surname_joins_full_name():
    found = actors_of("Russian President Vladimir Putin arrived on Monday. Putin said the talks "
                      "were useful.")
    assert "Putin" not in found
    assert len(found["Vladimir Putin"]["mentions"]) == 2
    assert found["Vladimir Putin"]["type"] == "person"


def test_shared_surname_goes_to_the_bearer_the_text_is_about():
    # Two people stay two; the bare surname goes to the one named first and most.
    two = actors_of("John Smith met Mary Smith in Paris. Smith said little. Later John Smith "
                    "left.")
    assert "John Smith" in two and "Mary Smith" in two and "Smith" not in two
    assert len(two["John Smith"]["mentions"]) == 3 and len(two["Mary Smith"]["mentions"]) == 1


def test_demonyms_become_their_country():
    found = actors_of("Russian troops crossed the border. North Korean engineers followed, "
                      "and Chinese officials watched.")
    assert {"Russia", "North Korea", "China"} <= set(found)
    assert found["Russia"]["type"] == "country"
    assert "Russian" in found["Russia"]["aliases"]


def test_acting_capital_is_the_government_but_a_venue_stays_a_place():
    found = actors_of("Moscow denies any role in the attack. Leaders will meet at a summit in "
                      "Washington next month.")
    assert "Russia" in found and "Moscow" in found["Russia"]["aliases"]
    assert found["Washington"]["type"] == "place"
    conj = actors_of("Both Washington and Seoul estimate that exports rose.")
    assert {"United States", "South Korea"} <= set(conj)


def test_alias_tables_merge_abbreviations():
    found = actors_of("The U.S. imposed sanctions. The United States said more would follow. "
                      "The UN called for calm, and the United Nations sent envoys.")
    assert "U.S." not in found and "UN" not in found
    assert len(found["United States"]["mentions"]) == 2
    assert len(found["United Nations"]["mentions"]) == 2


def test_titles_are_role_not_name():
    found = actors_of("Pentagon press secretary Major General Patrick Ryder warned North Korea "
                      "on Tuesday.")
    assert "Patrick Ryder" in found
    assert "Major General" in (found["Patrick Ryder"]["role"] or "")


def test_apposition_gives_role():
    found = actors_of("Bruce Bennett, a senior defense analyst at the RAND Corporation, said the "
                      "risk was growing.")
    assert "analyst at the RAND Corporation" in found["Bruce Bennett"]["role"]


def test_missed_mentions_are_found_by_alias():
    text = "Elina Varga spoke first. Later, Varga added that the talks had stalled."
    found = actors_of(text)
    mentions = found["Elina Varga"]["mentions"]
    assert [text[s:e] for s, e in mentions] == ["Elina Varga", "Varga"]


def test_a_dateline_s_place_is_a_place_but_its_unknown_agency_is_no_actor():
    found = actors_of("HELSINKI, Feb 14 (NWS) - Finnish police detained a ship on Friday.")
    assert "HELSINKI" not in found and "NWS" not in found
    assert found["Helsinki"]["type"] == "place" and "Finland" in found
    two = actors_of("OSLO/MEXICO CITY (Reuters) — Shares fell on Monday.")
    assert two["Oslo"]["type"] == two["Mexico City"]["type"] == "place"
    # A label or a headline in capitals before a dash is no place.
    assert "Exclusive" not in actors_of("EXCLUSIVE – Dana Vole spoke to reporters.")
    assert actors_of("POLLS NOT NECESSARILY WRONG — The polls were right.") == {}


def test_mentions_never_span_a_line_break_and_slice_back():
    text = "Talks between Japan and\nSouth Korea resumed.\n\nSouth Korea said Japan agreed."
    result = analyse(text)
    for actor in result["actors"]:
        for start, end in actor["mentions"]:
            assert "\n" not in text[start:end]
            assert text[start:end] in actor["aliases"] or actor["type"] == "person"


def test_no_pipeline_is_one_line(monkeypatch):
    load_pipeline.cache_clear()
    with pytest.raises(PipelineUnavailable) as info:
        analyse("Some text.", model="no_such_pipeline_xyz")
    assert "no_such_pipeline_xyz" in str(info.value) and "\n" not in str(info.value)


def test_analyze_json_shape_and_offsets(tmp_path):
    sample = tmp_path / "a.txt"
    sample.write_text("Talks resume\n\nThe minister, Anna Berg, said on Monday that Sweden "
                      "would send 40 observers. Moscow denied the report.\n")
    out = subprocess.run([sys.executable, "-m", "briefing", "analyze", str(sample), "--json"],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    data = json.loads(out)
    assert {"title", "text", "model", "actors", "claims", "flags"} <= set(data)
    assert data["title"] == "Talks resume" and data["model"].startswith("en_core_web_sm")
    for actor in data["actors"]:
        assert set(actor) >= {"name", "type", "aliases", "role", "mentions"}
        for start, end in actor["mentions"]:
            assert data["text"][start:end]
    for claim in data["claims"]:
        assert set(claim) >= {"start", "end", "text", "kinds", "speaker", "cue", "hedges",
                              "probability"}
        assert data["text"][claim["start"]:claim["end"]] == claim["text"]


def test_analyze_without_pipeline_fails_in_one_line(tmp_path):
    sample = tmp_path / "a.txt"
    sample.write_text("Some text here.")
    result = subprocess.run([sys.executable, "-m", "briefing", "--model", "nope_pipeline",
                             "analyze", str(sample)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nope_pipeline" in result.stderr


def test_embassy_in_a_capital_is_not_that_country_acting():
    found = actors_of("The Russian embassy in Helsinki denied any involvement.")
    assert "Helsinki" in found and found["Helsinki"]["type"] == "place"
    assert "Finland" not in found


def test_officials_in_a_capital_act_for_its_country():
    found = actors_of("Officials in Bamako and Ouagadougou have stated that they support it.")
    assert {"Mali", "Burkina Faso"} <= set(found)


def test_short_place_joins_the_longer_place_it_begins():
    found = actors_of("Ships crossed the Baltic Sea on Monday. Patrols in the Baltic will grow.")
    assert "Baltic" not in found and len(found["Baltic Sea"]["mentions"]) == 2


def test_singular_and_plural_name_one_group():
    found = actors_of("Houthi forces fired two missiles on Monday. The Houthis said more "
                      "attacks would follow.")
    assert "Houthi" not in found and found["Houthis"]["type"] == "group"
    assert len(found["Houthis"]["mentions"]) == 2


def test_known_organisation_before_a_title_is_still_an_actor():
    found = actors_of("NATO Secretary General Mark Rutte welcomed the decision on Friday.")
    assert "NATO" in found and "Mark Rutte" in found
    assert "Secretary General" in (found["Mark Rutte"]["role"] or "")


def test_names_with_particles_are_one_person():
    # The small model tags "Ursula von der" + "Leyen" (a place), "Von der Leyen" as an
    # organisation, and "Berg" alone after "Van der": each is one person all the same.
    found = actors_of(
        "European Commission President Ursula von der Leyen said the bloc would respond. "
        "Von der Leyen spoke after meeting Saudi Crown Prince Mohammed bin Salman in Jeddah. "
        "Dutch economist Jan van der Berg disagreed. Van der Berg said prices would fall.")
    leyen = found["Ursula von der Leyen"]
    assert len(leyen["mentions"]) == 2 and leyen["role"] == "European Commission President"
    assert len(found["Jan van der Berg"]["mentions"]) == 2
    assert found["Jan van der Berg"]["role"] is None  # "Van der" is no title
    assert "Mohammed bin Salman" in found
    assert not {"Leyen", "von der Leyen", "Von der Leyen", "Berg"} & set(found)


def test_a_facility_tagged_as_a_person_is_a_place():
    found = actors_of("Charles de Gaulle Airport was closed after the strike, officials said.")
    assert found["Charles de Gaulle Airport"]["type"] == "place"


def test_names_opening_with_a_lower_case_particle_are_actors():
    found = actors_of(
        "We assess that al-Shabaab will increase attacks on AMISOM forces. Al-Shabaab "
        "claimed the attack in Mogadishu. Ahmed al-Sharaa met reporters; al-Sharaa said "
        "Syria would vote. Al Jazeera reported it.")
    shabaab = found["al-Shabaab"]  # "Al-Shabaab" at a sentence start is the same group
    assert shabaab["type"] == "organisation" and len(shabaab["mentions"]) == 2
    assert len(found["Ahmed al-Sharaa"]["mentions"]) == 2
    assert "Al Jazeera" in found  # a name always written capitalised keeps its capital


def test_news_agencies_are_organisations():
    # The small model tags Xinhua as a person after this first sentence.
    found = actors_of("MOSCOW, Oct 2 - TASS quoted Kremlin spokesman Dmitry Peskov as saying "
                      "that Moscow would respond to any deployment. Xinhua reported that "
                      "Chinese Foreign Ministry spokesperson Mao Ning called the sanctions "
                      "illegal.")
    assert found["Xinhua"]["type"] == "organisation"
    assert found["Mao Ning"]["type"] == "person"


def names_of(text: str) -> set[str]:
    return set(actors_of(text))


def test_markup_and_url_fragments_are_not_actors():
    found = actors_of("President Trump secured the release of [six Americans held in "
                      "Venezuela](https://example.org/policy/x). John Ratcliffe](https://"
                      "www.example.gov/about) spoke.")
    assert "Venezuela" in found and "John Ratcliffe" in found
    for actor in found.values():
        for alias in actor["aliases"]:
            assert not any(mark in alias for mark in ("](", "http", "www", "["))


def test_dates_generic_words_and_bare_adjectives_are_not_actors():
    names = names_of("Release Date: March 3, 2025\n\nModerator: Welcome to the debate. Turnout "
                     "was high on Tuesday. The Stakes are high as Super Tuesday looms. The VAT "
                     "rose in Eastern regions. Democratic leaders met on Friday.")
    assert not names & {"Release Date", "Moderator", "Turnout", "Stakes", "Super", "VAT",
                        "Eastern", "Democratic", "Democratic Party", "Tuesday"}


def test_bracketed_acronym_is_cut_and_joins_its_expansion():
    found = actors_of(
        "The Administrative Tribunal of the World Bank (WB) ruled on Monday. The Drug "
        "Enforcement Administration (DEA) said the DEA would act. The British Virgin Islands "
        "said the BVI would comply. The Ku Klux Klan marched; the KKK was condemned.")
    assert "Administrative Tribunal of the World Bank" in found
    assert not any("(" in name for name in found)
    assert {"DEA", "BVI", "KKK"}.isdisjoint(found)
    assert "DEA" in found["Drug Enforcement Administration"]["aliases"]
    assert "BVI" in found["British Virgin Islands"]["aliases"]
    assert "KKK" in found["Ku Klux Klan"]["aliases"]


def test_a_name_split_by_a_line_wrap_is_one_person():
    text = "Russian President Vladimir\nPutin met officials. Putin said talks went well."
    found = actors_of(text)
    assert "Vladimir" not in found and "Putin" not in found
    putin = found["Vladimir Putin"]
    assert len(putin["mentions"]) == 3 and putin["role"] == "Russian President"


def test_bare_surname_goes_to_the_bearer_the_text_is_about():
    obama = actors_of("Barack Obama spoke on Monday. Michelle Obama joined him later. Obama "
                      "said the plan would work.")
    assert "Obama" in obama["Barack Obama"]["aliases"]
    assert "Obama" not in obama["Michelle Obama"]["aliases"]
    trump = actors_of("Donald Trump rallied in Ohio. Melania Trump and Donald Trump Jr. "
                      "attended. Trump said he would win. Donald Jr. agreed, and Donald Jr. "
                      "spoke.")
    assert "Obama" not in obama and "Trump" not in trump
    assert "Trump" in trump["Donald Trump"]["aliases"]
    assert "Donald Jr." in trump["Donald Trump Jr."]["aliases"]
    assert len(trump["Donald Trump"]["mentions"]) == 2


def test_a_title_or_pronoun_in_the_sentence_picks_the_other_bearer():
    found = actors_of("Bill Clinton campaigned with Hillary Clinton in Iowa. Voters like "
                      "Clinton because she is tough. Mrs. Clinton waved. Mr. Clinton smiled.")
    hillary, bill = found["Hillary Clinton"], found["Bill Clinton"]
    assert "Clinton" in hillary["aliases"] and "Clinton" not in bill["aliases"]
    assert "Mr. Clinton" in bill["aliases"]
    # With no bearer of his sex named in full, "Mr. Clinton" is a person of his own, named
    # by the surname (which is then his, not Hillary's).
    alone = actors_of("Hillary Clinton spoke in Iowa. Later Mr. Clinton spoke too.")
    assert "Clinton" in alone and alone["Clinton"]["type"] == "person"
    assert alone["Hillary Clinton"]["aliases"] == ["Hillary Clinton"]


def test_one_person_with_and_without_a_middle_initial():
    found = actors_of("Donald J. Trump won Indiana. Donald Trump then spoke. Sen. Lindsey O. "
                      "Graham and Lindsey Graham's staff disagreed.")
    assert len([n for n in found if "Trump" in n]) == 1
    assert len([n for n in found if "Graham" in n]) == 1


def test_party_names_are_one_actor():
    found = actors_of("Republicans said the GOP would hold the Senate. The Republican Party "
                      "met in Ohio. Democrats and the Democratic Party disagreed.")
    gop = found["Republican Party"]
    assert {"Republicans", "GOP", "Republican Party"} <= set(gop["aliases"])
    assert gop["type"] == "organisation"
    assert {"Democrats", "Democratic Party"} <= set(found["Democratic Party"]["aliases"])
    assert not {"Republicans", "GOP", "Democrats"} & set(found)


def test_no_over_merging_of_places_that_share_a_word():
    found = actors_of("Soldiers left Fort Bragg, now called Fort Liberty, for Fort Moore, "
                      "formerly Fort Benning. Voters in Kansas City and Kansas backed him. Fans "
                      "in Miami cheered. Hotels in Miami Beach were full.")
    assert {"Fort Bragg", "Fort Liberty", "Fort Moore"} <= set(found)
    for actor in found.values():
        assert sum(1 for alias in actor["aliases"] if alias.startswith("Fort ")) <= 1
    assert {"Miami", "Miami Beach", "Kansas", "Kansas City"} <= set(found)
    assert found["Miami"]["type"] == "place"


def test_title_split_from_name_and_an_age_is_no_role():
    found = actors_of("National Security Adviser Jake Sullivan said the talks would go on. "
                      "John Smith, 51, said he agreed. Stephen Miller, a magnificent man, "
                      "agreed.")
    assert found["Jake Sullivan"]["role"] == "National Security Adviser"
    assert found["John Smith"]["role"] is None
    assert found["Stephen Miller"]["role"] in (None, "magnificent man")
    both = actors_of("Senators Harry Reid and Elizabeth Warren objected on Monday.")
    assert both["Harry Reid"]["role"] == "Senator"


def test_a_person_with_a_title_or_given_name_is_a_person():
    found = actors_of("Carly Fiorina said the plan failed. Sen. Fiorina added that it cost "
                      "too much.")
    assert found["Carly Fiorina"]["type"] == "person"
    assert len(found["Carly Fiorina"]["mentions"]) == 2


def test_headline_words_and_credit_lines_are_not_actors():
    found = actors_of("Trump Says He Is Unlikely To Meet Star Norbert Leo Butz\n\nDonald Trump "
                      "said on Monday that Norbert Leo Butz was a fine actor.\n\nFollow Pam "
                      "Key on Twitter @pamkey")
    assert "Norbert Leo Butz" in found and "Star Norbert Leo Butz" not in found
    assert not any(n.startswith(("Trump Says", "Follow")) for n in found)
    assert "Pam Key" in found
    assert not any("@" in alias for a in found.values() for alias in a["aliases"])


def test_state_abbreviations_and_party_tags_name_the_state():
    found = actors_of("Sen. Ted Cruz (R-Texas) and Sen. Marco Rubio (R-Fla.) clashed with "
                      "Harry M. Reid (D-Nev.) in Fla. on Monday.")
    assert "Fla." in found["Florida"]["aliases"] and found["Florida"]["type"] == "place"
    assert "Texas" in found and "Nev." in found["Nevada"]["aliases"]
    for person in ("Ted Cruz", "Marco Rubio", "Harry M. Reid"):
        assert not (found[person]["role"] or "").startswith(("R", "D"))


def test_names_in_a_list_are_tagged_like_their_neighbours():
    found = actors_of("The letter was signed by ColorOfChange.org, MPower Change, Emerge USA, "
                      "Bend the Arc, Demand Progress, American Family Voices, the Sierra Club "
                      "and the Southern Poverty Law Center.")
    assert {"MPower Change", "Emerge USA", "Demand Progress"} <= set(found)
    assert not any("," in name for name in found)


def test_a_capital_in_relations_stands_for_its_country_but_its_mayor_is_the_city():
    found = actors_of("France has a special relationship with Washington. Officials drew "
                      "criticism from Berlin. London's mayor criticised the plan.")
    assert "Washington" in found["United States"]["aliases"]
    assert "Berlin" in found["Germany"]["aliases"]
    assert found["London"]["type"] == "place"


def test_a_capital_a_pledge_or_treaty_is_made_with_stands_for_its_country():
    found = actors_of("Norway cut its emissions after signing a pledge with Canberra last "
                      "spring. Oslo later ratified a treaty with Ottawa.")
    assert "Canberra" in found["Australia"]["aliases"]
    assert "Ottawa" in found["Canada"]["aliases"]


def test_an_adjective_made_from_a_name_is_no_actor():
    names = names_of("Donald Trump and the Trumpian wing of the party rallied. Ben Carson and "
                     "the Carsonian faithful prayed.")
    assert {"Donald Trump", "Ben Carson"} <= names
    assert not {"Trumpian", "Carsonian"} & names


def test_part_of_an_organisation_name_joins_it():
    found = actors_of("The Ku Klux Klan held a rally. Critics said the Klan was shrinking. A "
                      "Quinnipiac University poll found support. Quinnipiac said 40 percent "
                      "agreed. The Donald J. Trump Foundation gave $50,000.")
    assert "Klan" not in found and "Quinnipiac" not in found
    assert found["Ku Klux Klan"]["type"] == "organisation"
    assert len(found["Ku Klux Klan"]["mentions"]) == 2
    assert len(found["Quinnipiac University"]["mentions"]) == 2
    assert found["Donald J. Trump Foundation"]["type"] == "organisation"


def test_a_possessive_inside_a_tagged_name_is_split():
    # "the Green Party's Jill Stein": the person after the possessive; "Ames's van": the
    # possessor, never a lower-case tail.
    found = actors_of("The Green Party’s Jill Stein spoke on Tuesday. Later the Green Party "
                      "issued a statement.")
    assert "Jill Stein" in found and not any("’s" in n for n in found)
    van = actors_of("Senator Marcus Ames left early. Ames’s van was escorted by the police.")
    assert not any("van" in n.split() for n in van)
    assert len(van["Marcus Ames"]["mentions"]) == 2


def test_a_title_case_opening_line_is_a_headline():
    # The title line written with small words in lower case ("to", "in") names no new
    # actors: "Avoid Bad Optics" is a slogan, not an organisation.
    found = actors_of("Ames Was Rushed to Hospital But Diverted to Avoid Bad Optics.\n\n"
                      "Senator Marcus Ames left the memorial early on Sunday, aides said.")
    assert "Avoid Bad Optics" not in found
    assert "Marcus Ames" in found and len(found["Marcus Ames"]["mentions"]) == 2


def test_words_before_a_full_name_are_not_the_name():
    # A slogan word, a title of a pageant or a gerund taken into the name: the person is
    # the full name the text gives elsewhere.
    crooked = actors_of("Donald Trump attacked Crooked Hillary Clinton on Monday. Hillary "
                        "Clinton did not answer.")
    assert "Hillary Clinton" in crooked and not any("Crooked" in n for n in crooked)
    assert len(crooked["Hillary Clinton"]["mentions"]) == 2
    pageant = actors_of("Trump called former Miss Universe Alicia Machado a disaster. Alicia "
                        "Machado answered on Tuesday.")
    assert "Alicia Machado" in pageant and "Miss Universe Alicia Machado" not in pageant
    gerund = actors_of("The crowd cheered when Celebrating Clinton appeared. Hillary Clinton "
                       "waved.")
    assert set(gerund) == {"Hillary Clinton"}


def test_a_short_given_name_and_its_formal_form_are_one_person():
    found = actors_of("Vice President Joseph R. Biden visited Riga on Monday. Joe Biden told "
                      "reporters the alliance was firm.")
    assert "Joe Biden" not in found and "Joe Biden" in found["Joseph R. Biden"]["aliases"]
    same_length = actors_of("Pollster Patrick Caddell said the numbers were bad. Pat Caddell "
                            "added that voters were worried.")
    assert [n for n, a in same_length.items() if a["type"] == "person"] == ["Patrick Caddell"]
    # Two different given names stay two people.
    two = actors_of("Patrick Caddell spoke first. Peter Caddell, his brother, disagreed.")
    assert {"Patrick Caddell", "Peter Caddell"} <= set(two)


def test_straight_and_curly_apostrophes_spell_one_name():
    found = actors_of("Police Commissioner James O’Neill spoke first. O'Neill said the city "
                      "was safe.")
    assert [n for n, a in found.items() if a["type"] == "person"] == ["James O’Neill"]
    assert len(found["James O’Neill"]["mentions"]) == 2


def test_newspapers_and_platforms_are_organisations():
    papers = actors_of("The Chicago Tribune reported the figures. Data from the Arizona "
                       "Republic agreed.")
    assert papers["Arizona Republic"]["type"] == "organisation"
    platform = actors_of("Jill Stein said on Twitter that she would attend.")
    assert platform["Twitter"]["type"] == "organisation"


def test_stage_directions_are_no_actors_and_a_bar_dateline_names_its_place():
    transcript = actors_of("PENCE: Well, look. (CROSSTALK.)")
    assert set(transcript) == {"Pence"}
    dateline = actors_of("WASHINGTON ― Senator Marcus Ames said on Friday that the bill "
                         "would pass.")
    assert set(dateline) == {"Marcus Ames", "Washington"}
    assert dateline["Washington"]["type"] == "place"  # the city, not the government acting


def test_the_city_that_opens_a_newspapers_name_stays_the_city():
    found = actors_of("Critics seized on the claim about shootings in Chicago this year. They "
                      "checked the Chicago Tribune, which counts every shooting in Chicago.")
    assert found["Chicago"]["type"] == "place"
    assert "Chicago" not in found["Chicago Tribune"]["aliases"]


def test_a_title_case_caption_inside_the_text_names_no_new_actors():
    found = actors_of("Senator Marcus Ames spoke to the caucus on Saturday.\n\n"
                      "[Video: Full Speech: Senator Ames Speech at Caucus Dinner in "
                      "Springfield]\n\nAmes said the vote would be close.")
    assert set(found) == {"Marcus Ames"}


def test_a_name_ends_before_a_spaced_dash_and_a_party_tag_is_no_actor():
    dash = actors_of("The game between the Carolina Panthers and the Minnesota Vikings - while "
                     "protests went on - was played.")
    assert "Minnesota Vikings" in dash and not any("while" in n for n in dash)
    tag = actors_of("Rep. Marcia Lee (D-Newport News) spoke on Monday.")
    assert set(tag) == {"Marcia Lee"}


def test_a_possessive_inside_a_known_or_plural_owner_name_is_kept():
    found = actors_of("Officials of the Democratic People's Republic of Korea met on Monday. "
                      "N. Korea fired a missile.")
    assert set(found) == {"North Korea"}
    assert len(found["North Korea"]["mentions"]) == 2


def test_a_person_tagged_as_an_organisation_by_role_or_name_form():
    anchor = actors_of("The debate was moderated by Lester Holt, anchor of NBC's Nightly News.")
    assert anchor["Lester Holt"]["type"] == "person"
    minister = actors_of("Jean-Marc Ayrault, the foreign minister of France, arrived.")
    assert minister["Jean-Marc Ayrault"]["type"] == "person"
    from briefing.analysis.actors import _looks_personal
    assert _looks_personal("Vann R. Newkirk II") and not _looks_personal("Vann Newkirk Center")


def test_a_company_named_with_a_given_name_is_an_organisation():
    found = actors_of("Shares of Walter Energy fell after Walter Energy said it would close a "
                      "mine.")
    assert found["Walter Energy"]["type"] == "organisation"
    assert "Energy" not in found["Walter Energy"]["aliases"]


def test_the_given_name_al_is_no_particle():
    found = actors_of("Former Vice President Al Gore spoke. Gore said the planet was warming.")
    assert "Al Gore" in found and "al Gore" not in found


def test_given_names_joined_by_and_share_the_surname():
    brothers = actors_of("Groups backed by the billionaire brothers Charles G. and David H. Koch "
                         "attacked the plan.")
    assert {"Charles G. Koch", "David H. Koch"} <= set(brothers)
    couple = actors_of("Bill and Hillary Clinton arrived in Little Rock on Monday.")
    assert {"Bill Clinton", "Hillary Clinton"} <= set(couple) and "Bill" not in couple


def test_a_particle_written_in_capitals_or_not_is_one_surname():
    found = actors_of("The founder, Chandler Van Voorhis, spoke first. Van Voorhis said the "
                      "plan would work.")
    assert [n for n, a in found.items() if a["type"] == "person"] == ["Chandler Van Voorhis"]
    assert len(found["Chandler Van Voorhis"]["mentions"]) == 2


def test_a_dotted_acronym_is_no_place():
    found = actors_of("The I.R.S. audited the returns on Monday.")
    assert found["I.R.S."]["type"] == "organisation"


def test_untagged_persons_named_by_role_possessive_or_saying():
    role = actors_of("Reince Priebus, the GOP chairman, this past week announced a plan.")
    assert role["Reince Priebus"]["type"] == "person"
    owner = actors_of("Neither Germany’s Angela Merkel nor France’s Francois Hollande have gone "
                      "as far.")
    assert owner["Francois Hollande"]["type"] == "person"
    assert owner["Francois Hollande"]["role"] is None  # not "...nor France's"
    said = actors_of("But Murshed Zaheed, acting political director of CREDO, said no.")
    assert "Murshed Zaheed" in said


def test_hyphenated_given_names_keep_their_lower_case_part():
    found = actors_of("Secretary General Ban Ki-moon spoke. Al Qaeda claimed the attack.")
    assert "Ban Ki-moon" in found and found["Al Qaeda"]["type"] == "organisation"


def test_a_sentence_opening_common_word_and_a_holiday_are_no_actors():
    found = actors_of("Battleground states will decide it. Senator Marcus Ames toured the "
                      "battleground on Monday and spoke on Veteran’s Day.")
    assert set(found) == {"Marcus Ames"}


def test_a_person_tagged_an_organisation_is_known_by_the_surname_used_alone():
    found = actors_of("The moderator, Lester Holt, will ask about it. Trump accused Holt of "
                      "bias.")
    assert found["Lester Holt"]["type"] == "person"
    bank = actors_of("Shares of Wells Fargo fell. Wells Fargo said it would pay.")
    assert bank["Wells Fargo"]["type"] == "organisation"


def test_contractions_initials_and_corrections_are_no_actors():
    found = actors_of("I’d say so, said Marcus Ames. Clarification: an earlier version "
                      "misstated the date.")
    assert set(found) == {"Marcus Ames"}


def test_a_quoted_title_names_no_actors_but_a_quoted_name_stays():
    found = actors_of("Carly Fiorina told \"Fox and Friends,\" that he was fair game. As “The "
                      "Wall Street Journal” wrote, Clinton said “Trump is wrong” on Monday.")
    assert "Fox" not in found and "Friends" not in found
    assert {"Carly Fiorina", "Wall Street Journal", "Clinton", "Trump"} <= set(found)


def test_a_party_tag_in_brackets_leaves_the_title_before_the_name():
    found = actors_of("Sen. Ted Cruz (R-Texas) called the plan abhorrent. Earlier, incumbent "
                      "Rep. Ann Miller (D-Ohio) had praised it.")
    assert found["Ted Cruz"]["role"] == "Sen."
    assert found["Ann Miller"]["role"] == "incumbent Rep."


def test_an_apposition_runs_to_its_closing_comma_and_stops_before_its_clause():
    found = actors_of("Joe Scarborough, host of MSNBC’s “Morning Joe,” said the race was over. "
                      "Mitt Romney, the 2012 Republican presidential nominee, disagreed. "
                      "Ben Carson, the physician who briefly led the polls, spoke next. "
                      "Chris Christie, a Trump ally stung by his rejection, rebounded. "
                      "Ted Cruz, also a GOP presidential hopeful, objected.")
    assert found["Joe Scarborough"]["role"] == "host of MSNBC’s “Morning Joe”"
    assert found["Mitt Romney"]["role"] == "2012 Republican presidential nominee"
    assert found["Ben Carson"]["role"] == "physician"
    assert found["Chris Christie"]["role"] == "Trump ally"
    assert found["Ted Cruz"]["role"] == "GOP presidential hopeful"


def test_another_name_a_list_or_a_clause_after_a_name_is_no_role():
    listed = actors_of("Democrats pointed to Senators Harry Reid of Nevada, Elizabeth Warren "
                       "of Massachusetts and Chuck Schumer of New York as peacemakers.")
    assert [listed[n]["role"] for n in ("Harry Reid", "Elizabeth Warren", "Chuck Schumer")] == [
        "Senator", "Senator", "Senator"]
    family = actors_of("He thanked the women in his life, including his wife, Anna Kowalski, "
                       "their two daughters and his sisters.")
    assert family["Anna Kowalski"]["role"] == "wife"
    clause = actors_of("When Ohio cast its votes for its governor, John Kasich, a chorus of "
                       "cheers and boos rose from the crowd.")
    assert clause["John Kasich"]["role"] == "governor"
    misparse = actors_of("On the topic of another tough guy, Mr. Putin, Mr. Trump was pressed. "
                         "But the younger Mr. Trump said nothing.")
    assert all(a["role"] is None for a in misparse.values())


def test_a_role_written_before_a_name_in_apposition():
    found = actors_of("The Russian president, Vladimir Putin, spoke first. Her husband's "
                      "Treasury secretary, Lawrence Summers, agreed. Florida's Republican "
                      "attorney general, Pam Bondi, objected. Everybody was there, the "
                      "president, the vice president, Susan Rice, and the press.")
    assert found["Vladimir Putin"]["role"] == "Russian president"
    assert found["Lawrence Summers"]["role"] == "Treasury secretary"
    assert found["Pam Bondi"]["role"] == "Florida's Republican attorney general"
    assert found["Susan Rice"]["role"] is None


def test_georgia_is_the_state_among_states_and_the_country_among_countries():
    state = actors_of("Republicans fear losing states like Arizona, North Carolina and "
                      "Georgia. Ohio and Florida are close too.")
    assert state["Georgia"]["type"] == "place"
    country = actors_of("Putin has used his invasions of Georgia and Ukraine as a threat. "
                        "Voters in Ohio did not care.")
    assert country["Georgia"]["type"] == "country"


def test_organisations_named_with_a_place_or_state_are_organisations():
    from briefing.analysis.actors import _canonical, _Mention

    # (The small model tags "Islamic State" a place only in longer texts: the rule alone.)
    for label in ("GPE", "LOC", "ORG"):
        assert _canonical(_Mention(0, 13, "Islamic State", label, False))[1] == "organisation"
    assert _canonical(_Mention(0, 13, "Rakhine State", "ORG", False))[1] == "place"
    found = actors_of("Larry Ross now hosts a show on the RT America television network. Vann "
                      "Miller, a writer for The Atlantic, said the case went to the U.S. Court "
                      "of Appeals for the District of Columbia Circuit. The debate at Hofstra "
                      "University on Long Island drew a crowd.")
    assert found["RT America"]["type"] == "organisation"
    assert found["Atlantic"]["type"] == "organisation"
    assert found["District of Columbia Circuit"]["type"] == "organisation"
    assert found["Hofstra University on Long Island"]["type"] == "organisation"
    ocean = actors_of("The storm crossed the Atlantic on Monday.")
    assert ocean["Atlantic"]["type"] == "place"


def test_a_newspaper_is_no_group_and_a_name_by_relation_is_a_person():
    found = actors_of("The Times newspaper reported the visit. His campaign appeared in "
                      "disarray after his wife, Melania, delivered a speech. Bosnia and the "
                      "Vatican were not mentioned.")
    assert found["Times"]["type"] == "organisation"
    assert found["Melania"]["type"] == "person" and found["Melania"]["role"] == "wife"
    assert found["Bosnia and Herzegovina"]["type"] == "country"
    assert found["Vatican City"]["type"] == "country"
    home = actors_of("He flew to his home state, Hawaii, on Friday.")
    assert home["Hawaii"]["type"] == "place"


def test_a_role_ends_cleanly_and_keeps_its_plural_names():
    found = actors_of("John Dickey, chief executive of Ora Media -- the production company -- "
                      "spoke. Lester Holt, anchor of NBC's \"Nightly News,\" asked. Jeffrey "
                      "Trimble, a senior official with the Broadcasting Board of Governors, "
                      "agreed. Malkia Cyril, the executive director at the Center of Media "
                      "Justice and whose work is featured in the film, objected. Visits by both "
                      "President Barack Obama and his wife are planned.")
    assert found["John Dickey"]["role"] == "chief executive of Ora Media"
    assert found["Lester Holt"]["role"] == "anchor of NBC's \"Nightly News\""
    assert found["Jeffrey Trimble"]["role"] == (
        "senior official with the Broadcasting Board of Governors")
    assert found["Malkia Cyril"]["role"] == "executive director at the Center of Media Justice"
    assert found["Barack Obama"]["role"] == "President"


def test_a_role_given_the_full_name_goes_before_one_given_the_surname():
    found = actors_of("President Obama spoke first. The campaign will employ the first lady, "
                      "Michelle Obama, in Ohio. Obama was not there.")
    michelle = found["Michelle Obama"]
    assert michelle["role"] == "first lady"


def test_a_name_in_apposition_to_a_persons_noun_is_a_person_and_a_region_a_place():
    found = actors_of("The debate was guided by its moderator, Lester Holt, who asked about "
                      "race. Russia's annexation of Crimea renewed fears along Europe's "
                      "eastern flank.")
    assert found["Lester Holt"]["type"] == "person"
    assert found["Lester Holt"]["role"] == "moderator"
    assert found["Crimea"]["type"] == "place"


def test_a_party_plural_ends_an_organisations_name_and_its_opening_words_join_it():
    found = actors_of("Log Cabin Republicans president Gregory T. Angelo said it would be "
                      "remarkable. Two years ago, the county party and the local Log Cabin "
                      "chapter teamed up to sponsor a booth.")
    assert found["Log Cabin Republicans"]["type"] == "organisation"
    assert "Log Cabin" not in found


def test_an_apposition_after_a_party_tag_or_a_possessive_is_still_the_role():
    found = actors_of("They would not get an immunity deal, said Rep. Jim Jordan (R-Ohio), an "
                      "oversight panel member, in a phone interview. Donald Trump, her "
                      "Republican opponent, bemoaned the unrest.")
    assert found["Jim Jordan"]["role"] == "oversight panel member"
    assert found["Donald Trump"]["role"] == "Republican opponent"



def test_a_party_word_before_a_full_name_is_the_role_not_the_name():
    found = actors_of("Libertarian Gary Johnson and Green Party candidate Jill Stein were not "
                      "invited to the debate.")
    assert "Gary Johnson" in found and "Libertarian Gary Johnson" not in found
    assert found["Gary Johnson"]["role"] == "Libertarian"


def test_a_us_state_named_formally_or_by_an_undotted_abbreviation_is_the_state():
    from briefing.analysis.actors import _canonical, _Mention

    assert _canonical(_Mention(0, 3, "Tex", "GPE", False)) == ("Texas", "place")
    found = actors_of("He bought the bridge in 2014, using a loan from the State of Virginia. "
                      "Virginia later asked for it back.")
    assert "State of Virginia" not in found
    assert len(found["Virginia"]["mentions"]) == 2


def test_a_title_tagged_before_a_name_and_designated_firms_and_atolls_are_no_persons():
    found = actors_of("Charlotte Mayor Jennifer Roberts said Friday that the video should be "
                      "released. Kenneth Baer, a former official who runs Crosscut Strategies, "
                      "agreed. Julie Hirschfeld Davis reported from Midway Atoll.")
    assert "Charlotte Mayor" not in found
    assert found["Jennifer Roberts"]["role"] == "Charlotte Mayor"
    assert found["Crosscut Strategies"]["type"] == "organisation"
    assert found["Midway Atoll"]["type"] == "place"


def test_an_apposition_headed_by_a_persons_noun_outside_the_titles_is_a_role():
    found = actors_of("Analysts expect more incidents. Nina Park, a senior fellow at the "
                      "Brookings Institution, said the pattern was clear. Carlos Mendes, a "
                      "Mexican billionaire, disagreed.")
    assert found["Nina Park"]["role"] == "senior fellow at the Brookings Institution"
    assert found["Carlos Mendes"]["role"] == "Mexican billionaire"


def test_a_name_the_text_says_a_bearer_is_known_by_is_the_same_actor():
    band = actors_of("The singer and his producer Tomas Wendt, AKA Night Owl, wrote the songs. "
                     "Night Owl said the album is done.")
    assert "Night Owl" not in band
    assert band["Tomas Wendt"]["type"] == "person" and "Night Owl" in band["Tomas Wendt"][
        "aliases"]
    assert band["Tomas Wendt"]["role"] != "AKA"
    renamed = actors_of("The files came from Dana Ortiz - then known as Daniel Ortiz - in 2009. "
                        "Ortiz was later released.")
    assert "Daniel Ortiz" not in renamed and "Daniel Ortiz" in renamed["Dana Ortiz"]["aliases"]
    quoted = actors_of("Petru Ilescu, the hacker known as “Nightjar,” said he had access to "
                       "the server.")
    assert "Nightjar" not in quoted and "Nightjar" in quoted["Petru Ilescu"]["aliases"]


def test_an_acronym_in_title_case_or_shared_with_an_event_joins_the_organisation():
    band = actors_of("The Silver Lake Drifters announced a benefit concert. The drummer wrote "
                     "that the Sld offered to pay for the theater but he would not accept.")
    assert "Sld" not in band and "Sld" in band["Silver Lake Drifters"]["aliases"]
    union = actors_of("The Northern Timber Workers Union backed the plan. The Ntwu said it "
                      "would strike on Monday.")
    assert "Ntwu" not in union
    assert union["Northern Timber Workers Union"]["type"] == "organisation"
    body = actors_of("The FWC said on Monday that its members were angry. The Federal Workers "
                     "Council met in Denver before the Federal Workers Conference opened there.")
    assert "FWC" not in body and "FWC" in body["Federal Workers Council"]["aliases"]


def test_a_person_named_after_an_outlet_s_plural_possessive_is_the_person():
    found = actors_of("Veritas News’ Sean Mallory asked the senator about the bill on Tuesday.")
    assert "Veritas News’ Sean Mallory" not in found
    assert found["Sean Mallory"]["type"] == "person"
    unknown_given = actors_of("“I am not that man,” the senator said to Coastline News’ Tamsin "
                              "Vey on Monday.")
    assert unknown_given["Tamsin Vey"]["type"] == "person"


def test_a_sentence_opening_word_the_tagger_calls_no_proper_noun_is_no_actor():
    found = actors_of("Wholesale prices rose 2 percent in May. Halfway into the year, Lindqvist "
                      "Foods reported a loss. Exit polling showed a close race.")
    assert not {"Wholesale", "Halfway", "Exit"} & set(found)
    assert "Lindqvist Foods" in found
    acting = actors_of("Target said on Monday that it would close 12 stores in Ohio.")
    assert "Target" in acting


def test_a_known_organisation_the_model_left_untagged_is_an_actor_where_it_acts():
    found = actors_of("As the storm hit the coast, Facebook activated a tool that lets users "
                      "mark themselves safe. A spokeswoman, Ines Varga, said the tool had been "
                      "used before.")
    assert found["Facebook"]["type"] == "organisation"


def test_an_adjective_opening_a_headline_before_a_surname_is_no_part_of_the_name():
    ally = actors_of("Longtime Halvorsen ally Ben Moss quit on Friday. Anne Halvorsen thanked "
                     "him.")
    assert "Longtime Halvorsen" not in ally
    assert len(ally["Anne Halvorsen"]["mentions"]) == 2
    aides = actors_of("Top Halvorsen aides met on Monday. Anne Halvorsen said the talks went "
                      "well.")
    assert "Top Halvorsen" not in aides and "Halvorsen" in aides["Anne Halvorsen"]["aliases"]


def test_names_after_a_plural_occupation_are_persons_however_the_model_tagged_them():
    found = actors_of("Messages came from the actresses Marisol Hayek and Emma Lund.")
    assert found["Marisol Hayek"]["type"] == "person"
    assert found["Marisol Hayek"]["role"] == found["Emma Lund"]["role"] == "actress"


def test_a_cause_named_for_a_country_is_one_organisation_but_leaving_a_city_for_it_is_not():
    found = actors_of("Voters backed Progress for Norway, a right-wing party that won seats in "
                      "two regions. He left Chicago for Ohio.")
    assert found["Progress for Norway"]["type"] == "organisation"
    assert "Progress" not in found and "Norway" not in found
    assert {"Chicago", "Ohio"} <= set(found)


def test_an_adjective_or_a_voter_for_a_state_makes_no_cause():
    found = actors_of("Crowds chanted that the plan was Bad for Vermont. The ads spoke to "
                      "Anderson for Kansas voters.")
    assert "Vermont" in found and "Kansas" in found
    assert not any(" for " in name for name in found)


def test_a_name_spelled_in_capitals_inside_prose_is_kept_but_a_capitals_line_is_not():
    assert "NORTH STAR TIMES" in actors_of("The results surprised her, she told NORTH STAR "
                                           "TIMES on Monday.")
    assert actors_of("NORTH STAR TIMES\n\nThe results surprised her, she said on Monday.") == {}


def test_a_capitals_name_cut_before_its_last_capitals_word_is_one_organisation():
    from spacy.tokens import Span

    from briefing.analysis.actors import _retagged
    doc = load_pipeline()("Jane Roe writes for the NORTH STAR NETWORK.")
    cut = [Span(doc, 4, 7, label="ORG"), Span(doc, 7, 8, label="PERSON")]  # as the model
    assert [(e.text, e.label_) for e in _retagged(doc, cut)] == [
        ("the NORTH STAR NETWORK", "ORG")]
    assert "BOSTON TIMES NETWORK" in actors_of("Jane Roe covers Congress for the BOSTON "
                                               "TIMES NETWORK.")


def test_a_list_ending_a_sentence_ends_its_last_name_at_the_full_stop():
    found = actors_of("The boycott goes on, including but not limited to BigCorpBank, Metlife, "
                      "Microsoft, Motorola, "
                      "Wells Fargo, and UPS. It seems odd.")
    assert "UPS" in found and not any(name.startswith("UPS.") for name in found)
    kept = actors_of("Donors were Acme Co., Boeing Inc. and Lowe Corp. Then it ended.")
    assert {"Acme Co.", "Boeing Inc.", "Lowe Corp."} <= set(kept)


def test_one_item_tagged_otherwise_does_not_stop_a_list_of_organisations_being_read():
    found = actors_of("The sponsors that left include Quorvex, Metlife, Microsoft, Motorola, "
                      "Walgreens, Wells Fargo, and Zentro. It seems odd.")
    assert {"Quorvex", "Metlife"} <= set(found)
    assert found["Quorvex"]["type"] == "organisation"


def test_a_business_named_with_a_possessive_keeps_it_but_a_possessor_does_not():
    found = actors_of("Four casinos — Zelly’s, Caesars, Morrow’s and the Grand Palace — reported "
                      "losses. Revenue fell 5 percent at Zelly’s and 4 percent at Caesars. "
                      "The plan, unlike Obama’s, failed. "
                      "Acme Corp.’s board met, and Quill’s owner left.")
    assert "Zelly’s" in found and "Zelly" not in found
    assert {"Obama", "Acme Corp.", "Quill"} <= set(found)


def test_a_name_right_after_a_programme_noun_is_the_programme_not_a_person():
    found = actors_of("Speaking on radio show Zoney’s Jukebox last week, the singer said the "
                      "band would tour. Polls show Jane Roe leading.")
    assert "Zoney" not in found and "Zoney’s Jukebox" not in found
    assert found["Jane Roe"]["type"] == "person"


def test_a_hyphenated_name_listed_with_places_is_a_place_but_a_company_stays_one():
    found = actors_of("Storms hit Ostria-Vandel, Bavaria and Hesse. Mercedes-Benz said sales "
                      "fell.")
    assert found["Ostria-Vandel"]["type"] == "place"
    assert found["Mercedes-Benz"]["type"] == "organisation"


def test_the_end_of_a_laws_title_is_no_organisation_but_an_act_of_congress_names_it():
    found = actors_of("The rule was written into Article 33 of the 1951 Convention Relating to "
                      "the Status of Refugees, the 1967 Protocol, and other laws. It needs an "
                      "Act of Congress.")
    assert "Status of Refugees" not in found
    assert "Congress" in found


_SURNAME_SPELLINGS = """
from briefing.analysis.actors import _merge, _Mention
text = "Marine Le Pen spoke. Le Pen said no. Le Pen's niece Marion agreed."
mentions = [(_Mention(0, 13, "Marine Le Pen", "PERSON", True), "Marine Le Pen", "person"),
            (_Mention(21, 27, "Le Pen", "PERSON", True), "le Pen", "person"),
            (_Mention(37, 43, "Le Pen", "FAC", False), "Le Pen", "place")]
print(sorted((a.name, a.type) for a in _merge(mentions, {}, text)))
"""


def test_a_particle_surname_spelled_two_ways_joins_its_full_name_whatever_the_set_order():
    # "le Pen" (a person's mention) and "Le Pen" (the model's place) are one surname: which
    # is looked at first (string hashing orders the names) must not decide the actors.
    shown = set()
    for seed in range(12):
        result = subprocess.run([sys.executable, "-c", _SURNAME_SPELLINGS], check=True,
                                capture_output=True, text=True,
                                env={**os.environ, "PYTHONHASHSEED": str(seed)})
        shown.add(result.stdout.strip())
    assert shown == {"[('Marine Le Pen', 'person')]"}


def test_the_democrat_party_and_dems_are_the_democratic_party():
    found = actors_of("Critics say the plan is central to the Democrat Party’s platform. Dems "
                      "hope it passes, voters who take Dem ballots agree, and so does the "
                      "Democratic Party.")
    assert not {"Democrat Party", "Dems", "Dem"} & set(found)
    assert {"Democrat Party", "Dems", "Dem"} <= set(found["Democratic Party"]["aliases"])


def test_a_state_s_abbreviation_whose_dot_ends_the_name_is_the_state():
    found = actors_of("The senator flew home to Burlington, Vt., and spoke to reporters about "
                      "Vermont.")
    assert "Vt" not in found and "Vt" in found["Vermont"]["aliases"]


def test_isis_isil_and_the_islamic_state_are_one_organisation():
    found = actors_of("ISIS claimed the attack on Friday. The Islamic State said its fighters "
                      "acted alone, and officials blamed ISIL.")
    assert "ISIS" not in found and "ISIL" not in found
    state = found["Islamic State"]
    assert state["type"] == "organisation" and {"ISIS", "ISIL"} <= set(state["aliases"])


def test_a_question_s_opening_verb_is_no_part_of_the_name_after_it():
    # ("Will Zambia" read as a given name and a surname, one person)
    found = actors_of("Will Zambia ask again? The fund has not said.")
    assert "Zambia" in found and found["Zambia"]["type"] == "country"
    assert not any(name.startswith("Will") for name in found)


def test_a_list_bullet_is_no_part_of_the_name_that_opens_the_item():
    found = actors_of("Turbines\n\n• Vestas warned that orders had slowed.\n• Siemens Energy "
                      "said turbine orders fell.")
    assert {"Vestas", "Siemens Energy"} <= set(found)
    assert not any("•" in alias for actor in found.values() for alias in actor["aliases"])
    # (and a common word opening an item is no more an actor for losing its bullet)
    listed = actors_of("Funding\n\n• Partners include UNICEF and the Red Cross.")
    assert "Partners" not in listed and "UNICEF" in listed


def test_a_one_word_name_the_model_left_untagged_is_an_actor_where_it_says_something():
    found = actors_of("Nordic power\n\n- Norway: Equinor said output rose in May.\n- Baltics: "
                      "Elering denied reports that the link had failed.\n- Statkraft and "
                      "Fortum both said prices had risen.")
    assert {"Equinor", "Elering", "Statkraft"} <= set(found)
    assert found["Equinor"]["type"] == "organisation"
    # (a body named "X of the Y" is whole; a surname untagged is its full name's)
    body = actors_of("The Prefecture of the Coast said the beach was shut. Ana Ruiz, a "
                     "swimmer, was upset. Ruiz said she would complain.")
    assert "Prefecture of the Coast" in body and "Ruiz" not in body


def test_a_title_before_a_name_is_the_person_s_role_whatever_the_model_tagged():
    found = actors_of('"The rules apply to all," Superintendent Elena Vidal told reporters. '
                      "Later, Cllr Tom Baines told a meeting that Magistrate Judge Ann Cole had "
                      "ruled.")
    assert found["Elena Vidal"]["type"] == "person"
    assert found["Elena Vidal"]["role"] == "Superintendent"
    assert found["Tom Baines"]["role"] == "Cllr"
    assert "Magistrate" not in found and found["Ann Cole"]["role"] == "Magistrate Judge"


def test_a_live_blog_s_time_stamp_is_no_part_of_a_name_or_role_after_it():
    found = actors_of("Quake live\n\n10:15 The National Observatory of Athens says its sensors "
                      "logged a second quake.\n\n09:40 Italy's civil protection chief, Marco "
                      "Rossi, has spoken to reporters in Rome.")
    assert "National Observatory of Athens" in found
    assert found["Marco Rossi"]["role"] == "Italy's civil protection chief"
    assert "Italy" in found


def test_an_unknown_place_that_says_something_is_an_organisation_but_a_surname_a_person():
    found = actors_of("Statkraft and Fortum both said prices had risen. Lena Karis spoke too. "
                      "Karis added that it was cold.")
    assert found["Fortum"]["type"] == "organisation"
    assert found["Lena Karis"]["type"] == "person" and "Karis" not in found


def test_a_name_whose_apposition_makes_it_a_unit_of_a_company_is_an_organisation():
    found = actors_of("Minera Esperanza, a unit of British-listed Corvel Metals, denied the "
                      "claim. Petro Valle, a subsidiary of Norsk Olje, denied it too.")
    assert found["Minera Esperanza"]["type"] == "organisation"
    assert found["Petro Valle"]["type"] == "organisation"


def test_brussels_acting_is_the_eu_body_the_text_names_not_belgium():
    found = actors_of("Rome will keep its fuel subsidy despite objections from Brussels. The "
                      "European Commission said it was studying the subsidy, and the "
                      "Commission may act in May.")
    assert "Belgium" not in found
    assert "Brussels" in found["European Commission"]["aliases"]
    union = actors_of("Brussels wants fewer trawlers off Dakar. The European Union and Senegal "
                      "meet next week.")
    assert "Belgium" not in union and "Brussels" in union["European Union"]["aliases"]


def test_a_place_named_with_hyphens_is_one_place_and_a_mayor_s_or_region_s_place_is_a_place():
    found = actors_of("The mayor of Mantoudi-Kireas-Prokopi, Eleni Sarri, said the road was "
                      "shut. The mayor of Limni-Rovies-Agia said the fire was out.")
    assert found["Mantoudi-Kireas-Prokopi"]["type"] == "place"
    assert found["Limni-Rovies-Agia"]["type"] == "place"
    assert "Mantoudi" not in found
    region = actors_of("The ministers discussed security in the Guera region and the needs of "
                       "refugees. Wells in Guera were dry.")
    assert region["Guera"]["type"] == "place"
    # (and where a name is once a region's, the model's organisation elsewhere is the region)
    both = actors_of("Fighting spread across the Abeche region last month. Officials warned "
                     "that local water supplies in Abeche were close to collapse.")
    assert both["Abeche"]["type"] == "place"


def test_a_file_word_as_link_text_is_no_actor():
    found = actors_of("The regulator put the tariff review online ([PDF](https://example.org/"
                      "review.pdf)).")
    assert "PDF" not in found


def test_a_capital_the_model_left_untagged_after_a_preposition_is_a_place():
    found = actors_of("The regulator's chair spoke to Harbour Daily in Accra about prices.")
    assert found["Accra"]["type"] == "place"


def test_two_regions_joined_by_a_hyphen_are_two_places_not_one():
    found = actors_of("Freight rates fell on the main Asia-Europe route, and the Africa-Europe "
                      "trade slowed.")
    assert {"Asia", "Europe", "Africa"} <= set(found)
    assert "Asia-Europe" not in found and "Africa-Europe" not in found


def test_a_line_s_bullet_or_time_stamp_is_left_before_its_block_and_a_time_alone_is_no_block():
    from briefing.analysis.pipeline import blocks

    # (a time stamp alone on its line is a live page's furniture: pipeline.line_lead)
    text = ("• Vestas warned\n11:40 am – Police named him\n9:34 p.m.\n2016 was dry\n"
            "9.52 percent said no")
    assert [(b.start, b.text.strip()) for b in blocks(text)] == [
        (2, "Vestas warned"), (27, "Police named him"), (54, "2016 was dry"),
        (67, "9.52 percent said no")]
