"""Pay in the structures real pages outside the tuning set use: periods written far from the figure
or per fortnight, pay tables whose header carries the unit, ranges joined across parentheses,
figures without a currency sign, and money that sits beside pay but is not pay. Every snippet is
written for these tests, in our own words and figures; each asserts exact rows."""
from __future__ import annotations

from roledata.extract.context import PageContext
from roledata.extract.salaries import extract_salaries
from roledata.parse import parse_outline


def pay(text: str, *names: str) -> list[tuple]:
    """(amount_min, amount_max, period, currency) of every salary row, in page order."""
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", names))
    return [(r["amount_min"], r["amount_max"], r["period"], r["currency"]) for r in rows]


def annual(text: str, *names: str) -> list[tuple]:
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", names))
    return [(r["period"], r["annual_min_usd"], r["annual_max_usd"]) for r in rows]


def test_pay_per_fortnight_is_biweekly_and_a_year_is_26_of_them():
    text = ("Kiln Operator Pay\n\n"
            "A kiln operator at a regional works earns $2,140 per fortnight before overtime.\n"
            "Most plants pay fortnightly: $1,980 fortnightly for a new starter.\n")
    assert pay(text, "Kiln Operator") == [(2140.0, 2140.0, "biweekly", "USD"), (1980.0, 1980.0, "biweekly", "USD")]
    assert annual(text, "Kiln Operator") == [("biweekly", 2140.0 * 26, 2140.0 * 26), ("biweekly", 1980.0 * 26, 1980.0 * 26)]


def test_a_non_pay_word_vetoes_only_the_figure_it_governs():
    text = ("Kiln Operator Salary\n\n"
            "Operators on day shifts are paid from £24,100 to £25,900 a year, following the 4% pay award agreed in spring.\n"
            "Sales-floor kiln operators earn $52,000 a year at the larger showrooms.\n"
            "How we invest in you: $58k-$66k/year, reviewed every April.\n"
            "The plant's annual revenue reached $41,000,000 last year.\n"
            "Clay sales of $180,000 a month keep the works busy.\n")
    assert pay(text, "Kiln Operator") == [(24100.0, 25900.0, "year", "GBP"), (52000.0, 52000.0, "year", "USD"),
                                          (58000.0, 66000.0, "year", "USD")]


def test_pay_before_a_benefit_is_pay_and_a_commission_target_is_not():
    text = ("Kiln Operator Pay\n\n"
            "The works offers a base salary of $47,500 before bonuses for a first-year operator.\n"
            "Top operators also take home $40k+ in commission on glaze orders.\n")
    assert pay(text, "Kiln Operator") == [(47500.0, 47500.0, "year", "USD")]


def test_differences_after_tax_pay_and_all_occupations_are_not_the_roles_pay():
    text = ("Kiln Operator Salary\n\n"
            "The median kiln operator salary is $49,800, which is above $46,300, the median wage for all occupations.\n"
            "Operators in the north earn $6,200 more per year than those in the south.\n"
            "The best-paying county pays $9,400 above the national average.\n"
            "A kiln operator earning $49,800 keeps an after-tax salary of $39,100 after income tax of $8,900.\n"
            "Night work adds an extra $3,000 a year.\n")
    assert pay(text, "Kiln Operator") == [(49800.0, 49800.0, "year", "USD"), (49800.0, 49800.0, "year", "USD")]


def test_a_verb_of_pay_governs_the_figure_after_it():
    text = ("Kiln Operator Careers\n\n"
            "Most kiln operators learn on the job. Those with two years on the line make $41,500 a year.\n")
    assert pay(text, "Kiln Operator") == [(41500.0, 41500.0, "year", "USD")]


