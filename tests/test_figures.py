"""Figures an organisation or country reports (kg.extract.figures), on our own sentences."""
from __future__ import annotations

import pytest

from conftest import has
from kg.extract import extract_documents
from kg.model import Document
from kg.nlp import parse_documents

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def figures(nlp):
    """``figures(text)``: {(subject name, value, metric, period)} of the reports statements."""
    def read(text: str) -> set[tuple]:
        document = Document("f", text, "test", segments=((0, len(text)),))
        (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
        return {(s.subject.name, s.object.quantity.value, s.qualifiers.metric, s.qualifiers.period)
                for s in extraction.statements if s.predicate == "reports"}

    return read


@pytest.fixture(scope="module")
def reports(nlp):
    """``reports(text)``: the reports statements of the text, whole."""
    def read(text: str) -> list:
        document = Document("f", text, "test", segments=((0, len(text)),))
        (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
        return [s for s in extraction.statements if s.predicate == "reports"]

    return read


def test_figures_profit_rose_to_a_level_and_by_a_percentage(figures) -> None:
    found = figures("BP's profits rose 15% to £546m in the three months to December.")
    assert ("BP", 546_000_000, "profit", "three months to December") in found
    assert ("BP", 15, "profit rise", "three months to December") in found


def test_figures_a_dividend_raised_by_a_percentage_to_a_level_in_cents(figures) -> None:
    found = figures("BP raised its dividend by 10% to 8 cents.")
    assert ("BP", 0.08, "dividend", None) in found
    assert ("BP", 10, "dividend rise", None) in found


def test_figures_a_payment_names_the_metric_before_it(figures) -> None:
    found = figures("Heineken increased its dividend payment by 25% to 40 euro cents.")
    assert ("Heineken", 0.4, "dividend", None) in found


def test_figures_growth_figures_released_are_not_the_releasers(figures) -> None:
    found = figures("The central bank released growth figures showing Malaysia's economy expanded 7.1% in 2004.")
    assert {s for s, *_ in found} == {"Malaysia"}


@pytest.mark.parametrize(("text", "metric"), [
    ("Mitsubishi's sales have slid 41%.", "sales fall"),
    ("Mitsubishi's sales edged down 4%.", "sales fall"),
    ("Mitsubishi's sales edged up 4%.", "sales rise"),
    ("Mitsubishi's sales were 4% higher.", "sales rise"),
    ("Mitsubishi reported a 4% jump in sales.", "sales rise"),
    ("Mitsubishi's trade deficit widened by 4%.", "trade deficit change"),
])
def test_figures_a_change_says_which_way_it_went(figures, text, metric) -> None:
    assert ("Mitsubishi", 4 if "41" not in text else 41, metric) in {(s, v, m) for s, v, m, _ in figures(text)}


def test_figures_an_earlier_level_keeps_the_month_it_belongs_to(figures) -> None:
    found = figures("The UK's trade deficit was £4.6bn, down from October's £5bn.")
    assert ("United Kingdom", 5_000_000_000, "trade deficit", "October") in found


def test_figures_a_forecast_of_a_metric_is_expected_not_reported(nlp) -> None:
    text = "Forecasts for Japanese growth were scaled back to 4.0%."
    document = Document("f", text, "test", segments=((0, len(text)),))
    (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
    assert {(s.object.quantity.value, s.modality) for s in extraction.statements if s.predicate == "reports"} == {(4.0, "expected")}


def test_figures_posting_a_figure_names_its_owner(figures) -> None:
    found = figures("Vodafone Group reported pre-tax profits of £4.6bn for 2004.")
    assert any(s == "Vodafone Group" and v == 4_600_000_000 and m == "pre-tax profit" for s, v, m, _ in found)


def test_figures_a_fall_in_a_metric_is_a_fall(figures) -> None:
    found = figures("Unilever suffered a 3% fall in profits last year.")
    assert any(s == "Unilever" and v == 3 and m == "profit fall" for s, v, m, _ in found)


def test_figures_counts_with_their_unit(nlp) -> None:
    text = "General Motors, which employs more than 6,000 people, made cars in Detroit."
    document = Document("f", text, "test", segments=((0, len(text)),))
    (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
    (count,) = [s for s in extraction.statements if s.predicate == "reports"]
    assert (count.subject.name, count.object.quantity.value, count.object.quantity.unit) == ("General Motors", 6000, "people")


def test_figures_the_place_of_a_part_is_not_the_place_of_the_whole(nlp) -> None:
    text = "Cadbury Schweppes employs more than 50,000 people worldwide, with about 7,000 in the UK."
    document = Document("f", text, "test", segments=((0, len(text)),))
    (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
    (count,) = [s for s in extraction.statements if s.predicate == "reports"]
    assert (count.object.quantity.value, count.qualifiers.location) == (50000, None)


def test_figures_an_agency_forecasting_the_economy_does_not_own_it(figures) -> None:
    assert figures("The French statistics agency, INSEE, expects the economy to grow by 2.4% this year.") == set()
    assert ("Japan", 0.1, "growth", None) in figures("Japan said its economy grew 0.1%.")


def test_figures_the_rate_of_a_metric_is_that_metric(figures) -> None:
    assert ("Germany", 12.1, "unemployment", "January") in figures("Germany's unemployment rate rose to 12.1% in January.")
    assert ("Bank of England", 4.75, "interest rate", None) in figures("The Bank of England kept interest rates at 4.75%.")


def test_figures_count_with_its_unit_inside_the_number(figures) -> None:
    assert ("Shell", 2_000_000, "produce barrel", None) in figures("Shell produces 2 million barrels a day.")


def test_figures_capacity_of_a_number_of_units(figures) -> None:
    found = figures("Cemex, the Mexican cement maker, has an annual capacity of 80 million tonnes.")
    assert any(s == "Cemex" and v == 80_000_000 and m == "capacity" for s, v, m, _ in found)


def test_figures_elliptical_count_takes_its_unit_from_the_clause_before(figures) -> None:
    found = figures("Unison has 1.3 million members and the GMB has 600,000.")
    assert ("GMB", 600_000, "have member", None) in found


def test_figures_count_the_model_ran_into_a_conjunct_ends_before_it(figures) -> None:
    found = figures("Peru has a population of about 28 million and half live in poverty.")
    assert ("Peru", 28_000_000, "population", None) in found


def test_figures_population_counted_in_people_is_the_countrys(figures) -> None:
    found = figures("Ghana has a population of 21 million people.")
    assert ("Ghana", 21_000_000, "population", None) in found


def test_figures_population_is_not_given_to_whoever_states_it(figures) -> None:
    found = figures("The country has a population of 60 million people, the government says.")
    assert not any(m == "population" for _, _, m, _ in found)


def test_figures_a_one_off_charge_is_a_figure_the_firm_books(figures) -> None:
    found = figures("Shell took a $1bn charge in the fourth quarter.")
    assert any(s == "Shell" and v == 1_000_000_000 and m == "charge" for s, v, m, _ in found)


def test_figures_debts_the_subject_struggles_with_are_its_own(figures) -> None:
    found = figures("Eurotunnel is still struggling with debts of more than £6bn.")
    assert any(s == "Eurotunnel" and v == 6_000_000_000 and m == "debt" for s, v, m, _ in found)


def test_figures_sales_in_a_with_phrase_stay_unowned(figures) -> None:
    assert figures("Tesco opened 50 stores, with sales of $3bn.") == set()


def test_figures_share_price_moves_are_not_reported_figures(figures) -> None:
    assert figures("Shares in Barclays fell 3% to 590 pence on Tuesday.") == set()


def test_figures_a_sentence_naming_no_one_states_nothing(figures) -> None:
    assert figures("Sales climbed to 36bn kroner last year.") == set()


def test_figures_a_second_figure_in_a_list_keeps_its_own_period(figures) -> None:
    found = figures("The Bank of Canada expects the economy of Canada to grow by 2.8% in 2005 and 3.1% in 2006.")
    assert any(v == 3.1 and p == "2006" for _, v, _, p in found)


def test_figures_an_earlier_level_after_up_from_is_the_same_metric(figures) -> None:
    found = figures("Nestle's total revenue for the year was 87bn Swiss francs, up 4% from 84bn Swiss francs in 2003.")
    assert ("Nestle", 87_000_000_000, "revenue") in {(s, v, m) for s, v, m, _ in found}
    assert ("Nestle", 4, "revenue rise") in {(s, v, m) for s, v, m, _ in found}
    assert ("Nestle", 84_000_000_000, "revenue") in {(s, v, m) for s, v, m, _ in found}


def test_figures_a_figure_compared_with_belongs_to_the_same_firm(figures) -> None:
    found = figures("Nokia posted a net profit of 3bn euros, compared with a loss of 1bn euros in 2003.")
    assert ("Nokia", 1_000_000_000, "loss", "2003") in found


def test_figures_an_economy_that_grows_or_shrinks_gives_its_growth(figures) -> None:
    assert ("Germany", 1.7, "growth", "2004") in figures("Germany's economy grew 1.7% in 2004.")
    assert any(m == "contraction" for *_, m, _ in figures("Italy's economy shrank 0.3% in the last quarter."))


def test_figures_currency_named_with_its_country(figures) -> None:
    (found,) = figures("Statoil made a profit of 23bn Norwegian kroner.")
    assert found[1] == 23_000_000_000


def test_figures_an_unowned_figure_belongs_to_the_firm_the_article_is_about(figures) -> None:
    text = ("Nokia has posted higher profits. Nokia said demand for phones was strong. "
            "Sales climbed to 9bn euros from 8bn euros in 2003.")
    assert ("Nokia", 9_000_000_000, "sales") in {(s, v, m) for s, v, m, _ in figures(text)}


def test_figures_no_article_firm_when_two_are_named_as_often(figures) -> None:
    text = "Nokia and Siemens both posted results. Sales climbed to 9bn euros."
    assert figures(text) == set()


def test_figures_a_valued_firm_reports_its_market_value(figures) -> None:
    assert ("Shell", 100_000_000_000, "market value", None) in figures("Shell is currently valued at £100bn.")
    assert ("Tesco", 20_000_000_000, "market value", None) in figures("Tesco, which is valued at £20bn, cut jobs.")


def test_figures_an_offer_that_values_a_firm_puts_the_value_on_the_firm(figures) -> None:
    found = figures("The offer values Marks & Spencer at £9bn.")
    assert {s for s, *_ in found} == {"Marks & Spencer"}


def test_figures_a_lender_that_gives_house_prices_reports_them(figures) -> None:
    found = figures("Nationwide said house prices rose by 1.2% in March.")
    assert any(s == "Nationwide" and v == 1.2 and m == "house price rise" for s, v, m, _ in found)


def test_figures_an_oil_price_is_nobody_s_report(figures) -> None:
    assert figures("Shell said oil prices rose 3% on Monday.") == set()


def test_figures_a_deficit_is_a_deficit_not_a_loss(figures) -> None:
    found = figures("The UK's trade deficit widened to £5.4bn in May.")
    assert any(metric == "trade deficit" for _, _, metric, _ in found)


def test_figures_a_figure_given_as_a_limit_or_an_estimate_keeps_its_bound(reports) -> None:
    def bounds(text: str) -> set:
        return {(s.object.quantity.value, s.object.quantity.bound) for s in reports(text)}

    assert bounds("Lenovo's profit was less than 1% up on the year before.") == {(1, "below")}
    assert bounds("The East Midlands had an annual inflation rate of more than 15%.") == {(15, "above")}
    assert (4.5, "about") in bounds("Iraq hopes to raise its penetration rate from about 4.5% today to about 25% within 10 years.")
    assert bounds("Sales rose 5% over the year, Tesco said.") == {(5, None)}
    assert all(bound is None for _, bound in bounds("The unemployment rate went up to 5.5% from 5.4% in September."))


def test_figures_a_date_of_the_figure_compared_with_is_not_the_figure_s(figures) -> None:
    found = figures("Net income in the last quarter was 4.3bn rupees, against 2.7bn a year earlier, Wipro said.")
    assert {(value, period) for _, value, _, period in found} == {(4.3e9, "last quarter")}


def test_figures_a_balance_with_one_partner_says_so(figures) -> None:
    found = figures("The UK's deficit with the EU fell to £1.9bn in March.")
    assert {metric for _, _, metric, _ in found} == {"deficit with the EU"}
    assert {metric for _, _, metric, _ in figures("The US trade deficit with China hit $162bn.")} == {"trade deficit with China"}


def test_figures_the_level_a_figure_rose_from_is_the_earlier_period_s(figures) -> None:
    found = figures("Nike said sales rose 4% to $6.5bn from $6.2bn a year earlier.")
    assert ("Nike", 6_500_000_000, "sales", None) in found
    assert ("Nike", 6_200_000_000, "sales", "year earlier") in found


def test_figures_a_commodity_s_price_is_reported_by_no_country_before_it(figures) -> None:
    assert not any(s == "United States" for s, _, _, _ in figures("US light crude lost $2 to $48 a barrel on Friday."))


def test_figures_the_level_a_metric_was_down_from_is_the_same_metric(figures) -> None:
    found = figures("Output was 3.1% higher than a year before, down from 5.4% in the spring, the Federal Statistics Office said.")
    assert ("Federal Statistics Office", 5.4, "output") in {(s, v, m) for s, v, m, _ in found}


def test_figures_a_percentage_lower_is_a_fall(figures) -> None:
    found = figures("Vodafone said its revenues were 9% lower than in 2003.")
    assert ("Vodafone", 9, "revenue fall") in {(s, v, m) for s, v, m, _ in found}


def test_figures_a_metric_expected_to_grow_is_the_subject_of_the_expecting_verb(figures) -> None:
    assert ("Poland", 5.2, "growth") in {(s, v, m) for s, v, m, _ in figures("Poland's economy is forecast to expand by 5.2% next year.")}


def test_figures_growth_by_an_average_of_is_the_growth(figures) -> None:
    found = figures("Chile's economy has grown by an average of 5.5% a year since 1990.")
    assert ("Chile", 5.5, "growth") in {(s, v, m) for s, v, m, _ in found}


def test_figures_an_average_compared_with_is_no_figure_of_the_country(figures) -> None:
    found = figures("Peru's economy grew 4%, slightly above the regional average of 3%.")
    assert {v for _, v, _, _ in found} == {4}


def test_figures_a_metric_in_a_phrase_of_the_amount_names_the_figure(figures) -> None:
    found = figures("Thailand, which has about $50bn in foreign reserves, said it would buy more euros.")
    assert ("Thailand", 50_000_000_000, "reserves") in {(s, v, m) for s, v, m, _ in found}


def test_figures_profits_at_a_named_business_belong_to_its_firm(figures) -> None:
    found = figures("Profits at the Goldman Sachs investment banking arm rose 8% to $900m.")
    assert ("Goldman Sachs", 900_000_000, "profit") in {(s, v, m) for s, v, m, _ in found}


def test_figures_profits_at_a_country_s_stores_belong_to_the_firm_that_said_so(figures) -> None:
    assert {s for s, *_ in figures("Profits at its German stores rose 8%, Tesco said.")} == {"Tesco"}


def test_figures_sales_of_things_in_a_country_are_the_country_s(figures) -> None:
    assert ("France", 4, "sales fall") in {(s, v, m) for s, v, m, _ in figures("Sales of used cars in France fell 4% in March.")}


def test_figures_a_where_clause_gives_the_place_of_the_figure(figures) -> None:
    found = figures("Prices rose fastest in Scotland, where house prices were up by 14% in the year.")
    assert ("Scotland", 14, "house price rise") in {(s, v, m) for s, v, m, _ in found}


def test_figures_an_unowned_economy_is_no_agency_s(figures) -> None:
    text = "The Bundesbank published its forecasts on Monday. The economy is expected to grow by 1.5% next year."
    assert figures(text) == set()


def test_figures_a_metric_up_in_a_with_phrase_is_the_clause_subject_s(figures) -> None:
    found = figures("Tesco enjoyed a successful year, with like-for-like sales up 6%.")
    assert ("Tesco", 6, "sales rise") in {(s, v, m) for s, v, m, _ in found}


def test_figures_the_level_a_metric_in_a_with_phrase_reached(figures) -> None:
    found = figures("Heineken's profits fell, with sales down 3% to 9bn euros.")
    assert ("Heineken", 9_000_000_000, "sales") in {(s, v, m) for s, v, m, _ in found}


def test_figures_a_with_phrase_of_a_noun_is_no_figure_of_the_subject(figures) -> None:
    assert figures("Lloyds and Abbey would create a company with assets of more than $900bn.") == set()


def test_figures_a_bare_number_a_counted_metric_reached_is_its_level(figures) -> None:
    found = figures("Toyota's sales rose 3.5% to 2.7 million units in 2004.")
    assert ("Toyota", 2_700_000, "sales") in {(s, v, m) for s, v, m, _ in found}


def test_figures_a_bare_number_a_counted_metric_totalled(figures) -> None:
    assert ("Volvo", 450_000, "sales") in {(s, v, m) for s, v, m, _ in figures("Volvo said sales totalled 450,000 cars during 2004.")}


def test_figures_a_bare_number_a_metric_rose_by_is_not_read(figures) -> None:
    found = figures("Unemployment in France rose 206,900 to 4.64 million, the statistics office said.")
    assert {v for _, v, _, _ in found} == {4_640_000}



def test_figures_a_described_firm_named_in_apposition_owns_the_figure(figures) -> None:
    found = figures("The Dutch insurance group Aegon restated earnings by $2bn last year.")
    assert {s for s, *_ in found} == {"Aegon"}


def test_figures_a_nationality_before_the_subject_owns_no_figure(figures) -> None:
    assert figures("German prosecutors are forcing the sale of the plant to help pay a $2bn tax bill.") == set()


def test_figures_a_country_before_its_economy_still_owns_the_figure(figures) -> None:
    found = figures("The Canadian economy has grown more than expected, expanding at an annual rate of 2.8% in the last quarter.")
    assert any(v == 2.8 for _, v, _, _ in found)


def test_figures_a_figure_compared_with_is_the_earlier_level_of_the_one_before(figures) -> None:
    found = figures("Nokia made a net profit of $434m (£231m) in 2003, compared with $732m a year earlier.")
    assert ("Nokia", 732_000_000, "net profit", "year earlier") in found


def test_figures_a_growth_forecast_is_the_forecast_country_s_growth(figures) -> None:
    found = figures("The IMF is to cut its 2005 growth forecast for the French economy from 2.1% to 1.7%.")
    assert ("France", 2.1, "growth") in {(s, v, m) for s, v, m, _ in found}


def test_figures_forecasts_for_a_country_s_growth_are_its_growth(figures) -> None:
    found = figures("Estimates for Brazilian growth were cut to 3.5% from 4% this year and 2.9% from 3.2% in 2006.")
    assert {("Brazil", 3.5), ("Brazil", 2.9)} <= {(s, v) for s, v, _, _ in found}


def test_figures_a_figure_compared_with_that_names_its_own_owner_is_not_the_first_s(figures) -> None:
    found = figures("Sega has a stock market capitalisation of about $2bn, compared to Nintendo's $15bn.")
    assert {v for _, v, _, _ in found} == {2_000_000_000}


def test_figures_a_forecast_for_an_unnamed_economy_is_not_the_forecaster_s(figures) -> None:
    assert figures("The IMF will also reduce its growth estimate for the 10-member Gulf economy from 3.2% to 2.6%.") == set()


def test_figures_a_figure_compared_with_keeps_its_own_year(figures) -> None:
    found = figures("Nokia's net profit jumped to 3bn euros in 2004, compared with 1.4bn euros in 2003.")
    assert ("Nokia", 1_400_000_000, "net profit", "2003") in found


def test_figures_an_economy_read_as_the_object_of_showing_still_grew(figures) -> None:
    found = figures("Data showing Peru's economy expanded 6.1% in 2004 was released on Friday.")
    assert ("Peru", 6.1, "growth") in {(s, v, m) for s, v, m, _ in found}


def test_figures_what_a_firm_owes_is_its_debt(figures) -> None:
    found = figures("Creditors fear a move that could bankrupt Daewoo, which owes about $9.5bn.")
    assert ("Daewoo", 9_500_000_000, "debt") in {(s, v, m) for s, v, m, _ in found}


def test_figures_what_creditors_are_owed_is_not_their_debt(figures) -> None:
    assert figures("The 19 member countries of the Paris Club are owed about $5bn this year.") == set()



def test_figures_a_debt_owed_by_a_pronoun_is_not_read(figures) -> None:
    text = "Kraft Foods is the biggest creditor of Hostess. The baker said it owes $15m to Kraft Foods."
    assert not any(m == "debt" for _, _, m, _ in figures(text))


def test_figures_an_amount_set_beside_its_metric_is_that_metric(figures) -> None:
    found = figures("Shareholders gained: Vodafone started to pay dividends - $53m in 2000 and almost $1bn in 2001 - and closed its subsidiaries.")
    assert ("Vodafone", 53_000_000, "dividend") in {(s, v, m) for s, v, m, _ in found}


def test_figures_a_participle_clause_shares_its_clause_s_metric(figures) -> None:
    found = figures("House prices rose the slowest in the north, being up by 6%, Nationwide said.")
    assert ("Nationwide", 6, "house price rise") in {(s, v, m) for s, v, m, _ in found}



def test_figures_an_amount_after_a_comma_is_the_next_item_of_a_list(figures) -> None:
    found = figures("Labour's campaign cost £1.7m, the Tories' £2.1m and the Greens' £300,000, according to the Electoral Commission.")
    assert 2_100_000 not in {v for _, v, _, _ in found}


def test_figures_a_figure_joined_to_up_from_reads_like_the_earlier_level(figures) -> None:
    found = figures("Growth in Spain was 1.1% in 2004, up from just 0.3% in 2003 and 0.4% in 2002 - an improvement but still a long way from ideal.")
    assert ("Spain", 0.4, "growth") in {(s, v, m) for s, v, m, _ in found}


def test_figures_a_named_division_reports_its_own_sales(figures) -> None:
    found = figures("Tesco has said its annual profit will be lower. Its Tesco Direct online shopping division saw sales rise 3%.")
    assert any(s == "Tesco Direct" and v == 3 for s, v, _, _ in found)
    assert not any(s == "Tesco" and v == 3 for s, v, _, _ in found)


def test_figures_a_firm_described_by_its_home_country_is_not_the_country(figures) -> None:
    assert not any(s == "Germany" for s, _, _, _ in figures("Germany's biggest bank reported a profit of 2bn euros."))


def test_figures_a_sector_figure_a_statistics_office_gives_is_not_its_own(figures) -> None:
    found = figures("The Office for National Statistics said manufacturing output dropped 0.1% in November.")
    assert not any(s == "Office for National Statistics" for s, _, _, _ in found)


def _modalities(nlp, text: str) -> dict[float, str]:
    document = Document("f", text, "test", segments=((0, len(text)),))
    (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
    return {s.object.quantity.value: s.modality for s in extraction.statements if s.predicate == "reports"}


def test_figures_growth_a_country_is_expected_to_have_is_expected_not_asserted(nlp) -> None:
    assert _modalities(nlp, "Norway's economy is expected to grow by 2.8% in 2006.") == {2.8: "expected"}


def test_figures_growth_a_country_had_is_asserted(nlp) -> None:
    assert _modalities(nlp, "Norway's economy grew by 2.8% in 2005.") == {2.8: "asserted"}


def test_figures_a_forecast_figure_is_expected(nlp) -> None:
    assert _modalities(nlp, "The Bank of England forecasts that inflation will reach 2.5% in 2006.") == {2.5: "expected"}


def test_figures_a_change_from_one_level_to_another_reports_both(figures) -> None:
    found = figures("Sibneft's effective tax rate rose from 2.6% to 10.4% last year.")
    assert {(name, value) for name, value, _, _ in found} == {("Sibneft", 2.6), ("Sibneft", 10.4)}


def test_figures_a_to_the_parser_hangs_on_from_is_the_level_reached(figures) -> None:
    found = figures("Ambev boosted its share of the beer market from 62% to 68%.")
    assert ("Ambev", 68) in {(name, value) for name, value, _, _ in found}


def test_figures_each_end_of_a_change_keeps_its_own_year(figures) -> None:
    found = figures("Tesco's sales rose from £2bn in 2003 to £2.5bn in 2004.")
    assert {(value, period) for _, value, _, period in found} == {(2_000_000_000, "2003"), (2_500_000_000, "2004")}


def test_figures_a_figure_a_firm_forecasts_is_expected(facts) -> None:
    found = facts("Mitsubishi Motors has forecast a net loss of 472bn yen in its current financial year.")
    assert has(found, "Mitsubishi Motors", "reports", 472_000_000_000, modality="expected")


def test_figures_a_figure_estimated_stays_asserted(facts) -> None:
    found = facts("Analysts estimated Tesco's profits at £2bn.")
    assert not any(f.modality == "expected" for f in found)


def test_figures_what_two_firms_would_have_together_is_neither_firm_s(figures) -> None:
    assert figures("A merger of Boots and Alliance UniChem would have annual sales of $40bn.") == set()


def test_figures_a_metric_of_two_firms_is_each_firm_s(figures) -> None:
    found = figures("Profits at Tesco and Sainsbury rose 5% last year.")
    assert ("Tesco", 5) in {(name, value) for name, value, _, _ in found}


def test_figures_selling_more_of_a_counted_thing_is_a_change_in_the_count(figures) -> None:
    assert figures("Nissan sold 4% more cars in Europe last year.") == {("Nissan", 4, "sell car rise", "last year")}
    assert {(n, v) for n, v, _, _ in figures("Toyota produced 10% fewer vehicles in March.")} == {("Toyota", 10)}


def test_figures_more_than_another_firm_is_a_comparison_not_a_change(figures) -> None:
    assert figures("Tesco employs 10% more staff than Asda.") == set()


def test_figures_borrowing_costs_a_central_bank_lifts_are_its_interest_rate(figures) -> None:
    assert figures("The Fed lifted borrowing costs to 2.25% last year.") == {("Fed", 2.25, "interest rate", "last year")}


def test_figures_average_earnings_are_pay_not_profit(figures) -> None:
    found = figures("Average earnings rose by 4.3% in the year to December, the Office for National Statistics said.")
    assert {metric for _, _, metric, _ in found} == {"average earnings rise"}


def test_figures_a_firm_s_earnings_are_its_profit(figures) -> None:
    assert {metric for _, _, metric, _ in figures("Shell said its annual earnings rose 20% to $4bn.")} == {"profit", "profit rise"}


def test_figures_what_two_firms_do_between_them_is_neither_firm_s(figures) -> None:
    assert figures("Maserati and Ferrari sell about 10,000 cars between them.") == set()
    assert figures("Maserati and Ferrari together sell about 10,000 cars.") == set()


def test_figures_the_level_a_loss_deepened_from_is_no_figure_of_the_later_year(figures) -> None:
    found = figures("Rover said its losses deepened to £51.6m in 2004 from £1.2m.")
    assert ("Rover", 51_600_000, "loss", "2004") in found
    assert ("Rover", 1_200_000, "loss", None) in found


def test_figures_a_said_future_figure_is_expected(facts) -> None:
    found = facts("General Motors said it will deliver net income of $2.5bn this year.")
    assert has(found, "General Motors", "reports", 2_500_000_000, modality="expected")


def test_figures_a_would_figure_under_a_saying_is_expected(facts) -> None:
    found = facts("US growth would reach 4.4% in 2004, the OECD said.")
    assert has(found, "United States", "reports", 4.4, modality="expected")


def test_figures_a_figure_of_a_second_verb_is_as_sure_as_that_verb(facts) -> None:
    found = facts("Economists at PricewaterhouseCoopers warned house prices were overvalued and could fall by 15% by 2009.")
    assert has(found, "PricewaterhouseCoopers", "reports", 15, modality="possible")


def test_figures_a_joined_verb_shares_its_first_verb_s_future(facts) -> None:
    found = facts("US growth would reach 4.4% in 2004, but fall to 3.3% next year, the OECD said.")
    assert has(found, "United States", "reports", 3.3, modality="expected")


def test_figures_a_budget_or_sales_keep_what_they_are_of(figures) -> None:
    assert any(value == 9 and metric == "defence budget rise" for _, value, metric, _ in figures("Pakistan's defence budget was raised 9% to 250bn rupees."))
    assert any(value == 4 and metric == "car sales rise" for _, value, metric, _ in figures("Toyota said its car sales rose 4% in March."))


def test_figures_the_level_up_from_a_year_earlier_is_of_the_year_before(figures) -> None:
    found = figures("Google's sales surged to $805.9m in the third quarter, up from $393.9m a year earlier.")
    assert ("Google", 805_900_000, "sales", "third quarter") in found
    assert ("Google", 393_900_000, "sales", "year earlier") in found


def test_figures_the_level_a_change_started_from_takes_no_date_of_the_level_it_reached(reports) -> None:
    dated = {s.object.quantity.value: s.qualifiers.date for s in reports("Rover said its losses had deepened to £51.6m in 2004 from £1.2m.")}
    assert dated[51_600_000] == "2004"
    assert dated[1_200_000] is None


def test_figures_a_figure_told_in_a_when_clause_is_of_the_date_it_describes(figures) -> None:
    found = figures("Argentina has recovered. The country's economy is set to grow about 8% this year, a sharp turnaround from 2002 when output fell 11%.")
    assert ("Argentina", 11, "output fall", "2002") in found


def test_figures_each_level_of_a_change_keeps_its_own_date(reports) -> None:
    dated = {s.object.quantity.value: s.qualifiers.date for s in reports("EMI's revenues slipped from £3.24bn in 2003 to £2.89bn in 2004.")}
    assert dated[3_240_000_000] == "2003"
    assert dated[2_890_000_000] == "2004"


def test_figures_a_range_is_one_figure_its_low_end_written_as_the_range(reports) -> None:
    found = reports("Wal-Mart is expecting sales growth of between 1% and 3% for the month.")
    assert [(s.object.quantity.value, s.object.quantity.text) for s in found] == [(1, "between 1% and 3%")]


def test_figures_a_period_between_two_months_is_no_range(figures) -> None:
    assert ("Tesco", 5, "sales rise") in {(s, v, m) for s, v, m, _ in figures("Sales at Tesco rose 5% between March and May.")}


def test_figures_a_period_between_two_dates_is_no_range_of_figures(figures) -> None:
    found = figures("Data showed the Australian economy grew just 0.1% between October and December and 1.5% on an annual basis.")
    assert {0.1, 1.5} <= {v for _, v, _, _ in found}


def test_figures_a_range_the_parser_hangs_on_its_high_end_is_still_one_figure(figures) -> None:
    found = figures("By 2010 the reforms should help cut Germany's average jobless rate to between 3% and 5%, he added.")
    assert {(s, v) for s, v, _, _ in found} == {("Germany", 3)}


def test_figures_a_count_of_one_site_of_a_firm_is_not_the_firms(reports) -> None:
    counted = [s.evidence.sentence for s in reports("The Siemens plant at Boscholt employs 2,000 staff. Siemens employs 2,000 staff at its plant in Leeds.")]
    assert counted == ["Siemens employs 2,000 staff at its plant in Leeds."]


def test_figures_a_figure_of_one_amount_to_another_is_a_range(reports) -> None:
    found = reports("Google expects revenue of $4.2bn to $4.35bn in the first quarter.")
    assert [s.object.quantity.text for s in found] == ["between $4.2bn and $4.35bn"]


def test_figures_a_change_to_a_level_is_no_range(figures) -> None:
    assert {v for _, v, _, _ in figures("Unemployment in Germany fell 0.1% to 4.7% in March.")} == {0.1, 4.7}


def test_figures_a_run_of_periods_is_no_period_of_the_figure(figures) -> None:
    # "for the third year running" counts a streak; the figure is the latest year's, unnamed.
    found = figures("Rover's sales fell 12% for the third year running.")
    assert {(name, value, period) for name, value, _, period in found} == {("Rover", 12, None)}


def test_figures_a_month_beside_a_run_stays_the_figure_s_period(figures) -> None:
    found = figures("Retail sales at Tesco rose 0.5% in January, the sixth month in a row of growth.")
    assert {(value, period) for _, value, _, period in found} == {(0.5, "January")}


def test_figures_goods_from_outside_a_body_are_not_its_figure(figures) -> None:
    found = figures("Non-EU imports rose 3%, but the growth in goods entering the UK from the EU slowed to 0.5%.")
    assert not any(name in {"EU", "European Union", "Non-EU"} for name, *_ in found)


def test_figures_a_figure_set_to_come_is_expected(nlp) -> None:
    assert _modalities(nlp, "The US budget deficit is set to hit a record $368bn this year, officials said.") == {368e9: "expected"}


def test_figures_a_year_a_change_is_on_is_the_one_compared_with(figures) -> None:
    # "up 10% on 2003": the rise is over 2003, not in it.
    found = figures("BP said its oil production rose 10% on 2003.")
    assert {(value, period) for _, value, _, period in found} == {(10, None)}


def test_figures_a_day_a_change_is_on_is_its_day(figures) -> None:
    found = figures("BP said its oil production rose 10% on Thursday.")
    assert {(value, period) for _, value, _, period in found} == {(10, "Thursday")}
