"""torino_portal.csv: the one CSV writer of the admin's downloads."""

import csv
import io

from torino_portal import csv as portal_csv


def read(text):
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_a_cell_that_a_spreadsheet_would_run_is_text():
    for formula in ["=1+1", "+39 011", "-2", "@SUM(A1)", "\t=1", "\r=1"]:
        assert portal_csv.cell(formula) == "'" + formula
    assert portal_csv.cell("Ada = Lovelace") == "Ada = Lovelace"
    assert portal_csv.cell(None) == ""
    assert portal_csv.cell(42) == "42"


def test_lines_start_with_a_byte_order_mark_and_quote_every_row():
    text = "".join(portal_csv.lines(["name", "note"], [['=HYPERLINK("x")', "a, b"]]))
    assert text.startswith("\ufeffname,note")
    assert read(text) == [["name", "note"], ['\'=HYPERLINK("x")', "a, b"]]


def test_download_is_an_attachment_streamed_or_not():
    response = portal_csv.download(["a"], [["-1"]], "list")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="list-')
    assert read(response.content.decode()) == [["a"], ["'-1"]]
    streamed = portal_csv.download(["a"], iter([["@x"]]), "list", stream=True)
    assert read(b"".join(streamed.streaming_content).decode()) == [["a"], ["'@x"]]


def test_month_arithmetic_crosses_years_both_ways():
    import datetime

    from torino_portal.months import month_span, shift_month

    assert shift_month(datetime.date(2026, 12, 31), 1) == datetime.date(2027, 1, 1)
    assert shift_month(datetime.date(2026, 1, 15), -1) == datetime.date(2025, 12, 1)
    assert shift_month(datetime.date(2026, 3, 31), -14) == datetime.date(2025, 1, 1)
    assert month_span(2026, 12) == (datetime.date(2026, 12, 1), datetime.date(2027, 1, 1))