def test_pay_of_other_roles_the_page_compares_with_is_left_out():
    text = ("Kiln Operator Salary\n\n"
            "In 2024 kiln operators earned an average of $46,200 per year. By comparison, kiln supervisors averaged "
            "$71,300 and glaze technicians averaged $48,900. Lead kiln operators brought home $58,100.\n"
            "The median earnings of individuals who worked as ceramic engineers were $91,000. The middle half earned "
            "between $80,000 and $99,000.\n"
            "Operators at tile works earn about $44,000.\n\n"
            "Related careers\n\n"
            "Glaze Technician\n\n"
            "Glaze technicians mix and test glazes; the average salary is about $48,900.\n")
    assert pay(text, "Kiln Operator") == [(46200.0, 46200.0, "year", "USD"), (58100.0, 58100.0, "year", "USD"),
                                          (44000.0, 44000.0, "year", "USD")]


def test_a_header_cell_gives_its_column_the_period_and_a_count_column_is_no_pay():
    text = ("Kiln Operator Pay by Region\n\n"
            "Region | Hourly Wage | Annual Salary | Jobs |\n"
            "---|---|---|---|\n"
            "North | $21.40 | $44,510 | 1,240 |\n"
            "South | $19.85 | $41,290 | 980 |\n\n"
            "| Step | Annual | Monthly Gross | Weekly Gross |\n"
            "| First year | £26,300 | £2,191.67 | £505.77 |\n")
    assert pay(text, "Kiln Operator") == [
        (21.4, 21.4, "hour", "USD"), (44510.0, 44510.0, "year", "USD"),
        (19.85, 19.85, "hour", "USD"), (41290.0, 41290.0, "year", "USD"),
        (26300.0, 26300.0, "year", "GBP"), (2191.67, 2191.67, "month", "GBP"), (505.77, 505.77, "week", "GBP")]


def test_a_table_led_in_by_a_pay_line_and_the_currency_of_its_first_cell_carried_down():
    text = ("Kiln Operator\n\n"
            "The median wages at the largest employers of kiln operators were as follows:\n"
            "Brick works | $45,120 |\n"
            "Tile factories | 43,870 |\n"
            "Art studios | 39,300 |\n")
    assert pay(text, "Kiln Operator") == [(45120.0, 45120.0, "year", "USD"), (43870.0, 43870.0, "year", "USD"),
                                          (39300.0, 39300.0, "year", "USD")]


def test_bare_figures_under_a_pay_header_take_the_pages_currency_and_html_cells_part_them():
    text = ("Kiln Operator Salary\n\n"
            "Kiln operators earn a median of $45,000 a year.\n\n"
            "Employer type | Median Annual Salary |\n"
            "---|---|\n"
            "Investment-cast foundries | 52,300</td></tr> <tr><td>Glass works</td><td>47,800 |\n"
            "Pottery studios | 38,600 |\n")
    assert pay(text, "Kiln Operator") == [(45000.0, 45000.0, "year", "USD"), (52300.0, 52300.0, "year", "USD"),
                                          (47800.0, 47800.0, "year", "USD"), (38600.0, 38600.0, "year", "USD")]


def test_ranges_joined_across_brackets_each_end_with_its_conversion():
    text = ("Kiln Operator Salary in New Zealand\n\n"
            "Starting out: NZD 52,000 (₹2,600,000) to NZD 58,000 (₹2,900,000).\n"
            "Monthly: about NZD 4,300(₹215,000) to NZD 4,800(₹240,000)/month\n")
    assert pay(text, "Kiln Operator") == [
        (52000.0, 58000.0, "year", "NZD"), (2600000.0, 2900000.0, "year", "INR"),
        (4300.0, 4800.0, "month", "NZD"), (215000.0, 240000.0, "month", "INR")]


def test_ranges_opened_by_a_start_or_a_minimum_and_two_clauses_kept_apart():
    text = ("Kiln Operator Pay\n\n"
            "Pay starts at $19.50 with step increases up to $23.00/hour.\n"
            "Salaries run from a minimum of $41,000 to a maximum of $52,000.\n"
            "New operators start at $40,500 a year, while senior operators earn up to $61,000 per year.\n")
    assert pay(text, "Kiln Operator") == [(19.5, 23.0, "hour", "USD"), (41000.0, 52000.0, "year", "USD"),
                                          (40500.0, 40500.0, "year", "USD"), (None, 61000.0, "year", "USD")]


