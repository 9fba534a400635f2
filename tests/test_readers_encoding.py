"""Reading files whatever their encoding, line endings and delimiter."""

import pytest

from farley.domain.readers import BadRow, ContactRecord, read_import
from farley.domain.readers.sniff import decode, guess_delimiter
from farley.errors import InvalidInput

CSV = "Name,Email,Company\r\nZoë Fairbanks,zoe@craneandsons.co.uk,Crane & Sons\r\n"
ZOE = ContactRecord(
    2, "Zoë Fairbanks", emails=["zoe@craneandsons.co.uk"], company="Crane & Sons"
)


@pytest.mark.parametrize(
    "data",
    [
        CSV.encode("utf-8"),
        b"\xef\xbb\xbf" + CSV.encode("utf-8"),
        CSV.encode("utf-16"),
        b"\xfe\xff" + CSV.encode("utf-16-be"),
        CSV.encode("utf-16-le"),
        CSV.encode("utf-16-be"),
        CSV.encode("utf-32"),
        CSV.encode("cp1252"),
    ],
    ids=[
        "utf-8",
        "utf-8 with BOM",
        "utf-16 LE with BOM",
        "utf-16 BE with BOM",
        "utf-16 LE without BOM",
        "utf-16 BE without BOM",
        "utf-32",
        "windows-1252",
    ],
)
def test_a_file_reads_the_same_in_every_encoding_tools_write(data):
    assert read_import(data).records == [ZOE]


def test_windows_1252_text_keeps_its_accents_and_euro_sign():
    text = "José Álvarez paid €40 for Zoë's coffee"

    assert decode(text.encode("cp1252")) == text


def test_bytes_that_no_encoding_maps_are_replaced_not_a_crash():
    assert (
        decode(b"Caf\xe9 \x81\x8d\x8f\x90\x9d") == "Café \ufffd\ufffd\ufffd\ufffd\ufffd"
    )


def test_excels_unicode_text_export_is_utf_16_with_tabs():
    data = CSV.replace(",", "\t").encode("utf-16")

    assert read_import(data).records == [ZOE]


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_line_numbers_count_physical_lines_whatever_the_line_ending(newline):
    lines = [
        "Name,Email,Notes",
        'Dana Whitfield,dana@example.com,"Two lines:',
        'budget, then school"',
        "",
        "Raj Patel,raj@example.com,,extra",
        "Lena Vogt,lena@example.com,",
    ]
    data = newline.join(lines).encode()

    result = read_import(data)

    assert [record.line for record in result.records] == [2, 6]
    assert result.records[0].notes == "Two lines:\nbudget, then school"
    assert result.bad == [BadRow(5, "has 4 fields, the header has 3")]


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [
        ("Name,Email,Company", ","),
        ("Name;Email;Company", ";"),
        ("Name\tEmail\tCompany", "\t"),
        ('"Last, First";Email;Company', ";"),
        ("Name", ","),
    ],
)
def test_the_delimiter_is_the_one_used_most_outside_quotes(line, delimiter):
    assert guess_delimiter(line) == delimiter


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n \r\n\t"])
def test_an_empty_file_is_refused_as_empty(data):
    with pytest.raises(InvalidInput, match=r"^contacts\.csv is empty"):
        read_import(data, filename="contacts.csv")


def test_a_file_whose_first_row_is_data_is_refused_as_having_no_header():
    data = b"Dana Whitfield,dana@example.com,+44 7700 900123\n"

    with pytest.raises(InvalidInput, match="contacts.csv has no header row"):
        read_import(data, filename="contacts.csv")


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), bytes(range(256)) * 8],
    ids=["xlsx", "random bytes"],
)
def test_a_binary_file_is_refused_with_a_pointer_to_format(data):
    with pytest.raises(
        InvalidInput, match=r"can't read contacts\.xlsx as CSV or vCard.*--format"
    ):
        read_import(data, filename="contacts.xlsx")


def test_a_file_with_only_a_header_has_no_records():
    result = read_import(b"Name,Email\r\n")

    assert (result.records, result.bad) == ([], [])


def test_an_unknown_format_names_the_formats():
    with pytest.raises(InvalidInput, match="use one of auto, linkedin, google"):
        read_import(CSV.encode(), format="excel")


def test_format_csv_reads_a_linkedin_file_by_its_column_names():
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ruth,Abebe,https://www.linkedin.com/in/ruth,,Addis Coffee,Owner,01 May 2024\n"
    )

    result = read_import(data.encode(), format="csv")

    assert result.format == "csv"
    assert result.records == [
        ContactRecord(
            2,
            "Ruth Abebe",
            urls=["https://www.linkedin.com/in/ruth"],
            company="Addis Coffee",
            title="Owner",
            met_on="01 May 2024",
        )
    ]


def test_a_cell_over_128_kb_is_read_whole():
    data = b"Name,Notes\nDana,short\nRaj," + b"x" * 200_000 + b"\n"

    result = read_import(data, filename="big.csv")

    assert [len(record.notes) for record in result.records] == [5, 200_000]
    assert result.bad == []


def test_a_cell_over_16_mb_is_a_bad_row_and_the_rows_after_it_are_read():
    data = b"Name,Notes\nDana,short\nRaj," + b"x" * (17 << 20) + b"\nAmy,ok\n"

    result = read_import(data, filename="big.csv")

    assert [record.name for record in result.records] == ["Dana", "Amy"]
    assert result.bad == [BadRow(3, "has a field over 16 MB")]