def test_lakh_and_thousand_letters_on_rupee_figures_and_crore_words():
    text = ("Kiln Operator Salaries in India\n\n"
            "Base Pay Range\n"
            "₹3L - ₹6L/yr\n"
            "Kiln operators earn between 2.4 Lakhs and 1.1 Crore a year, depending on the plant.\n"
            "Range: ₹95T - ₹7L\n")
    assert pay(text, "Kiln Operator") == [(300000.0, 600000.0, "year", "INR"), (240000.0, 11000000.0, "year", "INR"),
                                          (95000.0, 700000.0, "year", "INR")]


def test_cards_of_related_roles_and_a_benefits_card_are_not_the_roles_pay():
    text = ("Kiln Operator Salaries\n\n"
            "Average Base Pay\n"
            "₹4L\n"
            "Additional Cash Compensation\n"
            "Average₹40,000Range₹20,000 - ₹60,000\n"
            "The average additional cash compensation for a kiln operator is ₹40,000, with a range from ₹20,000 - ₹60,000.\n"
            "What are some related job titles for a Kiln Operator?\n"
            "Glaze Mixer\n"
            "₹3,10,000\n"
            "per year\n"
            "Furnace Technician\n"
            "₹4,55,000\n"
            "per year\n")
    assert pay(text, "Kiln Operator") == [(400000.0, 400000.0, "year", "INR")]


def test_bare_figures_a_word_of_pay_governs_and_a_line_that_is_only_a_salary_range():
    text = ("Kiln Operator Salary\n\n"
            "Kiln operators earn a median of $44,800 a year.\n"
            "Operators at brick works tend to earn more, with a median annual salary of 47,250, according to the survey.\n"
            "Most listings put the salary at 40k to 46k for a new operator.\n"
            "In 2023 the plant employed 1,250 operators.\n\n"
            "48000 - 56000 plus overtime\n")
    assert pay(text, "Kiln Operator") == [(44800.0, 44800.0, "year", "USD"), (47250.0, 47250.0, "year", "USD"),
                                          (40000.0, 46000.0, "year", "USD"), (48000.0, 56000.0, "year", "USD")]


def test_a_list_of_rates_keeps_the_period_of_its_first_and_periods_several_words_away():
    text = ("Kiln Operator Pay\n\n"
            "The median hourly wage was $21.00 in brick works; tile plants, $23.50; and glass works, $25.25.\n"
            "New operators are paid $18.40, while leads are paid $27.90.\n"
            "The estimated monthly salary for kiln operators in Pune is between INR 21,400 to INR 24,900.\n")
    assert pay(text, "Kiln Operator") == [(21.0, 21.0, "hour", "USD"), (23.5, 23.5, "hour", "USD"),
                                          (25.25, 25.25, "hour", "USD"), (18.4, 18.4, "hour", "USD"),
                                          (27.9, 27.9, "hour", "USD"), (21400.0, 24900.0, "month", "INR")]


def test_column_labels_stacked_over_a_row_of_glued_figures():
    text = ("Kiln Operator Careers\n\n"
            "Median Annual Salary for Kiln Operators\n"
            "Starting Out\n"
            "(0-2 years)\n"
            "Established\n"
            "(3-9 years)\n"
            "Veteran\n"
            "(10+ years)\n"
            "$36,100$43,900$51,200\n")
    assert pay(text, "Kiln Operator") == [(36100.0, 36100.0, "year", "USD"), (43900.0, 43900.0, "year", "USD"),
                                          (51200.0, 51200.0, "year", "USD")]


def test_a_sentence_carrying_on_the_pay_of_its_paragraph():
    text = ("Kiln Operator Salary by State\n\n"
            "Location\n\n"
            "Ohio paid the highest kiln operator salaries, at $52,300 a year. Iowa and Utah, at $49,100 and $48,600, "
            "respectively, completed the top three.\n")
    assert pay(text, "Kiln Operator") == [(52300.0, 52300.0, "year", "USD"), (49100.0, 49100.0, "year", "USD"),
                                          (48600.0, 48600.0, "year", "USD")]


def test_periods_written_after_a_slash_or_a_few_words_on():
    text = ("Kiln Operator Wages\n\n"
            "Kiln operators earn $52,000/Yr. at most plants, or $24.50 /hourly on nights, or $4,100 gross per month "
            "in Wales.\n")
    assert pay(text, "Kiln Operator") == [(52000.0, 52000.0, "year", "USD"), (24.5, 24.5, "hour", "USD"),
                                          (4100.0, 4100.0, "month", "USD")]


def test_a_dot_between_thousands_and_a_labelled_k_range():
    text = ("Kiln Operator Salary\n\n"
            "The typical kiln operator earns $33.774 a year in Saxony.\n"
            "Salary: 42k to 50k, depending on shifts.\n")
    assert pay(text, "Kiln Operator") == [(33774.0, 33774.0, "year", "USD"), (42000.0, 50000.0, "year", "USD")]


def test_bare_figures_under_percentile_labels_and_ends_of_a_range_in_two_cells():
    text = ("Kiln Operator Wages\n\n"
            "Kiln operators earn $48,000 a year.\n\n"
            "Hourly wages\n10th percentile\n18.20\n50th percentile\n23.40\n90th percentile\n31.10\n\n"
            "Level | Min | Max |\n---|---|---|\nJunior | $38,000 | $44,000 |\nSenior | $47,000 | $58,000 |\n")
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", ("Kiln Operator",)))
    assert [(r["statistic"], r["amount_min"], r["amount_max"], r["period"]) for r in rows] == [
        ("point", 48000.0, 48000.0, "year"),
        ("p10", 18.2, 18.2, "hour"), ("median", 23.4, 23.4, "hour"), ("p90", 31.1, 31.1, "hour"),
        ("range", 38000.0, 44000.0, "year"), ("range", 47000.0, 58000.0, "year")]


def test_money_paid_once_is_no_salary():
    text = ("Kiln Operator Pay\n\n"
            "New kiln operators are paid a one-time relocation payment of $5,000 and a lump sum of $2,000 on joining.\n")
    assert pay(text, "Kiln Operator") == []


def test_a_range_from_less_than_to_more_than():
    text = ("Kiln Operator Salary\n\n"
            "The salary for a kiln operator runs from less than $31,000 to more than $62,000 a year.\n")
    assert pay(text, "Kiln Operator") == [(31000.0, 62000.0, "year", "USD")]


def stats(text: str, *names: str) -> list[tuple]:
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", names))
    return [(r["amount_min"], r["amount_max"], r["statistic"]) for r in rows]


def test_a_statistic_named_after_the_figure_and_one_naming_the_next_figure():
    text = ("Glazier Salary\n\n"
            "Glaziers in Ohio take home $51,300, the median for the trade last year.\n\n"
            "Most glaziers are paid $44,000 to $63,000 (median $52,800) depending on the union.\n\n"
            "Union rates: $44,500 - $61,000 (median base pay across forty cities).\n\n"
            "Glaziers average $49,900, median $50,200.\n")
    assert stats(text, "Glazier") == [(51300.0, 51300.0, "median"), (44000.0, 63000.0, "range"),
                                      (52800.0, 52800.0, "median"), (44500.0, 61000.0, "median"),
                                      (49900.0, 49900.0, "average"), (50200.0, 50200.0, "median")]


def test_a_year_in_a_row_of_cells_under_pay_is_no_pay():
    text = ("Barista Salary Guide 2026\n\n"
            "Typical Pay by Shop:\n- Chain cafe: $28,000 – $33,000\n- Specialty roaster: $31,000 – $38,000\n\n"
            "Most baristas we surveyed earn between $29,000 and $34,000 in base pay.\n\n"
            "Revised for 2026 | 4 min read\n\n"
            "Baristas pull espresso, steam milk and keep the bar clean through the morning rush.\n")
    assert pay(text, "Barista") == [(28000.0, 33000.0, "year", "USD"), (31000.0, 38000.0, "year", "USD"),
                                    (29000.0, 34000.0, "year", "USD")]
